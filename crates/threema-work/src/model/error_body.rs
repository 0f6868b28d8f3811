//! [`ErrorBody`]: the JSON body of an error response.

use serde::{Deserialize, Serialize};

/// An error response body: `{"error": "…"}` (API 1.7) or `{"message": "…"}` (API 1.4 and
/// earlier). Both are read; [`message`](Self::message) gives whichever is present.
///
/// ```
/// use threema_work::model::ErrorBody;
/// assert_eq!(ErrorBody::message_of(br#"{"error":"no credits left"}"#).as_deref(), Some("no credits left"));
/// assert_eq!(ErrorBody::message_of(br#"{"message":"Invalid X-Api-Key"}"#).as_deref(), Some("Invalid X-Api-Key"));
/// assert_eq!(ErrorBody::message_of(b""), None);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ErrorBody {
    /// The message, as API 1.7 sends it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// The message, as API 1.4 and earlier send it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

impl ErrorBody {
    /// A 1.7-style body `{"error": message}`.
    pub fn new(message: impl Into<String>) -> Self {
        Self {
            error: Some(message.into()),
            message: None,
        }
    }

    /// The message: `error`, or else `message`; empty strings count as absent.
    pub fn message(&self) -> Option<&str> {
        self.error
            .as_deref()
            .filter(|m| !m.is_empty())
            .or(self.message.as_deref().filter(|m| !m.is_empty()))
    }

    /// The message in a raw error body, if the body is JSON of either form.
    pub fn message_of(body: &[u8]) -> Option<String> {
        serde_json::from_slice::<Self>(body)
            .ok()
            .and_then(|b| b.message().map(str::to_owned))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_forms_and_garbage() {
        assert_eq!(
            ErrorBody::message_of(br#"{"error":"Detailed error message"}"#).as_deref(),
            Some("Detailed error message")
        );
        assert_eq!(
            ErrorBody::message_of(br#"{"message":"old","error":"new"}"#).as_deref(),
            Some("new")
        );
        assert_eq!(
            ErrorBody::message_of(br#"{"error":"","message":"m"}"#).as_deref(),
            Some("m")
        );
        assert_eq!(ErrorBody::message_of(b"<html>502</html>"), None);
        assert_eq!(ErrorBody::message_of(br#"{"error":5}"#), None);
        assert_eq!(
            serde_json::to_string(&ErrorBody::new("x")).unwrap(),
            r#"{"error":"x"}"#
        );
    }
}

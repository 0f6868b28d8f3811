//! [`HttpErrorBody`]: the body of an HTTP error from the Bridge or the Server REST API.

use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;

/// The body of an HTTP error response, read leniently:
///
/// - Bridge token endpoints: `{"error": "invalid_grant", "error_description": "…"}` (401),
///   `{"error": "auth_method_disabled"}` (403, password login disabled);
/// - the files endpoint: `{"error": 407, "error_description": "…"}` (400, the file error codes
///   400–408);
/// - the Server REST API (`/api/v4/oauth2/token`):
///   `{"error": {"errors": [{"reason": "invalidScope"}]}}`.
///
/// `error` is kept as text (numbers are written out), `reasons` collects the nested reasons.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct HttpErrorBody {
    /// The error code (`"invalid_grant"`, `"407"`), if any.
    pub error: Option<String>,
    /// The human-readable description, if any.
    pub error_description: Option<String>,
    /// `error.errors[].reason` of Server REST API errors.
    pub reasons: Vec<String>,
}

impl HttpErrorBody {
    /// Reads an error body; `None` when it is not a JSON object.
    pub fn parse(body: &[u8]) -> Option<Self> {
        serde_json::from_slice::<Self>(body).ok()
    }

    /// The `error` as a number (file API codes), if it is one.
    pub fn code(&self) -> Option<u32> {
        self.error.as_deref().and_then(|e| e.trim().parse().ok())
    }
}

impl<'de> Deserialize<'de> for HttpErrorBody {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let Value::Object(object) = Value::deserialize(deserializer)? else {
            return Err(serde::de::Error::custom("an error body is a JSON object"));
        };
        let text = |v: &Value| match v {
            Value::String(s) => Some(s.clone()),
            Value::Number(n) => Some(n.to_string()),
            _ => None,
        };
        let mut body = Self {
            error: object.get("error").and_then(text),
            error_description: object.get("error_description").and_then(text),
            reasons: Vec::new(),
        };
        if let Some(Value::Object(inner)) = object.get("error") {
            if let Some(Value::Array(errors)) = inner.get("errors") {
                body.reasons = errors
                    .iter()
                    .filter_map(|e| e.get("reason").and_then(text))
                    .collect();
            }
            if body.error_description.is_none() {
                body.error_description = inner.get("message").and_then(text);
            }
        }
        Ok(body)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn oauth_file_and_rest_api_forms() {
        let grant = HttpErrorBody::parse(
            br#"{"error":"invalid_grant","error_description":"Invalid username or password"}"#,
        )
        .unwrap();
        assert_eq!(grant.error.as_deref(), Some("invalid_grant"));
        assert_eq!(
            grant.error_description.as_deref(),
            Some("Invalid username or password")
        );
        assert_eq!(grant.code(), None);

        let file = HttpErrorBody::parse(br#"{"error":407,"error_description":"no task"}"#).unwrap();
        assert_eq!(file.code(), Some(407));

        let rest = HttpErrorBody::parse(
            br#"{"error":{"errors":[{"reason":"invalidScope"}],"message":"scope"}}"#,
        )
        .unwrap();
        assert_eq!(rest.reasons, ["invalidScope"]);
        assert_eq!(rest.error, None);
        assert_eq!(rest.error_description.as_deref(), Some("scope"));

        assert_eq!(HttpErrorBody::parse(b"<html>"), None);
        assert_eq!(HttpErrorBody::parse(b"[1]"), None);
    }
}

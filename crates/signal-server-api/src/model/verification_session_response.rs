//! [`VerificationSessionResponse`]: the state of a phone-number verification session.

use super::RequestedInformation;
use serde::{Deserialize, Serialize};

/// The state of a verification session, returned by every verification operation (and as the
/// body of some 4xx answers).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct VerificationSessionResponse {
    /// The session id (URL-safe text, used in later calls' paths).
    #[serde(default)]
    pub id: String,
    /// Seconds until an SMS may be requested; absent when SMS is not possible.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_sms: Option<u64>,
    /// Seconds until a voice call may be requested; absent when not possible.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_call: Option<u64>,
    /// Seconds until a code may be submitted; absent when no code was sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_verification_attempt: Option<u64>,
    /// Whether a code may be requested now.
    #[serde(default)]
    pub allowed_to_request_code: bool,
    /// What the session still needs (push challenge, captcha).
    #[serde(default)]
    pub requested_information: Vec<RequestedInformation>,
    /// Whether the number is verified (the session can be used to register).
    #[serde(default)]
    pub verified: bool,
}

impl VerificationSessionResponse {
    /// A fresh, unverified session `id`.
    pub fn new(id: impl Into<String>) -> Self {
        Self {
            id: id.into(),
            ..Self::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_with_nulls_and_unknown_requests() {
        let s: VerificationSessionResponse = serde_json::from_str(
            r#"{"id":"sess-1","nextSms":0,"nextCall":null,"nextVerificationAttempt":null,
                "allowedToRequestCode":true,"requestedInformation":["captcha","faceScan"],"verified":false}"#,
        )
        .unwrap();
        assert_eq!(s.id, "sess-1");
        assert_eq!(s.next_sms, Some(0));
        assert_eq!(s.next_call, None);
        assert_eq!(
            s.requested_information,
            vec![
                RequestedInformation::Captcha,
                RequestedInformation::Other("faceScan".into())
            ]
        );
        let round = serde_json::to_value(&s).unwrap();
        assert_eq!(round["requestedInformation"][1], "faceScan");
    }
}

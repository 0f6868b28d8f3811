//! [`RegistrationLockFailure`]: the body of a 423.

use super::ExternalServiceCredentials;
use serde::{Deserialize, Serialize};

/// 423 body: the number is registration-locked. Retry with the registration lock secret
/// (recovered from SVR with these credentials) or wait `timeRemaining` ms.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct RegistrationLockFailure {
    /// Milliseconds until the lock expires.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_remaining: Option<u64>,
    /// Credentials for SVR2, to recover the registration lock secret.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub svr2_credentials: Option<ExternalServiceCredentials>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes() {
        let f: RegistrationLockFailure = serde_json::from_str(
            r#"{"timeRemaining":604800000,"svr2Credentials":{"username":"u","password":"p"},"svr1Credentials":null}"#,
        )
        .unwrap();
        assert_eq!(f.time_remaining, Some(604_800_000));
        assert_eq!(f.svr2_credentials.unwrap().username, "u");
    }
}

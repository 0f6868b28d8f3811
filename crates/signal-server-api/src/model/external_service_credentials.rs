//! [`ExternalServiceCredentials`]: a user name and password for another Signal service.

use serde::{Deserialize, Serialize};
use transport_core::Secret;

/// Credentials for an external service (storage, SVR, CDSI, art, payments). `Debug` never
/// shows the password.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ExternalServiceCredentials {
    /// The user name.
    #[serde(default)]
    pub username: String,
    /// The password.
    #[serde(
        default,
        with = "super::secret_string::optional",
        skip_serializing_if = "Option::is_none"
    )]
    pub password: Option<Secret>,
}

impl ExternalServiceCredentials {
    /// Credentials `username` / `password`.
    pub fn new(username: impl Into<String>, password: impl Into<Secret>) -> Self {
        Self {
            username: username.into(),
            password: Some(password.into()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_and_redacts() {
        let c: ExternalServiceCredentials =
            serde_json::from_str(r#"{"username":"u-1","password":"1700000000:abcdef"}"#).unwrap();
        assert_eq!(
            c,
            ExternalServiceCredentials::new("u-1", "1700000000:abcdef")
        );
        assert!(!format!("{c:?}").contains("abcdef"));
        assert_eq!(
            serde_json::to_value(&c).unwrap(),
            serde_json::json!({"username":"u-1","password":"1700000000:abcdef"})
        );
    }
}

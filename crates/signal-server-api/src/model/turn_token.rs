//! [`TurnToken`]: TURN relay credentials for calls.

use serde::{Deserialize, Serialize};
use transport_core::Secret;

/// TURN server credentials and addresses. `Debug` never shows the password.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct TurnToken {
    /// The TURN user name.
    #[serde(default)]
    pub username: String,
    /// The TURN password.
    #[serde(
        default,
        with = "super::secret_string::optional",
        skip_serializing_if = "Option::is_none"
    )]
    pub password: Option<Secret>,
    /// TURN URLs.
    #[serde(default)]
    pub urls: Vec<String>,
    /// TURN URLs with IP addresses.
    #[serde(default)]
    pub urls_with_ips: Vec<String>,
    /// The host name for TLS with the IP URLs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hostname: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes() {
        let t: TurnToken = serde_json::from_str(
            r#"{"username":"u","password":"turn-pw","urls":["turn:a"],"urlsWithIps":["turn:1.2.3.4"],"hostname":"a","ttl":86400}"#,
        )
        .unwrap();
        assert_eq!(t.urls, vec!["turn:a"]);
        assert_eq!(t.hostname.as_deref(), Some("a"));
        assert!(!format!("{t:?}").contains("turn-pw"));
        assert_eq!(t.password.unwrap().expose(), "turn-pw");
    }
}

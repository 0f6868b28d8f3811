//! [`AccessToken`]: what the Bridge's token endpoints return.

use serde::de::{self, Deserializer};
use serde::{Deserialize, Serialize};
use std::time::{Duration, SystemTime, UNIX_EPOCH};
use transport_core::Secret;

/// A token from a Bridge token endpoint:
/// `{"access_token": "<JWT>", "token_type": "JWT", "expires_in": 31536000}`. TrueConf's own
/// TypeScript client reads `expires_at` (Unix seconds) instead; both are accepted, as numbers
/// or numeric strings. `Debug` never shows the token.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AccessToken {
    /// The token (the bot's JWT, or the Server REST API token of the OAuth flow's first step).
    #[serde(with = "crate::api::secret_serde")]
    pub access_token: Secret,
    /// `"JWT"` for bot tokens.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token_type: Option<String>,
    /// Lifetime in seconds from issue.
    #[serde(
        default,
        deserialize_with = "lenient_u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub expires_in: Option<u64>,
    /// Expiry as Unix seconds.
    #[serde(
        default,
        deserialize_with = "lenient_u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub expires_at: Option<u64>,
}

impl AccessToken {
    /// A token without expiry information.
    pub fn new(access_token: Secret) -> Self {
        Self {
            access_token,
            token_type: Some(crate::api::session::TOKEN_TYPE_JWT.to_owned()),
            expires_in: None,
            expires_at: None,
        }
    }

    /// Sets `expires_in`.
    #[must_use]
    pub fn with_expires_in(mut self, seconds: u64) -> Self {
        self.expires_in = Some(seconds);
        self
    }

    /// When the token expires, if the response said: `expires_at`, or `received_at` plus
    /// `expires_in`.
    pub fn expires(&self, received_at: SystemTime) -> Option<SystemTime> {
        match (self.expires_at, self.expires_in) {
            (Some(at), _) => Some(UNIX_EPOCH + Duration::from_secs(at)),
            (None, Some(seconds)) => received_at.checked_add(Duration::from_secs(seconds)),
            (None, None) => None,
        }
    }
}

/// A non-negative integer as a JSON number or numeric string; `null` reads as absent.
pub(crate) fn lenient_u64<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<u64>, D::Error> {
    match Option::<serde_json::Value>::deserialize(deserializer)? {
        None | Some(serde_json::Value::Null) => Ok(None),
        Some(serde_json::Value::Number(n)) => n
            .as_u64()
            .or_else(|| {
                n.as_f64()
                    .filter(|f| *f >= 0.0 && f.is_finite())
                    .map(truncate)
            })
            .map(Some)
            .ok_or_else(|| de::Error::custom(format!("expected a non-negative integer, got {n}"))),
        Some(serde_json::Value::String(s)) => s
            .trim()
            .parse::<u64>()
            .map(Some)
            .map_err(|_| de::Error::custom(format!("expected a numeric string, got {s:?}"))),
        Some(other) => Err(de::Error::custom(format!("expected a number, got {other}"))),
    }
}

#[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
fn truncate(f: f64) -> u64 {
    f.min(u64::MAX as f64) as u64
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn docs_sample_and_expiry_forms() {
        let token: AccessToken = serde_json::from_value(json!({
            "access_token": "h.p.s", "token_type": "JWT", "expires_in": 31536000
        }))
        .unwrap();
        assert_eq!(token.access_token.expose(), "h.p.s");
        assert_eq!(token.expires_in, Some(31_536_000));
        let received = UNIX_EPOCH + Duration::from_secs(1000);
        assert_eq!(
            token.expires(received),
            Some(UNIX_EPOCH + Duration::from_secs(31_537_000))
        );
        assert!(!format!("{token:?}").contains("h.p.s"));

        let at: AccessToken =
            serde_json::from_value(json!({"access_token": "t", "expires_at": "1800000000"}))
                .unwrap();
        assert_eq!(
            at.expires(received),
            Some(UNIX_EPOCH + Duration::from_secs(1_800_000_000))
        );
        let bare: AccessToken =
            serde_json::from_value(json!({"access_token": "t", "expires_in": null, "x": 1}))
                .unwrap();
        assert_eq!(bare.expires(received), None);
        assert_eq!(bare.token_type, None);
        assert!(
            serde_json::from_value::<AccessToken>(
                json!({"access_token": "t", "expires_in": "soon"})
            )
            .is_err()
        );
    }
}

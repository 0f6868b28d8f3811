//! A local shape and expiry check of the bot's JWT, before connecting.
//!
//! The server checks the signature; the client only makes sure the token *looks* usable, so a
//! pasted-wrong or expired token fails fast with a clear error instead of an `auth` error 201
//! or 203 after connecting. This mirrors the official Python client: three dot-separated
//! base64url parts without whitespace, a JSON header and payload, and an `exp` claim in the
//! future.

use base64::Engine;
use base64::alphabet::URL_SAFE;
use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};
use serde_json::Value;
use std::time::{Duration, SystemTime, UNIX_EPOCH};
use transport_core::Secret;

/// base64url that accepts both padded and unpadded input.
const BASE64URL: GeneralPurpose = GeneralPurpose::new(
    &URL_SAFE,
    GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::Indifferent),
);

/// Why a token failed the local check. Messages never contain the token or its claims (other
/// than the expiry time).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum TokenError {
    /// The token is empty.
    #[error("the token is empty")]
    Empty,
    /// The token contains whitespace (often a copy-and-paste accident).
    #[error("the token contains whitespace")]
    Whitespace,
    /// The token does not have three dot-separated parts.
    #[error("a JWT has 3 dot-separated parts, the token has {found}")]
    Parts {
        /// The number of parts found.
        found: usize,
    },
    /// A part is not base64url.
    #[error("the JWT {part} is not base64url")]
    Base64 {
        /// `"header"`, `"payload"` or `"signature"`.
        part: &'static str,
    },
    /// The header or payload is not a JSON object.
    #[error("the JWT {part} is not a JSON object")]
    Json {
        /// `"header"` or `"payload"`.
        part: &'static str,
    },
    /// The payload has no numeric `exp` claim.
    #[error("the JWT has no numeric `exp` claim")]
    MissingExpiry,
    /// The token has expired.
    #[error("the token expired at {expired_at} (Unix seconds), {ago:?} ago")]
    Expired {
        /// The `exp` claim, Unix seconds.
        expired_at: u64,
        /// How long ago, relative to the `now` passed to [`check`].
        ago: Duration,
    },
}

/// What the check learned about a valid token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct TokenInfo {
    /// The `exp` claim.
    pub expires_at: SystemTime,
    /// How long the token is still valid, relative to `now`.
    pub expires_in: Duration,
}

/// Checks the shape and expiry of `token` at time `now` (pass `SystemTime::now()`; tests pass
/// a fixed time). Pure: no clock, no I/O.
///
/// ```
/// use std::time::{Duration, UNIX_EPOCH};
/// use transport_core::Secret;
/// use trueconf_chatbot::token;
///
/// // {"alg":"HS256","typ":"JWT"} . {"exp":2000000000}
/// let jwt = Secret::new("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJleHAiOjIwMDAwMDAwMDB9.c2ln");
/// let now = UNIX_EPOCH + Duration::from_secs(1_999_999_000);
/// let info = token::check(&jwt, now).unwrap();
/// assert_eq!(info.expires_in, Duration::from_secs(1000));
/// assert!(token::check(&jwt, UNIX_EPOCH + Duration::from_secs(2_000_000_000)).is_err());
/// ```
///
/// # Errors
///
/// A [`TokenError`] naming the first problem found.
pub fn check(token: &Secret, now: SystemTime) -> Result<TokenInfo, TokenError> {
    let token = token.expose();
    if token.is_empty() {
        return Err(TokenError::Empty);
    }
    if token.chars().any(char::is_whitespace) {
        return Err(TokenError::Whitespace);
    }
    let parts: Vec<&str> = token.split('.').collect();
    let [header, payload, signature] = parts.as_slice() else {
        return Err(TokenError::Parts { found: parts.len() });
    };
    json_object("header", header)?;
    let claims = json_object("payload", payload)?;
    // The signature may be empty (unsecured JWT); if present it must be base64url.
    if !signature.is_empty() && BASE64URL.decode(signature).is_err() {
        return Err(TokenError::Base64 { part: "signature" });
    }
    let exp = claims
        .get("exp")
        .and_then(|exp| exp.as_u64().or_else(|| exp.as_f64().and_then(float_secs)))
        .ok_or(TokenError::MissingExpiry)?;
    let expires_at = UNIX_EPOCH + Duration::from_secs(exp);
    match expires_at.duration_since(now) {
        Ok(left) if !left.is_zero() => Ok(TokenInfo {
            expires_at,
            expires_in: left,
        }),
        _ => Err(TokenError::Expired {
            expired_at: exp,
            ago: now.duration_since(expires_at).unwrap_or_default(),
        }),
    }
}

fn json_object(
    part: &'static str,
    encoded: &str,
) -> Result<serde_json::Map<String, Value>, TokenError> {
    if encoded.is_empty() {
        return Err(TokenError::Base64 { part });
    }
    let bytes = BASE64URL
        .decode(encoded)
        .map_err(|_| TokenError::Base64 { part })?;
    match serde_json::from_slice::<Value>(&bytes) {
        Ok(Value::Object(map)) => Ok(map),
        _ => Err(TokenError::Json { part }),
    }
}

#[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
fn float_secs(v: f64) -> Option<u64> {
    (0.0..1.0e15).contains(&v).then(|| v.floor() as u64)
}

#[cfg(test)]
mod tests {
    use super::*;
    use base64::engine::general_purpose::URL_SAFE_NO_PAD;

    fn jwt(header: &str, payload: &str, signature: &str) -> Secret {
        Secret::new(format!(
            "{}.{}.{}",
            URL_SAFE_NO_PAD.encode(header),
            URL_SAFE_NO_PAD.encode(payload),
            signature
        ))
    }

    fn at(secs: u64) -> SystemTime {
        UNIX_EPOCH + Duration::from_secs(secs)
    }

    const HEADER: &str = r#"{"alg":"HS256","typ":"JWT"}"#;

    #[test]
    fn valid_token_reports_expiry() {
        let t = jwt(HEADER, r#"{"sub":"bot","exp":1800000000}"#, "c2lnbmF0dXJl");
        let info = check(&t, at(1_700_000_000)).unwrap();
        assert_eq!(info.expires_at, at(1_800_000_000));
        assert_eq!(info.expires_in, Duration::from_secs(100_000_000));
        // Fractional exp and an empty (unsecured) signature are accepted.
        let f = jwt(HEADER, r#"{"exp":1800000000.9}"#, "");
        assert_eq!(check(&f, at(1)).unwrap().expires_at, at(1_800_000_000));
        // Padded base64 parts are accepted too.
        let padded = Secret::new(format!(
            "{}.{}.sig",
            base64::engine::general_purpose::URL_SAFE.encode(HEADER),
            base64::engine::general_purpose::URL_SAFE.encode(r#"{"exp":1800000000}"#)
        ));
        assert!(check(&padded, at(1)).is_ok());
    }

    #[test]
    fn expired_and_boundary() {
        let t = jwt(HEADER, r#"{"exp":1000}"#, "sig");
        assert_eq!(
            check(&t, at(1000)),
            Err(TokenError::Expired {
                expired_at: 1000,
                ago: Duration::ZERO
            })
        );
        assert_eq!(
            check(&t, at(1060)).unwrap_err().to_string(),
            "the token expired at 1000 (Unix seconds), 60s ago"
        );
        assert!(check(&t, at(999)).is_ok());
    }

    #[test]
    fn shape_errors() {
        let now = at(1);
        assert_eq!(check(&Secret::new(""), now), Err(TokenError::Empty));
        assert_eq!(
            check(&Secret::new("a. b.c"), now),
            Err(TokenError::Whitespace)
        );
        assert_eq!(
            check(&Secret::new("a.b"), now),
            Err(TokenError::Parts { found: 2 })
        );
        assert_eq!(
            check(&Secret::new("a.b.c.d"), now),
            Err(TokenError::Parts { found: 4 })
        );
        assert_eq!(
            check(&Secret::new("!!.e30.c2ln"), now),
            Err(TokenError::Base64 { part: "header" })
        );
        assert_eq!(
            check(&Secret::new(".e30.c2ln"), now),
            Err(TokenError::Base64 { part: "header" })
        );
        assert_eq!(
            check(&jwt("[1]", "{}", "sig"), now),
            Err(TokenError::Json { part: "header" })
        );
        assert_eq!(
            check(&jwt(HEADER, "not json", "sig"), now),
            Err(TokenError::Json { part: "payload" })
        );
        assert_eq!(
            check(&jwt(HEADER, r#"{"exp":"soon"}"#, "sig"), now),
            Err(TokenError::MissingExpiry)
        );
        assert_eq!(
            check(&jwt(HEADER, r#"{"exp":-5}"#, "sig"), now),
            Err(TokenError::MissingExpiry)
        );
        assert_eq!(
            check(&jwt(HEADER, r#"{"exp":99999999999}"#, "s*s"), now),
            Err(TokenError::Base64 { part: "signature" })
        );
    }

    #[test]
    fn errors_never_show_the_token() {
        let secret_claims = jwt(HEADER, r#"{"sub":"topsecret-bot","exp":10}"#, "sig");
        let err = check(&secret_claims, at(20)).unwrap_err();
        let shown = format!("{err} {err:?}");
        assert!(!shown.contains("topsecret"), "{shown}");
        assert!(!shown.contains(secret_claims.expose()), "{shown}");
    }
}

//! Fake JWTs: three base64url parts with a real `exp` claim, so clients that check tokens
//! locally (this crate, the official Python client) accept them. The signature is not a
//! signature.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;

/// A token for `user` expiring at `exp` (Unix seconds); `nonce` makes it unique.
pub(crate) fn mint(user: &str, exp: u64, nonce: u64) -> String {
    let header = URL_SAFE_NO_PAD.encode(br#"{"alg":"HS256","typ":"JWT"}"#);
    let claims = serde_json::json!({ "sub": user, "exp": exp, "jti": nonce }).to_string();
    let payload = URL_SAFE_NO_PAD.encode(claims.as_bytes());
    let signature = URL_SAFE_NO_PAD.encode(format!("fake-signature-{nonce}").as_bytes());
    format!("{header}.{payload}.{signature}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, UNIX_EPOCH};
    use transport_core::Secret;

    #[test]
    fn minted_tokens_pass_the_local_check_until_they_expire() {
        let token = Secret::new(mint("bot@srv", 2_000_000_000, 7));
        let info =
            crate::token::check(&token, UNIX_EPOCH + Duration::from_secs(1_999_999_990)).unwrap();
        assert_eq!(info.expires_in, Duration::from_secs(10));
        assert!(
            crate::token::check(&token, UNIX_EPOCH + Duration::from_secs(2_000_000_000)).is_err()
        );
        assert_ne!(mint("a", 1, 1), mint("a", 1, 2));
    }
}

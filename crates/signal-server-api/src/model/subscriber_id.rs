//! [`SubscriberId`]: the secret that identifies a donation subscriber.

use std::fmt;
use transport_core::Secret;

/// A subscriber id: 32 random bytes the client generates once and keeps, sent URL-safe base64
/// encoded in the path of the subscription operations. It is the only credential of those
/// operations, so `Debug` never shows it.
///
/// ```
/// use signal_server_api::model::SubscriberId;
///
/// let id = SubscriberId::from_bytes([0xfb; 32]);
/// assert_eq!(id.expose(), "-_v7-_v7-_v7-_v7-_v7-_v7-_v7-_v7-_v7-_v7-_s=");
/// assert_eq!(format!("{id:?}"), "SubscriberId([redacted])");
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct SubscriberId(Secret);

impl SubscriberId {
    /// The id for 32 random bytes (URL-safe base64 with padding, as the official clients send
    /// it).
    pub fn from_bytes(bytes: [u8; 32]) -> Self {
        use base64::Engine as _;
        Self(Secret::new(
            base64::engine::general_purpose::URL_SAFE.encode(bytes),
        ))
    }

    /// An already encoded id.
    ///
    /// # Errors
    ///
    /// [`transport_core::Error::InvalidInput`] unless it decodes to 32 bytes.
    pub fn from_encoded(encoded: impl Into<String>) -> transport_core::Result<Self> {
        let encoded = encoded.into();
        match super::b64::decode_lenient(&encoded) {
            Ok(bytes) if bytes.len() == 32 => Ok(Self(Secret::new(encoded))),
            _ => Err(transport_core::Error::invalid_input(
                "subscriberId",
                "must be 32 bytes in URL-safe base64",
            )),
        }
    }

    /// The encoded id. Use it only to put it on the wire.
    pub fn expose(&self) -> &str {
        self.0.expose()
    }

    /// The path segment (`/v1/subscription/{subscriberId}`).
    pub(crate) fn path(&self) -> String {
        format!(
            "/v1/subscription/{}",
            transport_core::http::segment(self.0.expose())
        )
    }
}

impl fmt::Debug for SubscriberId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SubscriberId([redacted])")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encoded_forms() {
        let id = SubscriberId::from_bytes([0; 32]);
        assert_eq!(id.expose().len(), 44);
        assert_eq!(
            id.path(),
            "/v1/subscription/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="
        );
        assert_eq!(SubscriberId::from_encoded(id.expose()).unwrap(), id);
        assert!(SubscriberId::from_encoded("AAAA").is_err());
    }
}

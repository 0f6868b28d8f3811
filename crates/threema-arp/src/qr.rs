//! The pairing QR code payload (threema-web `docs/qr_code.md`).
//!
//! The client shows a QR code with the base64 of this big-endian blob:
//!
//! | offset | length | field |
//! | --- | --- | --- |
//! | 0 | 2 | protocol version (u16, currently 2) |
//! | 2 | 1 | options: bit 0 self-hosted, bit 1 persistent session |
//! | 3 | 32 | initiator (client) permanent public key |
//! | 35 | 32 | SaltyRTC auth token (single use, secret) |
//! | 67 | 32 | server permanent public key (all zero: none) |
//! | 99 | 2 | SaltyRTC port (u16) |
//! | 101 | n | SaltyRTC host (UTF-8, no terminator) |

use crate::error::{Error, Result};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use std::fmt;
use zeroize::Zeroizing;

/// The QR protocol version Threema Web writes.
pub const QR_PROTOCOL_VERSION: u16 = 2;

const SELF_HOSTED: u8 = 0b01;
const PERSISTENT: u8 = 0b10;
const FIXED_LEN: usize = 2 + 1 + 32 + 32 + 32 + 2;

/// The SaltyRTC auth token: a 32-byte secretbox key, used once to authenticate the app's
/// `token` message. Secret: `Debug` does not print it and the memory is wiped on drop.
#[derive(Clone)]
pub struct AuthToken(Zeroizing<[u8; 32]>);

impl AuthToken {
    /// Wraps a token.
    pub fn new(bytes: [u8; 32]) -> Self {
        Self(Zeroizing::new(bytes))
    }

    /// A random token.
    pub fn generate() -> Self {
        let mut bytes = Zeroizing::new([0u8; 32]);
        rand::RngCore::fill_bytes(&mut rand::rngs::OsRng, bytes.as_mut());
        Self(bytes)
    }

    /// The token bytes. Use them only for the SaltyRTC handshake and the QR code.
    pub fn expose(&self) -> &[u8; 32] {
        &self.0
    }
}

impl fmt::Debug for AuthToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("AuthToken([redacted])")
    }
}

impl PartialEq for AuthToken {
    fn eq(&self, other: &Self) -> bool {
        // Constant time, so comparisons do not leak a prefix.
        self.0
            .iter()
            .zip(other.0.iter())
            .fold(0u8, |acc, (a, b)| acc | (a ^ b))
            == 0
    }
}

impl Eq for AuthToken {}

/// The pairing information the client shows as a QR code.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct QrPayload {
    /// The QR protocol version ([`QR_PROTOCOL_VERSION`]; any value decodes).
    pub version: u16,
    /// Whether the client is self-hosted (changes only the app's error messages).
    pub self_hosted: bool,
    /// Whether the session is persistent (the user set a password).
    pub persistent: bool,
    /// The initiator's (client's) permanent public key.
    pub initiator_public_key: [u8; 32],
    /// The SaltyRTC auth token.
    pub auth_token: AuthToken,
    /// The SaltyRTC server's permanent public key, if pinned.
    pub server_public_key: Option<[u8; 32]>,
    /// The SaltyRTC server host.
    pub host: String,
    /// The SaltyRTC server port.
    pub port: u16,
}

impl QrPayload {
    /// A version-2, non-persistent, officially hosted payload without a server key.
    pub fn new(
        initiator_public_key: [u8; 32],
        auth_token: AuthToken,
        host: impl Into<String>,
        port: u16,
    ) -> Self {
        Self {
            version: QR_PROTOCOL_VERSION,
            self_hosted: false,
            persistent: false,
            initiator_public_key,
            auth_token,
            server_public_key: None,
            host: host.into(),
            port,
        }
    }

    /// Encodes the binary payload. Fails if the host is empty.
    pub fn to_bytes(&self) -> Result<Vec<u8>> {
        if self.host.is_empty() {
            return Err(Error::invalid("QR payload host", "must not be empty"));
        }
        let mut out = Vec::with_capacity(FIXED_LEN + self.host.len());
        out.extend_from_slice(&self.version.to_be_bytes());
        let mut options = 0;
        if self.self_hosted {
            options |= SELF_HOSTED;
        }
        if self.persistent {
            options |= PERSISTENT;
        }
        out.push(options);
        out.extend_from_slice(&self.initiator_public_key);
        out.extend_from_slice(self.auth_token.expose());
        out.extend_from_slice(&self.server_public_key.unwrap_or([0; 32]));
        out.extend_from_slice(&self.port.to_be_bytes());
        out.extend_from_slice(self.host.as_bytes());
        Ok(out)
    }

    /// Encodes the payload as the base64 text of the QR code.
    pub fn to_base64(&self) -> Result<String> {
        Ok(STANDARD.encode(self.to_bytes()?))
    }

    /// Decodes a binary payload. Unknown option bits are ignored.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self> {
        let error = |path: &str, message: String| Error::decode("QR payload", path, message);
        let (fixed, host) = bytes.split_at_checked(FIXED_LEN).ok_or_else(|| {
            error(
                ".",
                format!(
                    "{} bytes, at least {} are needed",
                    bytes.len(),
                    FIXED_LEN + 1
                ),
            )
        })?;
        if host.is_empty() {
            return Err(error("host", "is empty".into()));
        }
        let host = std::str::from_utf8(host)
            .map_err(|e| error("host", format!("not UTF-8: {e}")))?
            .to_owned();
        let key = |offset: usize| {
            let mut key = [0u8; 32];
            key.copy_from_slice(&fixed[offset..offset + 32]);
            key
        };
        let server_public_key = key(67);
        Ok(Self {
            version: u16::from_be_bytes([fixed[0], fixed[1]]),
            self_hosted: fixed[2] & SELF_HOSTED != 0,
            persistent: fixed[2] & PERSISTENT != 0,
            initiator_public_key: key(3),
            auth_token: AuthToken::new(key(35)),
            server_public_key: (server_public_key != [0; 32]).then_some(server_public_key),
            host,
            port: u16::from_be_bytes([fixed[99], fixed[100]]),
        })
    }

    /// Decodes the base64 text of a QR code (whitespace and line breaks are ignored).
    pub fn from_base64(text: &str) -> Result<Self> {
        let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        let bytes = STANDARD
            .decode(compact)
            .map_err(|e| Error::decode("QR payload", ".", format!("not base64: {e}")))?;
        Self::from_bytes(&bytes)
    }
}

/// The official SaltyRTC host for an initiator key: `saltyrtc-{xx}.threema.ch`, where `xx`
/// is the first byte of the key in lowercase hex (port 443).
pub fn official_saltyrtc_host(initiator_public_key: &[u8; 32]) -> String {
    format!("saltyrtc-{:02x}.threema.ch", initiator_public_key[0])
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The example of threema-web `docs/qr_code.md`.
    const EXAMPLE: &str = "\
        BTkCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkIjIyMjIyMjIyMjIyMjIyMjIyMjIyMj
        IyMjIyMjIyMjIxM3EzcTNxM3EzcTNxM3EzcTNxM3EzcTNxM3EzcTNxM3BNJzYWx0eXJ0Yy5leGFt
        cGxlLm9yZw==";

    fn example() -> QrPayload {
        let mut payload = QrPayload::new(
            [0x42; 32],
            AuthToken::new([0x23; 32]),
            "saltyrtc.example.org",
            1234,
        );
        payload.version = 1337;
        payload.persistent = true;
        let server: Vec<u8> = [0x13, 0x37].repeat(16);
        payload.server_public_key = Some(server.try_into().unwrap());
        payload
    }

    #[test]
    fn encodes_the_documented_example() {
        let compact: String = EXAMPLE.chars().filter(|c| !c.is_whitespace()).collect();
        assert_eq!(example().to_base64().unwrap(), compact);
    }

    #[test]
    fn decodes_the_documented_example() {
        let payload = QrPayload::from_base64(EXAMPLE).unwrap();
        assert_eq!(payload, example());
        assert_eq!(payload.version, 1337);
        assert!(payload.persistent && !payload.self_hosted);
        assert_eq!(payload.host, "saltyrtc.example.org");
        assert_eq!(payload.port, 1234);
    }

    #[test]
    fn round_trips_without_server_key_and_rejects_garbage() {
        let mut payload = QrPayload::new([1; 32], AuthToken::generate(), "h", 443);
        payload.self_hosted = true;
        let bytes = payload.to_bytes().unwrap();
        assert_eq!(&bytes[67..99], &[0; 32]);
        assert_eq!(QrPayload::from_bytes(&bytes).unwrap(), payload);
        assert!(QrPayload::from_bytes(&bytes[..FIXED_LEN]).is_err());
        assert!(QrPayload::from_bytes(&[]).is_err());
        assert!(QrPayload::from_base64("!!!").is_err());
        let mut bad_host = bytes.clone();
        bad_host.push(0xff);
        assert!(QrPayload::from_bytes(&bad_host).is_err());
        assert!(
            QrPayload::new([1; 32], AuthToken::generate(), "", 1)
                .to_bytes()
                .is_err()
        );
    }

    #[test]
    fn the_auth_token_never_prints() {
        let payload = example();
        let debug = format!("{payload:?}");
        assert!(debug.contains("AuthToken([redacted])"), "{debug}");
        assert!(!debug.contains("35, 35"), "{debug}");
        assert_ne!(AuthToken::generate(), AuthToken::generate());
        assert_eq!(
            official_saltyrtc_host(&[0xab; 32]),
            "saltyrtc-ab.threema.ch"
        );
    }
}

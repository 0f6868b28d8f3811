//! [`SecretBytes`]: key material or passwords as bytes, base64 on the wire, never printed.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use zeroize::Zeroizing;

/// Secret bytes (an access key, a recovery password, an encryption key). `Debug` prints only the
/// length; the memory is wiped on drop. On the wire: standard padded base64 (decoding accepts
/// either alphabet).
///
/// ```
/// use signal_server_api::model::SecretBytes;
///
/// let key = SecretBytes::new(vec![7; 16]);
/// assert_eq!(format!("{key:?}"), "SecretBytes(16 bytes)");
/// assert_eq!(serde_json::to_string(&key).unwrap(), r#""BwcHBwcHBwcHBwcHBwcHBw==""#);
/// ```
#[derive(Clone, PartialEq, Eq, Default)]
pub struct SecretBytes(Zeroizing<Vec<u8>>);

impl SecretBytes {
    /// Wraps secret bytes.
    pub fn new(bytes: impl Into<Vec<u8>>) -> Self {
        Self(Zeroizing::new(bytes.into()))
    }

    /// The bytes. Use them only to put them on the wire or into a cipher.
    pub fn expose(&self) -> &[u8] {
        &self.0
    }

    /// The length in bytes.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// True when empty.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl fmt::Debug for SecretBytes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "SecretBytes({} bytes)", self.0.len())
    }
}

impl From<Vec<u8>> for SecretBytes {
    fn from(bytes: Vec<u8>) -> Self {
        Self::new(bytes)
    }
}

impl From<&[u8]> for SecretBytes {
    fn from(bytes: &[u8]) -> Self {
        Self::new(bytes.to_vec())
    }
}

impl<const N: usize> From<[u8; N]> for SecretBytes {
    fn from(bytes: [u8; N]) -> Self {
        Self::new(bytes.to_vec())
    }
}

impl Serialize for SecretBytes {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        super::b64::standard::serialize(&self.0, serializer)
    }
}

impl<'de> Deserialize<'de> for SecretBytes {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        super::b64::standard::deserialize(deserializer).map(Self::new)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_as_base64_and_hides_content() {
        let s = SecretBytes::from([0xde, 0xad, 0xbe, 0xef]);
        assert_eq!(serde_json::to_value(&s).unwrap(), "3q2+7w==");
        let back: SecretBytes = serde_json::from_str(r#""3q2-7w""#).unwrap();
        assert_eq!(back, s);
        assert_eq!(back.expose(), &[0xde, 0xad, 0xbe, 0xef]);
        assert!(!format!("{s:?}").contains("de"));
        assert_eq!(s.len(), 4);
        assert!(!s.is_empty());
    }
}

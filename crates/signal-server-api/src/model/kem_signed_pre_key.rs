//! [`KemSignedPreKey`] (`KEMSignedPreKey`): a signed Kyber pre-key.

use serde::{Deserialize, Serialize};

/// A signed post-quantum (Kyber-1024) pre-key: id, public key and signature (base64).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct KemSignedPreKey {
    /// The key id (non-zero, below 2^24).
    #[serde(default)]
    pub key_id: u32,
    /// The public key in libsignal's Kyber serialization.
    #[serde(default, with = "super::b64::standard")]
    pub public_key: Vec<u8>,
    /// The signature of `public_key` with the identity key.
    #[serde(default, with = "super::b64::standard")]
    pub signature: Vec<u8>,
}

impl KemSignedPreKey {
    /// A signed Kyber pre-key.
    pub fn new(key_id: u32, public_key: impl Into<Vec<u8>>, signature: impl Into<Vec<u8>>) -> Self {
        Self {
            key_id,
            public_key: public_key.into(),
            signature: signature.into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wire_format() {
        let k = KemSignedPreKey::new(9, vec![8; 3], vec![1]);
        let json = serde_json::json!({"keyId": 9, "publicKey": "CAgI", "signature": "AQ=="});
        assert_eq!(serde_json::to_value(&k).unwrap(), json);
        assert_eq!(serde_json::from_value::<KemSignedPreKey>(json).unwrap(), k);
    }
}

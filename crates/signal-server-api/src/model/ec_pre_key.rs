//! [`EcPreKey`] (`ECPreKey`): an unsigned one-time elliptic-curve pre-key.

use serde::{Deserialize, Serialize};

/// A one-time EC pre-key: id and public key (base64).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct EcPreKey {
    /// The key id (non-zero, below 2^24).
    #[serde(default)]
    pub key_id: u32,
    /// The public key in libsignal's EC serialization.
    #[serde(default, with = "super::b64::standard")]
    pub public_key: Vec<u8>,
}

impl EcPreKey {
    /// A one-time pre-key.
    pub fn new(key_id: u32, public_key: impl Into<Vec<u8>>) -> Self {
        Self {
            key_id,
            public_key: public_key.into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wire_format() {
        let k = EcPreKey::new(1, vec![5; 2]);
        let json = serde_json::json!({"keyId": 1, "publicKey": "BQU="});
        assert_eq!(serde_json::to_value(&k).unwrap(), json);
        assert_eq!(serde_json::from_value::<EcPreKey>(json).unwrap(), k);
    }
}

//! [`EcSignedPreKey`] (`ECSignedPreKey`): a signed elliptic-curve pre-key.

use serde::{Deserialize, Serialize};

/// A signed EC pre-key: id, public key and the identity key's signature over it (both base64
/// on the wire).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct EcSignedPreKey {
    /// The key id (non-zero, below 2^24).
    #[serde(default)]
    pub key_id: u32,
    /// The public key in libsignal's EC serialization.
    #[serde(default, with = "super::b64::standard")]
    pub public_key: Vec<u8>,
    /// The signature of `public_key` with the identity key.
    #[serde(default, with = "super::b64::standard")]
    pub signature: Vec<u8>,
}

impl EcSignedPreKey {
    /// A signed pre-key.
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
        let k = EcSignedPreKey::new(7, vec![5, 1], vec![2, 3]);
        let json = serde_json::json!({"keyId": 7, "publicKey": "BQE=", "signature": "AgM="});
        assert_eq!(serde_json::to_value(&k).unwrap(), json);
        assert_eq!(serde_json::from_value::<EcSignedPreKey>(json).unwrap(), k);
    }
}

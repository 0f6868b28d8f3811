//! [`IdentityKey`]: a serialized identity public key, base64 on the wire.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// An identity public key in libsignal's serialization (a type byte `0x05` and 32 bytes). The
/// spec shows an object `{publicKey, fingerprint}` (the Java class); on the wire it is one
/// standard base64 string, as the schema's own description says.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct IdentityKey(pub Vec<u8>);

impl IdentityKey {
    /// A key from its serialized bytes.
    pub fn new(bytes: impl Into<Vec<u8>>) -> Self {
        Self(bytes.into())
    }

    /// The serialized bytes.
    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }
}

impl Serialize for IdentityKey {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        super::b64::standard::serialize(&self.0, serializer)
    }
}

impl<'de> Deserialize<'de> for IdentityKey {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        super::b64::standard::deserialize(deserializer).map(Self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_string_not_the_spec_object() {
        let mut bytes = vec![0x05];
        bytes.extend([0xab; 32]);
        let key = IdentityKey::new(bytes.clone());
        let json = serde_json::to_value(&key).unwrap();
        assert_eq!(json, "Baurq6urq6urq6urq6urq6urq6urq6urq6urq6urq6ur");
        assert_eq!(
            serde_json::from_value::<IdentityKey>(json)
                .unwrap()
                .as_bytes(),
            &bytes[..]
        );
        assert!(
            serde_json::from_str::<IdentityKey>(r#"{"publicKey":{},"fingerprint":"x"}"#).is_err()
        );
    }
}

//! [`Binary`]: a byte string that travels as msgpack bin.

use serde::de::{self, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::ops::Deref;

/// Bytes that the schema types as `Binary` (public keys, avatars, thumbnails, file contents,
/// connection IDs). Encoded as msgpack **bin**; decoded from bin and, leniently, from an
/// array of small integers (notes §3.6).
///
/// `Debug` prints only the length, so megabyte-sized blobs do not flood logs.
#[derive(Clone, Default, PartialEq, Eq, Hash)]
pub struct Binary(Vec<u8>);

impl Binary {
    /// Wraps bytes.
    pub fn new(bytes: impl Into<Vec<u8>>) -> Self {
        Self(bytes.into())
    }

    /// The bytes.
    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }

    /// The bytes, owned.
    pub fn into_vec(self) -> Vec<u8> {
        self.0
    }
}

impl fmt::Debug for Binary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Binary({} bytes)", self.0.len())
    }
}

impl Deref for Binary {
    type Target = [u8];

    fn deref(&self) -> &[u8] {
        &self.0
    }
}

impl AsRef<[u8]> for Binary {
    fn as_ref(&self) -> &[u8] {
        &self.0
    }
}

impl From<Vec<u8>> for Binary {
    fn from(bytes: Vec<u8>) -> Self {
        Self(bytes)
    }
}

impl From<&[u8]> for Binary {
    fn from(bytes: &[u8]) -> Self {
        Self(bytes.to_vec())
    }
}

impl<const N: usize> From<[u8; N]> for Binary {
    fn from(bytes: [u8; N]) -> Self {
        Self(bytes.to_vec())
    }
}

impl Serialize for Binary {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_bytes(&self.0)
    }
}

impl<'de> Deserialize<'de> for Binary {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_byte_buf(BinaryVisitor)
    }
}

struct BinaryVisitor;

impl<'de> Visitor<'de> for BinaryVisitor {
    type Value = Binary;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("msgpack bin (or an array of bytes)")
    }

    fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<Binary, E> {
        Ok(Binary(v.to_vec()))
    }

    fn visit_byte_buf<E: de::Error>(self, v: Vec<u8>) -> Result<Binary, E> {
        Ok(Binary(v))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Binary, A::Error> {
        let mut bytes = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
        while let Some(byte) = seq.next_element::<u8>()? {
            bytes.push(byte);
        }
        Ok(Binary(bytes))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::{decode_value, round_trip};
    use rmpv::Value;

    #[test]
    fn encodes_as_bin_and_accepts_byte_arrays() {
        let value = round_trip(&Binary::new(vec![0, 1, 255]));
        assert_eq!(value, Value::Binary(vec![0, 1, 255]));
        let from_array: Binary = decode_value(&Value::Array(vec![7.into(), 8.into(), 9.into()]));
        assert_eq!(from_array.as_bytes(), [7, 8, 9]);
        assert_eq!(format!("{:?}", Binary::from([1u8; 32])), "Binary(32 bytes)");
        assert!(rmp_serde::from_slice::<Binary>(b"\xa3abc").is_err());
    }
}

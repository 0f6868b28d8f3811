//! Serde helpers for byte arrays, which the server (Jackson) sends as base64 strings.
//!
//! The OpenAPI document types Java `byte[]` fields as "array of string/format byte"; on the wire
//! they are one base64 **string**. Standard padded base64 is the default; username hashes, ZK
//! proofs and encrypted usernames use URL-safe base64 without padding. Decoding is lenient and
//! accepts either alphabet, padded or not, so a server that switches alphabets does not break
//! us; encoding is exact.
//!
//! Use with `#[serde(with = "…")]`:
//! [`standard`], [`url`], [`standard_opt`], [`url_opt`], [`standard_vec`], [`url_vec`].

use base64::Engine as _;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serializer};

/// Encodes bytes as standard padded base64.
pub(crate) fn encode_standard(bytes: &[u8]) -> String {
    STANDARD.encode(bytes)
}

/// Encodes bytes as URL-safe base64 without padding.
pub(crate) fn encode_url(bytes: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(bytes)
}

/// Decodes base64 in either alphabet, with or without padding.
///
/// # Errors
///
/// A message naming the problem when `text` is not base64.
pub(crate) fn decode_lenient(text: &str) -> Result<Vec<u8>, String> {
    let trimmed = text.trim_end_matches('=');
    let normalized: String = trimmed
        .chars()
        .map(|c| match c {
            '-' => '+',
            '_' => '/',
            other => other,
        })
        .collect();
    base64::engine::general_purpose::STANDARD_NO_PAD
        .decode(normalized.as_bytes())
        .map_err(|e| format!("invalid base64: {e}"))
}

fn de_bytes<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<u8>, D::Error> {
    let text = String::deserialize(deserializer)?;
    decode_lenient(&text).map_err(D::Error::custom)
}

/// `Vec<u8>` as standard padded base64.
pub mod standard {
    use super::*;

    /// Serializes as standard padded base64.
    ///
    /// # Errors
    ///
    /// Never fails on its own; errors come from the serializer.
    pub fn serialize<S: Serializer>(bytes: &[u8], serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&encode_standard(bytes))
    }

    /// Deserializes base64 in either alphabet.
    ///
    /// # Errors
    ///
    /// When the value is not a base64 string.
    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<u8>, D::Error> {
        de_bytes(deserializer)
    }
}

/// `Vec<u8>` as URL-safe base64 without padding.
pub mod url {
    use super::*;

    /// Serializes as URL-safe base64 without padding.
    ///
    /// # Errors
    ///
    /// Never fails on its own; errors come from the serializer.
    pub fn serialize<S: Serializer>(bytes: &[u8], serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&encode_url(bytes))
    }

    /// Deserializes base64 in either alphabet.
    ///
    /// # Errors
    ///
    /// When the value is not a base64 string.
    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<u8>, D::Error> {
        de_bytes(deserializer)
    }
}

/// `Option<Vec<u8>>` as standard padded base64 (`null` or absent is `None`).
/// Use with `#[serde(default, skip_serializing_if = "Option::is_none")]`.
pub mod standard_opt {
    use super::*;

    /// Serializes `Some` as standard padded base64, `None` as `null`.
    ///
    /// # Errors
    ///
    /// Never fails on its own; errors come from the serializer.
    pub fn serialize<S: Serializer>(
        bytes: &Option<Vec<u8>>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        match bytes {
            Some(b) => serializer.serialize_str(&encode_standard(b)),
            None => serializer.serialize_none(),
        }
    }

    /// Deserializes `null` or base64 in either alphabet.
    ///
    /// # Errors
    ///
    /// When the value is neither `null` nor a base64 string.
    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<Vec<u8>>, D::Error> {
        Option::<String>::deserialize(deserializer)?
            .map(|t| decode_lenient(&t).map_err(D::Error::custom))
            .transpose()
    }
}

/// `Option<Vec<u8>>` as URL-safe base64 without padding (`null` or absent is `None`).
/// Use with `#[serde(default, skip_serializing_if = "Option::is_none")]`.
pub mod url_opt {
    use super::*;

    /// Serializes `Some` as URL-safe base64, `None` as `null`.
    ///
    /// # Errors
    ///
    /// Never fails on its own; errors come from the serializer.
    pub fn serialize<S: Serializer>(
        bytes: &Option<Vec<u8>>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        match bytes {
            Some(b) => serializer.serialize_str(&encode_url(b)),
            None => serializer.serialize_none(),
        }
    }

    /// Deserializes `null` or base64 in either alphabet.
    ///
    /// # Errors
    ///
    /// When the value is neither `null` nor a base64 string.
    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<Vec<u8>>, D::Error> {
        standard_opt::deserialize(deserializer)
    }
}

/// `Vec<Vec<u8>>` as a JSON array of standard padded base64 strings.
pub mod standard_vec {
    use super::*;
    use serde::ser::SerializeSeq;

    /// Serializes each element as standard padded base64.
    ///
    /// # Errors
    ///
    /// Never fails on its own; errors come from the serializer.
    pub fn serialize<S: Serializer>(items: &[Vec<u8>], serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(items.len()))?;
        for item in items {
            seq.serialize_element(&encode_standard(item))?;
        }
        seq.end()
    }

    /// Deserializes an array of base64 strings (`null` is an empty list).
    ///
    /// # Errors
    ///
    /// When an element is not a base64 string.
    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Vec<Vec<u8>>, D::Error> {
        Option::<Vec<String>>::deserialize(deserializer)?
            .unwrap_or_default()
            .iter()
            .map(|t| decode_lenient(t).map_err(D::Error::custom))
            .collect()
    }
}

/// `Vec<Vec<u8>>` as a JSON array of URL-safe unpadded base64 strings.
pub mod url_vec {
    use super::*;
    use serde::ser::SerializeSeq;

    /// Serializes each element as URL-safe base64 without padding.
    ///
    /// # Errors
    ///
    /// Never fails on its own; errors come from the serializer.
    pub fn serialize<S: Serializer>(items: &[Vec<u8>], serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(items.len()))?;
        for item in items {
            seq.serialize_element(&encode_url(item))?;
        }
        seq.end()
    }

    /// Deserializes an array of base64 strings (`null` is an empty list).
    ///
    /// # Errors
    ///
    /// When an element is not a base64 string.
    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Vec<Vec<u8>>, D::Error> {
        standard_vec::deserialize(deserializer)
    }
}

#[cfg(test)]
mod tests {
    use serde::{Deserialize, Serialize};

    #[derive(Serialize, Deserialize, Debug, PartialEq)]
    struct T {
        #[serde(with = "super::standard")]
        s: Vec<u8>,
        #[serde(with = "super::url")]
        u: Vec<u8>,
        #[serde(
            with = "super::standard_opt",
            default,
            skip_serializing_if = "Option::is_none"
        )]
        o: Option<Vec<u8>>,
        #[serde(with = "super::url_vec", default)]
        v: Vec<Vec<u8>>,
    }

    #[test]
    fn encodes_exactly_and_decodes_either_alphabet() {
        let t = T {
            s: vec![0xfb, 0xff],
            u: vec![0xfb, 0xff],
            o: None,
            v: vec![vec![0xfb, 0xef, 0xbe]],
        };
        let json = serde_json::to_value(&t).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"s": "+/8=", "u": "-_8", "v": ["----"]})
        );
        // Either alphabet, padded or not, decodes to the same bytes.
        let back: T =
            serde_json::from_value(serde_json::json!({"s": "-_8", "u": "+/8=", "v": ["++++"]}))
                .unwrap();
        assert_eq!(back, t);
        let with_opt: T =
            serde_json::from_value(serde_json::json!({"s": "", "u": "", "o": "AQI=", "v": null}))
                .unwrap();
        assert_eq!(with_opt.o, Some(vec![1, 2]));
        assert!(with_opt.v.is_empty());
    }

    #[test]
    fn rejects_non_base64_with_a_message() {
        let err = serde_json::from_value::<T>(serde_json::json!({"s": "!!", "u": ""}))
            .unwrap_err()
            .to_string();
        assert!(err.contains("invalid base64"), "{err}");
        // An array of strings (the spec's shape) is not the wire format.
        assert!(serde_json::from_value::<T>(serde_json::json!({"s": ["AQ=="], "u": ""})).is_err());
    }
}

//! Conversions between typed values, msgpack bytes and [`rmpv::Value`], with field paths in
//! errors.

use crate::error::{Error, Result};
use rmpv::Value;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

/// Decodes `T` from a msgpack value. On failure the error names `what`, and the path of the
/// failing field below `prefix` (`"data"` gives paths such as `data.receiver.publicKey`).
pub(crate) fn from_value<T: DeserializeOwned>(value: Value, what: &str, prefix: &str) -> Result<T> {
    serde_path_to_error::deserialize(value).map_err(|error| {
        let inner = error.path().to_string();
        let path = match (prefix.is_empty(), inner.as_str()) {
            (true, inner) => inner.to_owned(),
            (false, ".") => prefix.to_owned(),
            (false, inner) if inner.starts_with('[') => format!("{prefix}{inner}"),
            (false, inner) => format!("{prefix}.{inner}"),
        };
        Error::decode(what, path, error.into_inner().to_string())
    })
}

/// Deserializes a field whose absence and `nil` both mean `T::default()` (collections and
/// booleans with a default): use with `#[serde(default, deserialize_with = "…")]`.
pub(crate) fn nil_default<'de, D, T>(deserializer: D) -> std::result::Result<T, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Default + Deserialize<'de>,
{
    Ok(Option::<T>::deserialize(deserializer)?.unwrap_or_default())
}

/// Encodes `value` as msgpack with structs as maps with string keys (never as arrays) and
/// byte fields as bin.
pub(crate) fn to_msgpack<T: Serialize + ?Sized>(value: &T, what: &str) -> Result<Vec<u8>> {
    rmp_serde::to_vec_named(value).map_err(|error| Error::Encode {
        what: what.to_owned(),
        message: error.to_string(),
    })
}

/// Decodes one msgpack value from `bytes`, rejecting trailing bytes.
pub(crate) fn read_value(bytes: &[u8], what: &str) -> Result<Value> {
    let mut reader = bytes;
    let value = rmpv::decode::read_value(&mut reader)
        .map_err(|error| Error::decode(what, ".", error.to_string()))?;
    if !reader.is_empty() {
        return Err(Error::decode(
            what,
            ".",
            format!("{} trailing bytes after the msgpack value", reader.len()),
        ));
    }
    Ok(value)
}

/// Encodes a msgpack value.
pub(crate) fn write_value(value: &Value, what: &str) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    rmpv::encode::write_value(&mut out, value).map_err(|error| Error::Encode {
        what: what.to_owned(),
        message: error.to_string(),
    })?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Inner {
        count: u32,
    }

    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Outer {
        inner: Inner,
    }

    #[test]
    fn errors_carry_the_field_path() {
        let value = Value::Map(vec![(
            "inner".into(),
            Value::Map(vec![("count".into(), "seven".into())]),
        )]);
        let error = from_value::<Outer>(value, "test message", "data").unwrap_err();
        let Error::Decode {
            what,
            path,
            message,
        } = error
        else {
            panic!("not a decode error: {error:?}")
        };
        assert_eq!(what, "test message");
        assert_eq!(path, "data.inner.count");
        assert!(message.contains("expected u32"), "{message}");
    }

    #[test]
    fn trailing_bytes_are_rejected() {
        assert_eq!(read_value(b"\x01", "x").unwrap(), Value::from(1));
        let error = read_value(b"\x01\x02", "x").unwrap_err();
        assert!(error.to_string().contains("1 trailing bytes"), "{error}");
        assert!(read_value(b"\x92\x01", "x").is_err());
        assert!(read_value(b"", "x").is_err());
    }

    #[test]
    fn structs_encode_as_maps_with_string_keys() {
        #[derive(Serialize)]
        struct S {
            a: u8,
        }
        assert_eq!(to_msgpack(&S { a: 1 }, "s").unwrap(), b"\x81\xa1a\x01");
        assert_eq!(write_value(&Value::from(true), "v").unwrap(), b"\xc3");
    }
}

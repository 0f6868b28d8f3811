//! Conversions between typed values, msgpack bytes and [`rmpv::Value`], with field paths in
//! errors.

use crate::error::{Error, Result};
use rmpv::Value;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

/// Decodes `T` from a msgpack value. On failure the error names `what`, and the path of the
/// failing field below `prefix` (`"data"` gives paths such as `data.receiver.publicKey`).
pub(crate) fn from_value<T: DeserializeOwned>(value: Value, what: &str, prefix: &str) -> Result<T> {
    serde_path_to_error::deserialize(value).map_err(|error| path_error(error, what, prefix))
}

/// Decodes `T` straight from msgpack bytes (one value), like [`from_value`] decodes it from a
/// value: same rules, same error paths. The first attempt runs without path tracking; only a
/// failure is decoded again to name the failing field.
pub(crate) fn from_bytes<T: DeserializeOwned>(bytes: &[u8], what: &str, prefix: &str) -> Result<T> {
    if let Ok(value) = rmp_serde::from_slice::<T>(bytes) {
        return Ok(value);
    }
    let mut deserializer = rmp_serde::Deserializer::from_read_ref(bytes);
    serde_path_to_error::deserialize(&mut deserializer)
        .map_err(|error| path_error(error, what, prefix))
}

/// A decode error naming `what` and the failing field's path below `prefix`.
fn path_error<E: std::fmt::Display>(
    error: serde_path_to_error::Error<E>,
    what: &str,
    prefix: &str,
) -> Error {
    let inner = error.path().to_string();
    let path = match (prefix.is_empty(), inner.as_str()) {
        (true, inner) => inner.to_owned(),
        (false, ".") => prefix.to_owned(),
        (false, inner) if inner.starts_with('[') => format!("{prefix}{inner}"),
        (false, inner) => format!("{prefix}.{inner}"),
    };
    Error::decode(what, path, error.into_inner().to_string())
}

/// Steps over one msgpack value at the start of `input` without decoding it. Returns false
/// (leaving `input` anywhere) if the bytes are not a complete, well-formed value.
///
/// Iterative, so hostile nesting cannot exhaust the stack; every value takes at least one
/// byte, so the loop ends with the input.
pub(crate) fn skip_value(input: &mut &[u8]) -> bool {
    use rmp::Marker;
    fn take(input: &mut &[u8], n: usize) -> Option<u64> {
        let (head, rest) = input.split_at_checked(n)?;
        *input = rest;
        Some(head.iter().fold(0u64, |acc, b| (acc << 8) | u64::from(*b)))
    }
    fn advance(input: &mut &[u8], n: u64) -> bool {
        match usize::try_from(n).ok().and_then(|n| input.get(n..)) {
            Some(rest) => {
                *input = rest;
                true
            }
            None => false,
        }
    }
    let mut pending: u64 = 1;
    while pending > 0 {
        pending -= 1;
        let Some((&byte, rest)) = input.split_first() else {
            return false;
        };
        *input = rest;
        let (bytes, children): (Option<u64>, u64) = match Marker::from_u8(byte) {
            Marker::FixPos(_) | Marker::FixNeg(_) | Marker::Null | Marker::True | Marker::False => {
                (Some(0), 0)
            }
            Marker::U8 | Marker::I8 => (Some(1), 0),
            Marker::U16 | Marker::I16 => (Some(2), 0),
            Marker::U32 | Marker::I32 | Marker::F32 => (Some(4), 0),
            Marker::U64 | Marker::I64 | Marker::F64 => (Some(8), 0),
            Marker::FixStr(n) => (Some(u64::from(n)), 0),
            Marker::Str8 | Marker::Bin8 => (take(input, 1), 0),
            Marker::Str16 | Marker::Bin16 => (take(input, 2), 0),
            Marker::Str32 | Marker::Bin32 => (take(input, 4), 0),
            Marker::FixArray(n) => (Some(0), u64::from(n)),
            Marker::Array16 => match take(input, 2) {
                Some(n) => (Some(0), n),
                None => return false,
            },
            Marker::Array32 => match take(input, 4) {
                Some(n) => (Some(0), n),
                None => return false,
            },
            Marker::FixMap(n) => (Some(0), 2 * u64::from(n)),
            Marker::Map16 => match take(input, 2) {
                Some(n) => (Some(0), 2 * n),
                None => return false,
            },
            Marker::Map32 => match take(input, 4) {
                Some(n) => (Some(0), 2 * n),
                None => return false,
            },
            Marker::FixExt1 => (Some(2), 0),
            Marker::FixExt2 => (Some(3), 0),
            Marker::FixExt4 => (Some(5), 0),
            Marker::FixExt8 => (Some(9), 0),
            Marker::FixExt16 => (Some(17), 0),
            Marker::Ext8 => (take(input, 1).map(|n| n + 1), 0),
            Marker::Ext16 => (take(input, 2).map(|n| n + 1), 0),
            Marker::Ext32 => (take(input, 4).map(|n| n + 1), 0),
            Marker::Reserved => return false,
        };
        match bytes {
            Some(n) if advance(input, n) => {}
            _ => return false,
        }
        // More announced children than bytes left cannot be well-formed (each takes a byte).
        pending = pending.saturating_add(children);
        if pending > input.len() as u64 {
            return false;
        }
    }
    true
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

    #[test]
    fn skip_value_steps_over_exactly_one_value() {
        let value = Value::Map(vec![
            (
                Value::from("a"),
                Value::Array(vec![Value::from(1), Value::from(-300), Value::Nil]),
            ),
            (Value::from("b"), Value::Binary(vec![0; 300])),
            (Value::from("c"), Value::from(1.5)),
            (Value::from("d"), Value::Ext(5, vec![1, 2, 3])),
            (Value::from("e"), Value::from("x".repeat(70_000))),
        ]);
        let mut bytes = write_value(&value, "t").unwrap();
        let len = bytes.len();
        bytes.extend_from_slice(&[0xc3, 0x01]);
        let mut input = bytes.as_slice();
        assert!(skip_value(&mut input));
        assert_eq!(input, [0xc3, 0x01]);
        // Every truncation fails cleanly.
        for cut in 0..len {
            let mut input = &bytes[..cut];
            assert!(!skip_value(&mut input), "cut at {cut}");
        }
        // A reserved marker and an absurd element count fail too.
        assert!(!skip_value(&mut &[0xc1][..]));
        assert!(!skip_value(&mut &[0xdd, 0xff, 0xff, 0xff, 0xff, 0x01][..]));
    }

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

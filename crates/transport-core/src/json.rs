//! JSON decoding that reports the path of the failing field.

use crate::error::{Error, Result};
use serde::de::DeserializeOwned;

/// Decodes `bytes` as JSON into `T`; on failure the error names `what` was decoded and the JSON
/// path of the bad field (`users[3].threemaId`).
///
/// ```
/// #[derive(serde::Deserialize, Debug)]
/// struct Page { users: Vec<User> }
/// #[derive(serde::Deserialize, Debug)]
/// struct User { id: String }
///
/// let err = transport_core::json::from_slice::<Page>("users page", br#"{"users":[{"id":"A"},{"id":5}]}"#)
///     .unwrap_err();
/// assert!(err.to_string().contains("`users[1].id`"), "{err}");
/// ```
///
/// # Errors
///
/// [`Error::Decode`] when the input is not JSON or does not fit `T`.
pub fn from_slice<T: DeserializeOwned>(what: &str, bytes: &[u8]) -> Result<T> {
    from_slice_lazy(|| what.to_owned(), bytes)
}

/// [`from_slice`] with the description built only when decoding fails (no allocation on the
/// success path).
///
/// The input is decoded once at full speed; only if that fails is it decoded again with path
/// tracking, to name the failing field.
///
/// # Errors
///
/// [`Error::Decode`] when the input is not JSON or does not fit `T`.
pub fn from_slice_lazy<T: DeserializeOwned>(
    what: impl FnOnce() -> String,
    bytes: &[u8],
) -> Result<T> {
    match serde_json::from_slice(bytes) {
        Ok(value) => Ok(value),
        Err(fast) => Err(slow_path_error::<T>(&what(), bytes, fast)),
    }
}

/// Decodes again with path tracking to report where `fast` failed.
fn slow_path_error<T: DeserializeOwned>(
    what: &str,
    bytes: &[u8],
    fast: serde_json::Error,
) -> Error {
    let mut de = serde_json::Deserializer::from_slice(bytes);
    match serde_path_to_error::deserialize::<_, T>(&mut de) {
        Err(e) => path_error(what, e, bytes),
        Ok(_) => match de.end() {
            Err(e) => Error::decode(what, ".", e.to_string(), bytes),
            // Both decoders must agree; if they ever do not, report the fast one's error.
            Ok(()) => Error::decode(what, ".", fast.to_string(), bytes),
        },
    }
}

/// Decodes an already parsed JSON value into `T`, naming the path of the bad field on failure.
///
/// # Errors
///
/// [`Error::Decode`] when the value does not fit `T`.
pub fn from_value<T: DeserializeOwned>(what: &str, value: serde_json::Value) -> Result<T> {
    serde_path_to_error::deserialize(value).map_err(|e| {
        let path = display_path(e.path());
        let message = e.into_inner().to_string();
        Error::decode(what, path, message, b"")
    })
}

/// Decodes a borrowed JSON value into `T` (cloning only what `T` keeps), naming the path of the
/// bad field on failure.
///
/// # Errors
///
/// [`Error::Decode`] when the value does not fit `T`.
pub fn from_value_ref<T: DeserializeOwned>(what: &str, value: &serde_json::Value) -> Result<T> {
    match T::deserialize(value) {
        Ok(v) => Ok(v),
        Err(_) => from_value(what, value.clone()),
    }
}

/// Serializes `value` to JSON bytes.
///
/// # Errors
///
/// [`Error::InvalidInput`] when `T`'s `Serialize` implementation fails (e.g. a map with
/// non-string keys).
pub fn to_vec<T: serde::Serialize + ?Sized>(what: &str, value: &T) -> Result<Vec<u8>> {
    serde_json::to_vec(value).map_err(|e| Error::invalid_input(what, e.to_string()))
}

fn path_error(what: &str, e: serde_path_to_error::Error<serde_json::Error>, input: &[u8]) -> Error {
    let path = display_path(e.path());
    Error::decode(what, path, e.into_inner().to_string(), input)
}

fn display_path(path: &serde_path_to_error::Path) -> String {
    let shown = path.to_string();
    if shown.is_empty() {
        ".".to_owned()
    } else {
        shown
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Deserialize, Debug)]
    #[allow(dead_code)]
    struct Outer {
        inner: Inner,
    }
    #[derive(Deserialize, Debug)]
    #[allow(dead_code)]
    struct Inner {
        list: Vec<u32>,
    }

    #[test]
    fn path_of_bad_field() {
        let err = from_slice::<Outer>("thing", br#"{"inner":{"list":[1,2,"x"]}}"#).unwrap_err();
        match err {
            Error::Decode(d) => {
                assert_eq!(d.path, "inner.list[2]");
                assert_eq!(d.what, "thing");
                assert!(d.message.contains("expected u32"), "{}", d.message);
            }
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn trailing_garbage_and_non_json() {
        assert!(matches!(
            from_slice::<Vec<u8>>("x", b"[1] junk"),
            Err(Error::Decode(_))
        ));
        let err = from_slice::<Vec<u8>>("x", b"<html>").unwrap_err();
        assert!(
            err.to_string().starts_with("cannot decode x at `.`"),
            "{err}"
        );
    }

    #[test]
    fn from_value_reports_path() {
        let err =
            from_value::<Outer>("v", serde_json::json!({"inner": {"list": [true]}})).unwrap_err();
        assert!(err.to_string().contains("`inner.list[0]`"), "{err}");
    }
}

//! How the wire name and the JSON body of a message are packed into one WebSocket frame.
//!
//! The seed never shows the framing (notes §11): the bodies carry no type tag, yet one must be on
//! the wire. So the framing is pluggable and **an explicit client setting**: a [`Framing`]
//! encodes `(wire name, body)` into a [`WsFrame`] and decodes it back. The built-ins are the
//! candidates of notes §11.1, each configurable:
//!
//! | Candidate | Type | Example for `RequestPing` |
//! |---|---|---|
//! | A. type + body envelope | [`TypeAndBody`] | `{"type":"RequestPing","body":{"clientVersion":"7.14",…}}` |
//! | B. flat tag property | [`FlatTag`] | `{"@type":"RequestPing","clientVersion":"7.14",…}` |
//! | C. wrapper object | [`WrapperObject`] | `{"RequestPing":{"clientVersion":"7.14",…}}` |
//! | D. wrapper array | [`WrapperArray`] | `["RequestPing",{"clientVersion":"7.14",…}]` |
//! | E. name prefix | [`NamePrefix`] | `RequestPing {"clientVersion":"7.14",…}` |
//!
//! [`Sniffing`] is decode-only: it tries [`builtin_candidates`] in order, accepts the first
//! result whose wire name is known and reports which candidate matched, so the first live
//! session shows the real framing. [`FramingProbe`] is the sans-IO part of an opt-in detection
//! at connect (send `RequestPing` in each candidate until a `ResponsePong` comes back).
//!
//! Every built-in decoder normalizes the wire name ([`normalize_wire_name`]): a Java package or
//! outer-class prefix (`com.x.RequestPing`, `Outer$RequestPing`) is stripped, in case the server
//! tags with class names (`@class`). [`WithNamePrefix`] adds such a prefix when encoding.

mod flat_tag;
mod name_prefix;
mod probe;
mod sniffing;
mod type_and_body;
mod with_name_prefix;
mod wrapper_array;
mod wrapper_object;

pub use flat_tag::FlatTag;
pub use name_prefix::NamePrefix;
pub use probe::{FramingProbe, ProbeAttempt};
pub use sniffing::{Sniffed, Sniffing};
pub use type_and_body::TypeAndBody;
pub use with_name_prefix::WithNamePrefix;
pub use wrapper_array::WrapperArray;
pub use wrapper_object::WrapperObject;

use crate::error::FramingError;
use serde_json::Value;
use std::fmt;

/// One WebSocket data frame: transport-core's frame type, re-exported. The built-in framings
/// read binary frames as UTF-8 text.
pub use transport_core::ws::WsFrame;

/// A frame split into the wire name and the JSON body.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Decoded {
    /// The wire name, normalized ([`normalize_wire_name`]).
    pub wire_name: String,
    /// The body.
    pub body: Value,
}

impl Decoded {
    /// A decoded frame; the name is normalized.
    pub fn new(wire_name: &str, body: Value) -> Self {
        Self {
            wire_name: normalize_wire_name(wire_name).to_owned(),
            body,
        }
    }
}

/// How the wire name and the JSON body are packed into one frame.
///
/// Implementations are plain values (`Send + Sync`), usable as `Box<dyn Framing>` so a client
/// setting, [`Sniffing`] and [`FramingProbe`] can hold any of them.
pub trait Framing: Send + Sync + fmt::Debug {
    /// A short description naming the candidate and its settings, for logs and reports
    /// (`TypeAndBody { type_key: "type", body_key: "body", body_as_string: false }`).
    fn describe(&self) -> String {
        format!("{self:?}")
    }

    /// Packs a message into a frame.
    ///
    /// # Errors
    ///
    /// [`FramingError`] when this framing cannot carry the body (a flat tag needs a JSON
    /// object without the tag key) or only decodes ([`Sniffing`]).
    fn encode(&self, wire_name: &str, body: &Value) -> Result<WsFrame, FramingError>;

    /// Splits a frame into the wire name and the body.
    ///
    /// # Errors
    ///
    /// [`FramingError`] when the frame does not have this framing's shape.
    fn decode(&self, frame: &WsFrame) -> Result<Decoded, FramingError>;
}

impl<F: Framing + ?Sized> Framing for Box<F> {
    fn describe(&self) -> String {
        (**self).describe()
    }

    fn encode(&self, wire_name: &str, body: &Value) -> Result<WsFrame, FramingError> {
        (**self).encode(wire_name, body)
    }

    fn decode(&self, frame: &WsFrame) -> Result<Decoded, FramingError> {
        (**self).decode(frame)
    }
}

/// The wire name without a Java package or outer-class prefix: the part after the last `.` or
/// `$` (`com.jetico.ws.RequestPing` → `RequestPing`). Wire names never contain either.
pub fn normalize_wire_name(name: &str) -> &str {
    match name.rfind(['.', '$']) {
        Some(at) => &name[at + 1..],
        None => name,
    }
}

/// Every built-in candidate, in the order [`Sniffing`] tries them: the type + body envelopes
/// (type keys `type`, `className`, `messageType` × body keys `body`, `data`, `payload`, each
/// with the body as an object and as a JSON string), the flat tags (`@type`, `type`,
/// `className`, `@class`, `@c`, `messageType`), the wrapper object, the wrapper array, and
/// the name prefixes (space, newline, colon). 29 in all.
///
/// The order matters where shapes overlap: a type + body envelope also looks like a flat tag
/// whose body has a `body` property, so envelopes come first.
pub fn builtin_candidates() -> Vec<Box<dyn Framing>> {
    let mut out: Vec<Box<dyn Framing>> = Vec::new();
    for type_key in ["type", "className", "messageType"] {
        for body_key in ["body", "data", "payload"] {
            for body_as_string in [false, true] {
                out.push(Box::new(
                    TypeAndBody::new(type_key, body_key).with_body_as_string(body_as_string),
                ));
            }
        }
    }
    for tag_key in ["@type", "type", "className", "@class", "@c", "messageType"] {
        out.push(Box::new(FlatTag::new(tag_key)));
    }
    out.push(Box::new(WrapperObject));
    out.push(Box::new(WrapperArray));
    for separator in [" ", "\n", ":"] {
        out.push(Box::new(NamePrefix::new(separator)));
    }
    out
}

/// The text of a frame (binary frames must be UTF-8).
pub(crate) fn frame_text<'a>(
    framing: &dyn Framing,
    frame: &'a WsFrame,
) -> Result<&'a str, FramingError> {
    std::str::from_utf8(frame.as_bytes()).map_err(|_| FramingError::NotUtf8 {
        framing: framing.describe(),
    })
}

/// Parses JSON text, naming the framing on failure.
pub(crate) fn parse_json(framing: &dyn Framing, text: &str) -> Result<Value, FramingError> {
    serde_json::from_str(text).map_err(|e| FramingError::NotJson {
        framing: framing.describe(),
        message: e.to_string(),
    })
}

/// A decoded frame, unless the normalized name is empty (a message needs a name).
pub(crate) fn named(
    framing: &dyn Framing,
    raw_name: &str,
    body: Value,
) -> Result<Decoded, FramingError> {
    let decoded = Decoded::new(raw_name, body);
    if decoded.wire_name.is_empty() {
        Err(shape(framing, "a non-empty wire name"))
    } else {
        Ok(decoded)
    }
}

/// A shape error for `framing`.
pub(crate) fn shape(framing: &dyn Framing, expected: &str) -> FramingError {
    FramingError::Shape {
        framing: framing.describe(),
        expected: expected.to_owned(),
    }
}

/// Compact JSON text of a value.
pub(crate) fn json_text(value: &Value) -> String {
    value.to_string()
}

/// A wire name must be non-empty, without whitespace or JSON punctuation.
pub(crate) fn plausible_name(name: &str) -> bool {
    !name.is_empty()
        && !name
            .chars()
            .any(|c| c.is_whitespace() || matches!(c, '{' | '}' | '[' | ']' | '"' | ',' | ':'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalization_strips_package_and_outer_class() {
        assert_eq!(normalize_wire_name("RequestPing"), "RequestPing");
        assert_eq!(
            normalize_wire_name("com.jetico.messenger.ws.RequestPing"),
            "RequestPing"
        );
        assert_eq!(normalize_wire_name("Messages$ResponsePong"), "ResponsePong");
        assert_eq!(normalize_wire_name("a.B$NicksList"), "NicksList");
        assert_eq!(Decoded::new("x.y.Params", Value::Null).wire_name, "Params");
    }

    #[test]
    fn there_are_29_distinct_candidates() {
        let all = builtin_candidates();
        assert_eq!(all.len(), 29);
        let mut names: Vec<String> = all.iter().map(|f| f.describe()).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), 29);
    }

    #[test]
    fn empty_names_are_refused_by_every_builtin() {
        for framing in builtin_candidates() {
            let frame = framing
                .encode("com.example.", &serde_json::json!({"a": 1}))
                .expect("encodes");
            let err = framing.decode(&frame).unwrap_err();
            assert!(
                err.to_string().contains("a non-empty wire name")
                    || matches!(err, FramingError::Shape { .. }),
                "{}: {err}",
                framing.describe()
            );
        }
    }

    #[test]
    fn binary_frames_must_be_utf8() {
        let framing = WrapperObject;
        let err = framing
            .decode(&WsFrame::binary(vec![0xff, 0x00]))
            .unwrap_err();
        assert!(matches!(err, FramingError::NotUtf8 { .. }), "{err:?}");
        let ok = framing
            .decode(&WsFrame::binary(br#"{"RequestPing":{}}"#.to_vec()))
            .unwrap();
        assert_eq!(ok.wire_name, "RequestPing");
    }

    #[test]
    fn plausible_names() {
        assert!(plausible_name("RequestPing"));
        assert!(plausible_name("com.x.RequestPing"));
        assert!(!plausible_name(""));
        assert!(!plausible_name("Request Ping"));
        assert!(!plausible_name("RequestPing{"));
        assert!(!plausible_name("RequestPing:"));
    }
}

//! [`WrapperObject`]: candidate C, `{"<wire name>": {…}}`.

use super::{Decoded, Framing, WsFrame, frame_text, json_text, named, parse_json, shape};
use crate::error::FramingError;
use serde_json::Value;

/// Candidate C (Jackson `As.WRAPPER_OBJECT`): an object with exactly one property, named
/// after the message, whose value is the body object.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct WrapperObject;

impl Framing for WrapperObject {
    fn encode(&self, wire_name: &str, body: &Value) -> Result<WsFrame, FramingError> {
        Ok(WsFrame::text(format!(
            "{{{}:{}}}",
            json_text(&Value::String(wire_name.to_owned())),
            json_text(body)
        )))
    }

    fn decode(&self, frame: &WsFrame) -> Result<Decoded, FramingError> {
        let value = parse_json(self, frame_text(self, frame)?)?;
        let expected = "a JSON object with exactly one property whose value is an object";
        let Value::Object(object) = value else {
            return Err(shape(self, expected));
        };
        let mut entries = object.into_iter();
        match (entries.next(), entries.next()) {
            (Some((name, body @ Value::Object(_))), None) => named(self, &name, body),
            _ => Err(shape(self, expected)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn round_trip_and_shape_errors() {
        let frame = WrapperObject
            .encode("NotificationTyping", &json!({"userId": "u"}))
            .unwrap();
        assert_eq!(
            frame,
            WsFrame::Text(r#"{"NotificationTyping":{"userId":"u"}}"#.into())
        );
        let decoded = WrapperObject.decode(&frame).unwrap();
        assert_eq!(decoded.wire_name, "NotificationTyping");
        assert_eq!(decoded.body, json!({"userId": "u"}));
        for text in [r#"{}"#, r#"{"a":{},"b":{}}"#, r#"{"a":1}"#, r#"[]"#] {
            assert!(
                matches!(
                    WrapperObject.decode(&WsFrame::Text(text.into())),
                    Err(FramingError::Shape { .. })
                ),
                "{text}"
            );
        }
    }
}

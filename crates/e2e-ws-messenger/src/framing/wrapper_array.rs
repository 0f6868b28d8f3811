//! [`WrapperArray`]: candidate D, `["<wire name>", {…}]`.

use super::{Decoded, Framing, WsFrame, frame_text, json_text, named, parse_json, shape};
use crate::error::FramingError;
use serde_json::Value;

/// Candidate D (Jackson `As.WRAPPER_ARRAY`): a two-element array, the wire name then the body
/// object.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct WrapperArray;

impl Framing for WrapperArray {
    fn encode(&self, wire_name: &str, body: &Value) -> Result<WsFrame, FramingError> {
        Ok(WsFrame::text(format!(
            "[{},{}]",
            json_text(&Value::String(wire_name.to_owned())),
            json_text(body)
        )))
    }

    fn decode(&self, frame: &WsFrame) -> Result<Decoded, FramingError> {
        let value = parse_json(self, frame_text(self, frame)?)?;
        let expected = "a JSON array of a string and an object";
        match value {
            Value::Array(items) => match <[Value; 2]>::try_from(items) {
                Ok([Value::String(name), body @ Value::Object(_)]) => named(self, &name, body),
                _ => Err(shape(self, expected)),
            },
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
        let frame = WrapperArray
            .encode("BlackList", &json!({"users": []}))
            .unwrap();
        assert_eq!(frame, WsFrame::Text(r#"["BlackList",{"users":[]}]"#.into()));
        let decoded = WrapperArray.decode(&frame).unwrap();
        assert_eq!(decoded.wire_name, "BlackList");
        assert_eq!(decoded.body, json!({"users": []}));
        for text in [
            r#"["BlackList"]"#,
            r#"["BlackList",{},1]"#,
            r#"[1,{}]"#,
            r#"["a",[]]"#,
            r#"{}"#,
        ] {
            assert!(
                matches!(
                    WrapperArray.decode(&WsFrame::Text(text.into())),
                    Err(FramingError::Shape { .. })
                ),
                "{text}"
            );
        }
    }
}

//! [`TypeAndBody`]: candidate A, `{"type": "<wire name>", "body": {…}}`.

use super::{Decoded, Framing, WsFrame, frame_text, json_text, named, parse_json, shape};
use crate::error::FramingError;
use serde_json::Value;

/// Candidate A: an envelope object with the wire name under `type_key` and the body under
/// `body_key`; with `body_as_string` the body is a JSON string holding the body's JSON (a
/// double-encoded body). Other envelope properties are ignored on decoding.
///
/// ```
/// use e2e_ws_messenger::framing::{WsFrame, Framing, TypeAndBody};
/// use serde_json::json;
///
/// let framing = TypeAndBody::new("type", "body");
/// let frame = framing.encode("RequestTyping", &json!({"conversationUuid": "x"}))?;
/// assert_eq!(frame, WsFrame::Text(r#"{"type":"RequestTyping","body":{"conversationUuid":"x"}}"#.into()));
/// assert_eq!(framing.decode(&frame)?.wire_name, "RequestTyping");
/// # Ok::<(), e2e_ws_messenger::FramingError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct TypeAndBody {
    /// The property holding the wire name (`"type"`, `"className"`, `"messageType"`).
    pub type_key: String,
    /// The property holding the body (`"body"`, `"data"`, `"payload"`).
    pub body_key: String,
    /// True if the body is a JSON string containing the body's JSON.
    pub body_as_string: bool,
}

impl TypeAndBody {
    /// An envelope with these property names and the body as an object.
    pub fn new(type_key: impl Into<String>, body_key: impl Into<String>) -> Self {
        Self {
            type_key: type_key.into(),
            body_key: body_key.into(),
            body_as_string: false,
        }
    }

    /// Sets whether the body is double-encoded as a JSON string.
    #[must_use]
    pub fn with_body_as_string(mut self, body_as_string: bool) -> Self {
        self.body_as_string = body_as_string;
        self
    }
}

impl Default for TypeAndBody {
    /// `{"type": …, "body": {…}}`: the placeholder the docs recommend until a live trace
    /// confirms the framing (see `docs/decisions.md`).
    fn default() -> Self {
        Self::new("type", "body")
    }
}

impl Framing for TypeAndBody {
    fn encode(&self, wire_name: &str, body: &Value) -> Result<WsFrame, FramingError> {
        let body_text = json_text(body);
        let body_json = if self.body_as_string {
            json_text(&Value::String(body_text))
        } else {
            body_text
        };
        Ok(WsFrame::text(format!(
            "{{{}:{},{}:{}}}",
            json_text(&Value::String(self.type_key.clone())),
            json_text(&Value::String(wire_name.to_owned())),
            json_text(&Value::String(self.body_key.clone())),
            body_json
        )))
    }

    fn decode(&self, frame: &WsFrame) -> Result<Decoded, FramingError> {
        let value = parse_json(self, frame_text(self, frame)?)?;
        let expected = || {
            format!(
                "a JSON object with a string `{}` and {} `{}`",
                self.type_key,
                if self.body_as_string {
                    "a JSON string"
                } else {
                    "an object"
                },
                self.body_key
            )
        };
        let Value::Object(mut object) = value else {
            return Err(shape(self, &expected()));
        };
        let Some(Value::String(name)) = object.remove(&self.type_key) else {
            return Err(shape(self, &expected()));
        };
        let body = match (object.remove(&self.body_key), self.body_as_string) {
            (Some(body @ Value::Object(_)), false) => body,
            (Some(Value::String(text)), true) => match parse_json(self, &text)? {
                body @ Value::Object(_) => body,
                _ => return Err(shape(self, &expected())),
            },
            _ => return Err(shape(self, &expected())),
        };
        named(self, &name, body)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn encodes_type_first_and_decodes_back() {
        let framing = TypeAndBody::new("messageType", "payload");
        let body = json!({"clientVersion": "7.14", "when": 1_732_795_223_926_i64});
        let frame = framing.encode("RequestPing", &body).unwrap();
        assert_eq!(
            frame,
            WsFrame::Text(
                r#"{"messageType":"RequestPing","payload":{"clientVersion":"7.14","when":1732795223926}}"#
                    .into()
            )
        );
        let decoded = framing.decode(&frame).unwrap();
        assert_eq!(decoded, Decoded::new("RequestPing", body));
    }

    #[test]
    fn body_as_string_is_double_encoded() {
        let framing = TypeAndBody::default().with_body_as_string(true);
        let frame = framing
            .encode("RequestGetServerSettings", &json!({}))
            .unwrap();
        assert_eq!(
            frame,
            WsFrame::Text(r#"{"type":"RequestGetServerSettings","body":"{}"}"#.into())
        );
        assert_eq!(framing.decode(&frame).unwrap().body, json!({}));
        // The object form does not accept a string body, and the reverse.
        assert!(TypeAndBody::default().decode(&frame).is_err());
        let plain = TypeAndBody::default().encode("X", &json!({})).unwrap();
        assert!(framing.decode(&plain).is_err());
    }

    #[test]
    fn extra_envelope_properties_are_ignored_and_class_names_normalized() {
        let frame = WsFrame::Text(
            r#"{"id":7,"type":"com.jetico.ResponsePong","body":{"serverVersion":"7.14"}}"#.into(),
        );
        let decoded = TypeAndBody::default().decode(&frame).unwrap();
        assert_eq!(decoded.wire_name, "ResponsePong");
        assert_eq!(decoded.body, json!({"serverVersion": "7.14"}));
    }

    #[test]
    fn wrong_shapes_are_shape_errors() {
        let framing = TypeAndBody::default();
        for text in [
            r#"["RequestPing",{}]"#,
            r#"{"type":5,"body":{}}"#,
            r#"{"type":"RequestPing"}"#,
            r#"{"type":"RequestPing","body":[1]}"#,
        ] {
            let err = framing.decode(&WsFrame::Text(text.into())).unwrap_err();
            assert!(matches!(err, FramingError::Shape { .. }), "{text}: {err:?}");
        }
        let err = framing
            .decode(&WsFrame::Text("RequestPing {}".into()))
            .unwrap_err();
        assert!(matches!(err, FramingError::NotJson { .. }), "{err:?}");
        assert!(
            err.to_string()
                .starts_with("TypeAndBody { type_key: \"type\""),
            "{err}"
        );
    }
}

//! [`FlatTag`]: candidate B, `{"@type": "<wire name>", …body properties…}`.

use super::{Decoded, Framing, WsFrame, frame_text, json_text, named, parse_json, shape};
use crate::error::FramingError;
use serde_json::Value;

/// Candidate B (Jackson `As.PROPERTY`): the body object with one extra property, `tag_key`,
/// holding the wire name (or a Java class name, normalized on decoding).
///
/// ```
/// use e2e_ws_messenger::framing::{FlatTag, WsFrame, Framing};
/// use serde_json::json;
///
/// let framing = FlatTag::new("@type");
/// let frame = framing.encode("RequestTyping", &json!({"conversationUuid": "x"}))?;
/// assert_eq!(frame, WsFrame::Text(r#"{"@type":"RequestTyping","conversationUuid":"x"}"#.into()));
/// let decoded = framing.decode(&frame)?;
/// assert_eq!(decoded.body, json!({"conversationUuid": "x"}));
/// # Ok::<(), e2e_ws_messenger::FramingError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct FlatTag {
    /// The tag property (`"@type"`, `"type"`, `"className"`, `"@class"`, `"@c"`).
    pub tag_key: String,
}

impl FlatTag {
    /// A flat tag under `tag_key`.
    pub fn new(tag_key: impl Into<String>) -> Self {
        Self {
            tag_key: tag_key.into(),
        }
    }
}

impl Framing for FlatTag {
    fn encode(&self, wire_name: &str, body: &Value) -> Result<WsFrame, FramingError> {
        let encode_error = |reason: &str| FramingError::Encode {
            framing: self.describe(),
            wire_name: wire_name.to_owned(),
            reason: reason.to_owned(),
        };
        let Value::Object(object) = body else {
            return Err(encode_error("the body is not a JSON object"));
        };
        if object.contains_key(&self.tag_key) {
            return Err(encode_error(
                "the body already has a property named like the tag",
            ));
        }
        // The tag goes first, whatever order the JSON map keeps.
        let tag = format!(
            "{}:{}",
            json_text(&Value::String(self.tag_key.clone())),
            json_text(&Value::String(wire_name.to_owned()))
        );
        let rest = json_text(body);
        let text = match rest.strip_prefix('{') {
            Some("}") | None => format!("{{{tag}}}"),
            Some(after) => format!("{{{tag},{after}"),
        };
        Ok(WsFrame::text(text))
    }

    fn decode(&self, frame: &WsFrame) -> Result<Decoded, FramingError> {
        let value = parse_json(self, frame_text(self, frame)?)?;
        let expected = || format!("a JSON object with a string `{}`", self.tag_key);
        let Value::Object(mut object) = value else {
            return Err(shape(self, &expected()));
        };
        let Some(Value::String(name)) = object.remove(&self.tag_key) else {
            return Err(shape(self, &expected()));
        };
        named(self, &name, Value::Object(object))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn empty_bodies_and_class_names() {
        let framing = FlatTag::new("@class");
        let frame = framing
            .encode("RequestGetServerSettings", &json!({}))
            .unwrap();
        assert_eq!(
            frame,
            WsFrame::Text(r#"{"@class":"RequestGetServerSettings"}"#.into())
        );
        assert_eq!(framing.decode(&frame).unwrap().body, json!({}));
        let java = WsFrame::Text(
            r#"{"@class":"com.jetico.ws.ResponsePong","serverVersion":"7.14"}"#.into(),
        );
        let decoded = framing.decode(&java).unwrap();
        assert_eq!(decoded.wire_name, "ResponsePong");
        assert_eq!(decoded.body, json!({"serverVersion": "7.14"}));
    }

    #[test]
    fn refuses_bodies_it_cannot_carry() {
        let framing = FlatTag::new("type");
        let err = framing.encode("X", &json!([1])).unwrap_err();
        assert!(err.to_string().contains("not a JSON object"), "{err}");
        let err = framing.encode("X", &json!({"type": "clash"})).unwrap_err();
        assert!(matches!(err, FramingError::Encode { .. }), "{err:?}");
    }

    #[test]
    fn needs_a_string_tag() {
        let framing = FlatTag::new("@type");
        for text in [
            r#"{"type":"RequestPing"}"#,
            r#"{"@type":1}"#,
            r#"["RequestPing",{}]"#,
        ] {
            let err = framing.decode(&WsFrame::Text(text.into())).unwrap_err();
            assert!(matches!(err, FramingError::Shape { .. }), "{text}");
        }
    }
}

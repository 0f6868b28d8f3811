//! [`NamePrefix`]: candidate E, `<wire name><separator>{…}` as text.

use super::{
    Decoded, Framing, WsFrame, frame_text, json_text, named, parse_json, plausible_name, shape,
};
use crate::error::FramingError;
use serde_json::Value;

/// Candidate E: the wire name, a separator (`" "`, `"\n"`, `":"`), then the body's JSON.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct NamePrefix {
    /// What separates the name from the JSON.
    pub separator: String,
}

impl NamePrefix {
    /// A prefix framing with this separator.
    pub fn new(separator: impl Into<String>) -> Self {
        Self {
            separator: separator.into(),
        }
    }
}

impl Framing for NamePrefix {
    fn encode(&self, wire_name: &str, body: &Value) -> Result<WsFrame, FramingError> {
        Ok(WsFrame::text(format!(
            "{wire_name}{}{}",
            self.separator,
            json_text(body)
        )))
    }

    fn decode(&self, frame: &WsFrame) -> Result<Decoded, FramingError> {
        let text = frame_text(self, frame)?;
        let expected = || format!("a wire name, {:?} and a JSON object", self.separator);
        let Some((name, json)) = text.split_once(self.separator.as_str()) else {
            return Err(shape(self, &expected()));
        };
        if !plausible_name(name) || self.separator.is_empty() {
            return Err(shape(self, &expected()));
        }
        match parse_json(self, json)? {
            body @ Value::Object(_) => named(self, name, body),
            _ => Err(shape(self, &expected())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn each_separator_round_trips() {
        for separator in [" ", "\n", ":"] {
            let framing = NamePrefix::new(separator);
            let body = json!({"vendor": "Apple Inc.", "note": "a: b\nc"});
            let frame = framing.encode("RequestPing", &body).unwrap();
            let decoded = framing.decode(&frame).unwrap();
            assert_eq!(decoded, Decoded::new("RequestPing", body), "{separator:?}");
        }
    }

    #[test]
    fn rejects_frames_of_other_shapes() {
        let space = NamePrefix::new(" ");
        // A colon-separated frame whose JSON has a space inside a string.
        let colon = WsFrame::Text(r#"RequestPing:{"vendor":"Apple Inc."}"#.into());
        assert!(space.decode(&colon).is_err());
        assert!(space.decode(&WsFrame::Text(r#"{"a":1}"#.into())).is_err());
        assert!(
            space
                .decode(&WsFrame::Text("RequestPing [1]".into()))
                .is_err()
        );
        assert!(
            NamePrefix::new("")
                .decode(&WsFrame::Text("X{}".into()))
                .is_err()
        );
    }
}

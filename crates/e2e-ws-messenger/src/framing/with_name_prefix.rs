//! [`WithNamePrefix`]: sends Java class names instead of bare wire names.

use super::{Decoded, Framing, WsFrame};
use crate::error::FramingError;
use serde_json::Value;

/// Wraps a framing so that encoded names carry a prefix (`com.example.ws.` + `RequestPing`),
/// for a server that tags messages with class names (`@class`). Decoding is the inner
/// framing's, which already strips such prefixes.
#[derive(Debug)]
#[non_exhaustive]
pub struct WithNamePrefix<F> {
    /// What to put before each wire name (`"com.example.ws."`).
    pub prefix: String,
    /// The framing that does the packing.
    pub inner: F,
}

impl<F: Framing> WithNamePrefix<F> {
    /// Prefixes the names `inner` encodes.
    pub fn new(prefix: impl Into<String>, inner: F) -> Self {
        Self {
            prefix: prefix.into(),
            inner,
        }
    }
}

impl<F: Framing> Framing for WithNamePrefix<F> {
    fn encode(&self, wire_name: &str, body: &Value) -> Result<WsFrame, FramingError> {
        self.inner
            .encode(&format!("{}{wire_name}", self.prefix), body)
    }

    fn decode(&self, frame: &WsFrame) -> Result<Decoded, FramingError> {
        self.inner.decode(frame)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::framing::FlatTag;
    use serde_json::json;

    #[test]
    fn encodes_class_names_and_decodes_wire_names() {
        let framing = WithNamePrefix::new("com.example.ws.", FlatTag::new("@class"));
        let frame = framing.encode("RequestPing", &json!({"when": 1})).unwrap();
        assert_eq!(
            frame,
            WsFrame::Text(r#"{"@class":"com.example.ws.RequestPing","when":1}"#.into())
        );
        assert_eq!(framing.decode(&frame).unwrap().wire_name, "RequestPing");
        assert!(framing.describe().contains("com.example.ws."));
    }
}

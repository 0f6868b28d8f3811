//! [`WsFrame`]: one WebSocket data frame.

use bytes::Bytes;
use std::fmt;
use tokio_tungstenite::tungstenite::Message;

/// One WebSocket data frame (RFC 6455 opcodes 1 and 2).
///
/// Control frames (ping, pong, close) never appear as `WsFrame`s: the engine answers pings
/// itself and reports closes as errors or events.
///
/// `Debug` shows only the kind and the length, never the content, because frames carry tokens
/// and keys (an authentication request, a key exchange). Use [`WsFrame::as_text`] or
/// [`WsFrame::as_bytes`] to look inside.
#[derive(Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum WsFrame {
    /// A UTF-8 text frame.
    Text(String),
    /// A binary frame.
    Binary(Bytes),
}

impl WsFrame {
    /// A text frame.
    pub fn text(text: impl Into<String>) -> Self {
        Self::Text(text.into())
    }

    /// A binary frame.
    pub fn binary(bytes: impl Into<Bytes>) -> Self {
        Self::Binary(bytes.into())
    }

    /// The text of a text frame.
    pub fn as_text(&self) -> Option<&str> {
        match self {
            Self::Text(text) => Some(text),
            Self::Binary(_) => None,
        }
    }

    /// The payload bytes (UTF-8 for a text frame).
    pub fn as_bytes(&self) -> &[u8] {
        match self {
            Self::Text(text) => text.as_bytes(),
            Self::Binary(bytes) => bytes,
        }
    }

    /// True for a text frame.
    pub fn is_text(&self) -> bool {
        matches!(self, Self::Text(_))
    }

    /// The payload length in bytes.
    pub fn len(&self) -> usize {
        self.as_bytes().len()
    }

    /// True if the payload is empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub(crate) fn into_message(self) -> Message {
        match self {
            Self::Text(text) => Message::Text(text.into()),
            Self::Binary(bytes) => Message::Binary(bytes),
        }
    }

    /// The data frame inside `message`, or `None` for control frames.
    pub(crate) fn from_message(message: Message) -> Option<Self> {
        match message {
            Message::Text(text) => Some(Self::Text(text.as_str().to_owned())),
            Message::Binary(bytes) => Some(Self::Binary(bytes)),
            _ => None,
        }
    }
}

impl fmt::Debug for WsFrame {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Text(text) => write!(f, "Text({} bytes)", text.len()),
            Self::Binary(bytes) => write!(f, "Binary({} bytes)", bytes.len()),
        }
    }
}

impl From<String> for WsFrame {
    fn from(text: String) -> Self {
        Self::Text(text)
    }
}

impl From<&str> for WsFrame {
    fn from(text: &str) -> Self {
        Self::Text(text.to_owned())
    }
}

impl From<Bytes> for WsFrame {
    fn from(bytes: Bytes) -> Self {
        Self::Binary(bytes)
    }
}

impl From<Vec<u8>> for WsFrame {
    fn from(bytes: Vec<u8>) -> Self {
        Self::Binary(bytes.into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_never_shows_the_payload() {
        let frame = WsFrame::text(r#"{"token":"secret-jwt"}"#);
        assert_eq!(format!("{frame:?}"), "Text(22 bytes)");
        let frame = WsFrame::binary(vec![1u8, 2, 3]);
        assert_eq!(format!("{frame:?}"), "Binary(3 bytes)");
    }

    #[test]
    fn message_round_trip_keeps_kind_and_payload() {
        let text = WsFrame::text("héllo");
        assert_eq!(
            WsFrame::from_message(text.clone().into_message()),
            Some(text)
        );
        let bin = WsFrame::from(vec![0u8, 255]);
        assert_eq!(WsFrame::from_message(bin.clone().into_message()), Some(bin));
        assert_eq!(WsFrame::from_message(Message::Ping(Bytes::new())), None);
    }

    #[test]
    fn accessors() {
        let text = WsFrame::from("abc");
        assert_eq!(text.as_text(), Some("abc"));
        assert_eq!(text.as_bytes(), b"abc");
        assert!(text.is_text());
        assert_eq!(text.len(), 3);
        let bin = WsFrame::from(Bytes::from_static(b""));
        assert_eq!(bin.as_text(), None);
        assert!(bin.is_empty());
    }
}

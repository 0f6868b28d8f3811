//! [`WsFrame`]: one WebSocket data frame, and [`WsText`], the text of a text frame.

use bytes::Bytes;
use std::borrow::Borrow;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::Deref;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::tungstenite::Utf8Bytes;

/// The text of a text frame: UTF-8, cheap to clone, and for a received frame a view into the
/// read buffer (no copy is made between the socket and the protocol's decoder).
///
/// It dereferences to `str`, so `&text` works wherever a `&str` is expected; build one from a
/// `String` or `&str` with `into()`. Like [`WsFrame`], its `Debug` shows only the length.
#[derive(Clone, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct WsText(Utf8Bytes);

impl WsText {
    /// Text from a static string, without copying it.
    pub const fn from_static(text: &'static str) -> Self {
        Self(Utf8Bytes::from_static(text))
    }

    /// The text.
    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }

    /// The UTF-8 bytes, shared.
    pub fn into_bytes(self) -> Bytes {
        self.0.into()
    }
}

impl Deref for WsText {
    type Target = str;

    fn deref(&self) -> &str {
        self.0.as_str()
    }
}

impl AsRef<str> for WsText {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<[u8]> for WsText {
    fn as_ref(&self) -> &[u8] {
        self.as_str().as_bytes()
    }
}

impl Borrow<str> for WsText {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl Hash for WsText {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl fmt::Debug for WsText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "WsText({} bytes)", self.len())
    }
}

impl From<String> for WsText {
    fn from(text: String) -> Self {
        Self(text.into())
    }
}

impl From<&str> for WsText {
    fn from(text: &str) -> Self {
        Self(text.into())
    }
}

impl From<&String> for WsText {
    fn from(text: &String) -> Self {
        Self(text.into())
    }
}

impl From<Box<str>> for WsText {
    fn from(text: Box<str>) -> Self {
        Self(String::from(text).into())
    }
}

impl From<std::borrow::Cow<'_, str>> for WsText {
    fn from(text: std::borrow::Cow<'_, str>) -> Self {
        Self(text.into_owned().into())
    }
}

impl From<WsText> for String {
    fn from(text: WsText) -> Self {
        text.as_str().to_owned()
    }
}

impl PartialEq<str> for WsText {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for WsText {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for WsText {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other.as_str()
    }
}

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
    Text(WsText),
    /// A binary frame.
    Binary(Bytes),
}

impl WsFrame {
    /// A text frame.
    pub fn text(text: impl Into<WsText>) -> Self {
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
            Self::Text(text) => text.as_str().as_bytes(),
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
            Self::Text(text) => Message::Text(text.0),
            Self::Binary(bytes) => Message::Binary(bytes),
        }
    }

    /// The data frame inside `message`, or `None` for control frames.
    pub(crate) fn from_message(message: Message) -> Option<Self> {
        match message {
            Message::Text(text) => Some(Self::Text(WsText(text))),
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
        Self::Text(text.into())
    }
}

impl From<&str> for WsFrame {
    fn from(text: &str) -> Self {
        Self::Text(text.into())
    }
}

impl From<WsText> for WsFrame {
    fn from(text: WsText) -> Self {
        Self::Text(text)
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
    fn text_derefs_compares_and_hides_its_content() {
        let text = WsText::from("token=abc");
        assert_eq!(&*text, "token=abc");
        assert_eq!(text, "token=abc");
        assert_eq!(text, String::from("token=abc"));
        assert_eq!(format!("{text:?}"), "WsText(9 bytes)");
        assert_eq!(String::from(text.clone()), "token=abc");
        assert_eq!(text.into_bytes(), Bytes::from_static(b"token=abc"));
        assert_eq!(WsText::from_static("x").len(), 1);
    }

    #[test]
    fn a_received_text_frame_shares_the_read_buffer() {
        let payload = Utf8Bytes::from("shared");
        let frame = WsFrame::from_message(Message::Text(payload.clone())).unwrap();
        let WsFrame::Text(text) = &frame else {
            panic!("not text")
        };
        assert_eq!(text.as_str().as_ptr(), payload.as_str().as_ptr());
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

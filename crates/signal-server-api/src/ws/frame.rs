//! The protobuf frames of the Signal WebSocket (`WebSocketProtocol.proto`, proto2), as
//! hand-written `prost` messages (no `protoc` needed).
//!
//! `Debug` shows header **names** only and body lengths: headers may carry access keys or
//! `Authorization`.

use bytes::Bytes;
use std::fmt;

/// `WebSocketRequestMessage`: a request in either direction.
#[derive(Clone, PartialEq, prost::Message)]
#[prost(skip_debug)]
#[non_exhaustive]
pub struct WebSocketRequestMessage {
    /// The HTTP verb (`GET`, `PUT`, …).
    #[prost(string, optional, tag = "1")]
    pub verb: Option<String>,
    /// The path, query string included.
    #[prost(string, optional, tag = "2")]
    pub path: Option<String>,
    /// The body.
    #[prost(bytes = "bytes", optional, tag = "3")]
    pub body: Option<Bytes>,
    /// Headers as `name:value` strings.
    #[prost(string, repeated, tag = "5")]
    pub headers: Vec<String>,
    /// The request id the response must carry.
    #[prost(uint64, optional, tag = "4")]
    pub id: Option<u64>,
}

/// `WebSocketResponseMessage`: the answer to a request, with the request's id.
#[derive(Clone, PartialEq, prost::Message)]
#[prost(skip_debug)]
#[non_exhaustive]
pub struct WebSocketResponseMessage {
    /// The id of the request this answers.
    #[prost(uint64, optional, tag = "1")]
    pub id: Option<u64>,
    /// The HTTP status.
    #[prost(uint32, optional, tag = "2")]
    pub status: Option<u32>,
    /// The reason phrase (`OK`).
    #[prost(string, optional, tag = "3")]
    pub message: Option<String>,
    /// Headers as `name:value` strings.
    #[prost(string, repeated, tag = "5")]
    pub headers: Vec<String>,
    /// The body.
    #[prost(bytes = "bytes", optional, tag = "4")]
    pub body: Option<Bytes>,
}

/// `WebSocketMessage`: the envelope of every binary frame.
#[derive(Clone, PartialEq, prost::Message)]
#[prost(skip_debug)]
#[non_exhaustive]
pub struct WebSocketMessage {
    /// The type (`UNKNOWN` 0, `REQUEST` 1, `RESPONSE` 2); see [`WebSocketMessage::kind`].
    #[prost(int32, optional, tag = "1")]
    pub r#type: Option<i32>,
    /// The request, for `REQUEST`.
    #[prost(message, optional, tag = "2")]
    pub request: Option<WebSocketRequestMessage>,
    /// The response, for `RESPONSE`.
    #[prost(message, optional, tag = "3")]
    pub response: Option<WebSocketResponseMessage>,
}

/// `WebSocketMessage.Type`, keeping values this crate does not know.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum FrameType {
    /// 0.
    Unknown,
    /// 1.
    Request,
    /// 2.
    Response,
    /// Any other value.
    Other(i32),
}

impl From<i32> for FrameType {
    fn from(value: i32) -> Self {
        match value {
            0 => Self::Unknown,
            1 => Self::Request,
            2 => Self::Response,
            other => Self::Other(other),
        }
    }
}

impl From<FrameType> for i32 {
    fn from(value: FrameType) -> Self {
        match value {
            FrameType::Unknown => 0,
            FrameType::Request => 1,
            FrameType::Response => 2,
            FrameType::Other(other) => other,
        }
    }
}

impl WebSocketRequestMessage {
    /// A request `verb path` with id `id`, no headers and no body.
    pub fn new(verb: impl Into<String>, path: impl Into<String>, id: u64) -> Self {
        Self {
            verb: Some(verb.into()),
            path: Some(path.into()),
            body: None,
            headers: Vec::new(),
            id: Some(id),
        }
    }
}

impl WebSocketResponseMessage {
    /// A response to request `id` with `status`, no headers and no body.
    pub fn new(id: u64, status: u16, message: impl Into<String>) -> Self {
        Self {
            id: Some(id),
            status: Some(u32::from(status)),
            message: Some(message.into()),
            headers: Vec::new(),
            body: None,
        }
    }
}

impl WebSocketMessage {
    /// A `REQUEST` frame.
    pub fn request(request: WebSocketRequestMessage) -> Self {
        Self {
            r#type: Some(FrameType::Request.into()),
            request: Some(request),
            response: None,
        }
    }

    /// A `RESPONSE` frame.
    pub fn response(response: WebSocketResponseMessage) -> Self {
        Self {
            r#type: Some(FrameType::Response.into()),
            request: None,
            response: Some(response),
        }
    }

    /// The frame type (absent is `UNKNOWN`, as proto2's default).
    pub fn kind(&self) -> FrameType {
        FrameType::from(self.r#type.unwrap_or(0))
    }
}

/// Header names only: values may be secrets.
fn header_names(headers: &[String]) -> Vec<&str> {
    headers
        .iter()
        .map(|h| h.split_once(':').map_or(h.as_str(), |(name, _)| name))
        .collect()
}

impl fmt::Debug for WebSocketRequestMessage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("WebSocketRequestMessage")
            .field("id", &self.id)
            .field("verb", &self.verb)
            .field("path", &self.path)
            .field("headers", &header_names(&self.headers))
            .field("body_len", &self.body.as_ref().map(Bytes::len))
            .finish()
    }
}

impl fmt::Debug for WebSocketResponseMessage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("WebSocketResponseMessage")
            .field("id", &self.id)
            .field("status", &self.status)
            .field("message", &self.message)
            .field("headers", &header_names(&self.headers))
            .field("body_len", &self.body.as_ref().map(Bytes::len))
            .finish()
    }
}

impl fmt::Debug for WebSocketMessage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("WebSocketMessage")
            .field("type", &self.kind())
            .field("request", &self.request)
            .field("response", &self.response)
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use prost::Message as _;

    #[test]
    fn wire_bytes_match_the_proto_field_numbers() {
        let mut request = WebSocketRequestMessage::new("GET", "/v1/keepalive", 7);
        request.headers.push("a:b".into());
        let bytes = WebSocketMessage::request(request).encode_to_vec();
        // type=1 (field 1 varint), request (field 2, length-delimited):
        // verb (1), path (2), headers (5), id (4).
        let expected: Vec<u8> = [
            &[0x08, 0x01, 0x12, 0x1b][..],
            &[0x0a, 0x03],
            b"GET",
            &[0x12, 0x0d],
            b"/v1/keepalive",
            &[0x20, 0x07],
            &[0x2a, 0x03],
            b"a:b",
        ]
        .concat();
        assert_eq!(bytes, expected);
        let back = WebSocketMessage::decode(&bytes[..]).unwrap();
        assert_eq!(back.kind(), FrameType::Request);
        assert_eq!(back.request.unwrap().id, Some(7));
    }

    #[test]
    fn response_round_trip_and_unknown_types() {
        let mut response = WebSocketResponseMessage::new(9, 200, "OK");
        response.body = Some(Bytes::from_static(b"{}"));
        let frame = WebSocketMessage::response(response.clone());
        let back = WebSocketMessage::decode(&frame.encode_to_vec()[..]).unwrap();
        assert_eq!(back.response, Some(response));
        let odd = WebSocketMessage {
            r#type: Some(7),
            ..WebSocketMessage::default()
        };
        let back = WebSocketMessage::decode(&odd.encode_to_vec()[..]).unwrap();
        assert_eq!(back.kind(), FrameType::Other(7));
        assert_eq!(WebSocketMessage::default().kind(), FrameType::Unknown);
        assert_eq!(i32::from(FrameType::Other(7)), 7);
    }

    #[test]
    fn debug_hides_header_values_and_bodies() {
        let mut request = WebSocketRequestMessage::new("PUT", "/v1/messages/x", 1);
        request
            .headers
            .push("unidentified-access-key:SECRETKEY==".into());
        request.body = Some(Bytes::from_static(b"secret body"));
        let shown = format!("{:?}", WebSocketMessage::request(request));
        assert!(shown.contains("unidentified-access-key"), "{shown}");
        assert!(!shown.contains("SECRETKEY"), "{shown}");
        assert!(!shown.contains("secret body"), "{shown}");
    }
}

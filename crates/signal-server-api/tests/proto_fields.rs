//! The hand-written prost frames agree with the saved `WebSocketProtocol.proto`: every field
//! of the .proto is encoded with its field number and wire type.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use bytes::Bytes;
use prost::Message as _;
use signal_server_api::ws::{WebSocketMessage, WebSocketRequestMessage, WebSocketResponseMessage};

const PROTO: &str = include_str!("data/WebSocketProtocol.proto");

/// (message, field) → (number, type) from the .proto text.
fn proto_fields() -> Vec<(String, String, u32, String)> {
    let mut out = Vec::new();
    let mut message = String::new();
    for line in PROTO.lines().map(str::trim) {
        if let Some(rest) = line.strip_prefix("message ") {
            message = rest.trim_end_matches('{').trim().to_owned();
        } else if let Some(rest) = line
            .strip_prefix("optional ")
            .or_else(|| line.strip_prefix("repeated "))
        {
            let (decl, number) = rest.trim_end_matches(';').split_once('=').unwrap();
            let mut parts = decl.split_whitespace();
            let ty = parts.next().unwrap().to_owned();
            let name = parts.next().unwrap().to_owned();
            out.push((message.clone(), name, number.trim().parse().unwrap(), ty));
        }
    }
    out
}

/// The first key byte of a message with only this field set.
fn encoded_key(message: &str, field: &str) -> u8 {
    let bytes = match (message, field) {
        ("WebSocketRequestMessage", name) => {
            let mut m = WebSocketRequestMessage::default();
            match name {
                "verb" => m.verb = Some("V".into()),
                "path" => m.path = Some("/".into()),
                "body" => m.body = Some(Bytes::from_static(b"b")),
                "headers" => m.headers = vec!["a:b".into()],
                "id" => m.id = Some(1),
                other => panic!("unknown field {other}"),
            }
            m.encode_to_vec()
        }
        ("WebSocketResponseMessage", name) => {
            let mut m = WebSocketResponseMessage::default();
            match name {
                "id" => m.id = Some(1),
                "status" => m.status = Some(200),
                "message" => m.message = Some("OK".into()),
                "headers" => m.headers = vec!["a:b".into()],
                "body" => m.body = Some(Bytes::from_static(b"b")),
                other => panic!("unknown field {other}"),
            }
            m.encode_to_vec()
        }
        ("WebSocketMessage", name) => {
            let mut m = WebSocketMessage::default();
            match name {
                "type" => m.r#type = Some(1),
                "request" => m.request = Some(WebSocketRequestMessage::default()),
                "response" => m.response = Some(WebSocketResponseMessage::default()),
                other => panic!("unknown field {other}"),
            }
            m.encode_to_vec()
        }
        other => panic!("unknown message {other:?}"),
    };
    bytes[0]
}

#[test]
fn every_proto_field_has_its_number_and_wire_type() {
    let fields = proto_fields();
    assert_eq!(fields.len(), 13, "{fields:?}");
    for (message, name, number, ty) in fields {
        let wire_type = match ty.as_str() {
            "uint64" | "uint32" | "Type" => 0,
            "string" | "bytes" | "WebSocketRequestMessage" | "WebSocketResponseMessage" => 2,
            other => panic!("unexpected type {other}"),
        };
        let key = u8::try_from((number << 3) | wire_type).unwrap();
        assert_eq!(encoded_key(&message, &name), key, "{message}.{name}");
    }
}

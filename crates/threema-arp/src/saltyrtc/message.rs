//! [`Message`]: every SaltyRTC message as a msgpack map (`Protocol.md`, *Client-to-Server
//! Messages*, *Client-to-Client Messages*; `Task-RelayedData.md`, *'data' messages*).
//!
//! Decoding is strict where the protocol text is (a missing or mistyped field, or `nil` where a
//! value is required, is a protocol error) and lenient where it is silent (unknown keys are
//! ignored). A message of an unknown `type` decodes to [`Message::Unknown`], which the state
//! machines reject as unexpected in every state.

use super::close_code::CloseCode;
use super::error::SignalingError;
use super::keys::KEY_LENGTH;
use super::nonce::{COOKIE_LENGTH, Cookie};
use bytes::Bytes;
use rmpv::Value;
use std::collections::BTreeMap;

/// The payload of a `data` message (relayed-data task).
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Payload {
    /// Bytes: a msgpack `bin` (what ARP sends: one chunk), or an array of integers 0–255 (as
    /// some encoders write byte arrays).
    Bytes(Bytes),
    /// Any other msgpack value.
    Other(Value),
}

/// One SaltyRTC message.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Message {
    /// `server-hello`: the server's session public key (unencrypted).
    ServerHello {
        /// The server's session public key.
        key: [u8; KEY_LENGTH],
    },
    /// `client-hello`: a responder's permanent public key (unencrypted).
    ClientHello {
        /// The responder's permanent public key.
        key: [u8; KEY_LENGTH],
    },
    /// `client-auth`: the client authenticates towards the server.
    ClientAuth {
        /// The server's cookie.
        your_cookie: Cookie,
        /// The subprotocols offered to the WebSocket implementation.
        subprotocols: Vec<String>,
        /// The WebSocket ping interval the server should use, in seconds (0: no pings).
        ping_interval: u32,
        /// The server permanent public key the client expects.
        your_key: Option<[u8; KEY_LENGTH]>,
    },
    /// `server-auth`: the server authenticates towards the client.
    ServerAuth {
        /// The client's cookie.
        your_cookie: Cookie,
        /// `box(server session key ‖ client permanent key)` with the server's permanent key.
        signed_keys: Option<Vec<u8>>,
        /// The responders on the path (towards an initiator).
        responders: Option<Vec<u8>>,
        /// Whether an initiator is on the path (towards a responder).
        initiator_connected: Option<bool>,
    },
    /// `new-initiator`: a new initiator authenticated (towards responders).
    NewInitiator,
    /// `new-responder`: a new responder authenticated (towards the initiator).
    NewResponder {
        /// The responder's address.
        id: u8,
    },
    /// `drop-responder`: the initiator asks the server to drop a responder.
    DropResponder {
        /// The responder's address.
        id: u8,
        /// The close code for the responder's connection (3004 when absent).
        reason: Option<CloseCode>,
    },
    /// `send-error`: the server could not relay a message.
    SendError {
        /// Source, destination and combined sequence number of the message (8 bytes).
        id: [u8; 8],
    },
    /// `disconnected`: the other client left the path.
    Disconnected {
        /// The address of the client that left.
        id: u8,
    },
    /// `token`: the responder's permanent key, encrypted with the auth token.
    Token {
        /// The responder's permanent public key.
        key: [u8; KEY_LENGTH],
    },
    /// `key`: a client's session public key.
    Key {
        /// The session public key.
        key: [u8; KEY_LENGTH],
    },
    /// `auth`: the last handshake message of each client.
    Auth {
        /// The other client's cookie.
        your_cookie: Cookie,
        /// The offered tasks (towards the initiator).
        tasks: Option<Vec<String>>,
        /// The chosen task (towards the responder).
        task: Option<String>,
        /// Task data, by task name (`nil` for the relayed-data task).
        data: BTreeMap<String, Value>,
    },
    /// `application`: user data outside the task (not used by ARP).
    Application {
        /// The data.
        data: Value,
    },
    /// `close`: the other client ends the connection.
    Close {
        /// Why.
        reason: CloseCode,
    },
    /// `data`: a payload of the relayed-data task.
    Data {
        /// The payload.
        p: Payload,
    },
    /// A message of a type this crate does not know.
    Unknown {
        /// The `type`.
        message_type: String,
    },
}

impl Message {
    /// The `type` on the wire.
    pub fn message_type(&self) -> &str {
        match self {
            Self::ServerHello { .. } => "server-hello",
            Self::ClientHello { .. } => "client-hello",
            Self::ClientAuth { .. } => "client-auth",
            Self::ServerAuth { .. } => "server-auth",
            Self::NewInitiator => "new-initiator",
            Self::NewResponder { .. } => "new-responder",
            Self::DropResponder { .. } => "drop-responder",
            Self::SendError { .. } => "send-error",
            Self::Disconnected { .. } => "disconnected",
            Self::Token { .. } => "token",
            Self::Key { .. } => "key",
            Self::Auth { .. } => "auth",
            Self::Application { .. } => "application",
            Self::Close { .. } => "close",
            Self::Data { .. } => "data",
            Self::Unknown { message_type } => message_type,
        }
    }

    /// Encodes the message as a msgpack map, appended to `out`.
    pub fn encode_into(&self, out: &mut Vec<u8>) -> Result<(), SignalingError> {
        if let Self::Data {
            p: Payload::Bytes(bytes),
        } = self
        {
            // The hot path of bulk transfers: no intermediate value.
            return encode_data(bytes, out);
        }
        let mut entries = vec![entry("type", Value::from(self.message_type()))];
        match self {
            Self::ServerHello { key }
            | Self::ClientHello { key }
            | Self::Token { key }
            | Self::Key { key } => entries.push(entry("key", bin(key))),
            Self::ClientAuth {
                your_cookie,
                subprotocols,
                ping_interval,
                your_key,
            } => {
                entries.push(entry("your_cookie", bin(&your_cookie.0)));
                entries.push(entry(
                    "subprotocols",
                    Value::Array(
                        subprotocols
                            .iter()
                            .map(|s| Value::from(s.as_str()))
                            .collect(),
                    ),
                ));
                entries.push(entry("ping_interval", Value::from(*ping_interval)));
                if let Some(key) = your_key {
                    entries.push(entry("your_key", bin(key)));
                }
            }
            Self::ServerAuth {
                your_cookie,
                signed_keys,
                responders,
                initiator_connected,
            } => {
                entries.push(entry("your_cookie", bin(&your_cookie.0)));
                if let Some(signed) = signed_keys {
                    entries.push(entry("signed_keys", bin(signed)));
                }
                if let Some(responders) = responders {
                    entries.push(entry(
                        "responders",
                        Value::Array(responders.iter().map(|&id| Value::from(id)).collect()),
                    ));
                }
                if let Some(connected) = initiator_connected {
                    entries.push(entry("initiator_connected", Value::from(*connected)));
                }
            }
            Self::NewInitiator | Self::Unknown { .. } => {}
            Self::NewResponder { id } | Self::Disconnected { id } => {
                entries.push(entry("id", Value::from(*id)));
            }
            Self::DropResponder { id, reason } => {
                entries.push(entry("id", Value::from(*id)));
                if let Some(reason) = reason {
                    entries.push(entry("reason", Value::from(reason.code())));
                }
            }
            Self::SendError { id } => entries.push(entry("id", bin(id))),
            Self::Auth {
                your_cookie,
                tasks,
                task,
                data,
            } => {
                entries.push(entry("your_cookie", bin(&your_cookie.0)));
                if let Some(tasks) = tasks {
                    entries.push(entry(
                        "tasks",
                        Value::Array(tasks.iter().map(|s| Value::from(s.as_str())).collect()),
                    ));
                }
                if let Some(task) = task {
                    entries.push(entry("task", Value::from(task.as_str())));
                }
                entries.push(entry(
                    "data",
                    Value::Map(
                        data.iter()
                            .map(|(k, v)| (Value::from(k.as_str()), v.clone()))
                            .collect(),
                    ),
                ));
            }
            Self::Application { data } => entries.push(entry("data", data.clone())),
            Self::Close { reason } => entries.push(entry("reason", Value::from(reason.code()))),
            Self::Data { p } => entries.push(entry(
                "p",
                match p {
                    Payload::Bytes(bytes) => bin(bytes),
                    Payload::Other(value) => value.clone(),
                },
            )),
        }
        rmpv::encode::write_value(out, &Value::Map(entries)).map_err(|e| SignalingError::Encode {
            message: self.message_type().to_owned(),
            reason: e.to_string(),
        })
    }

    /// Encodes the message as a msgpack map.
    pub fn encode(&self) -> Result<Vec<u8>, SignalingError> {
        let mut out = Vec::new();
        self.encode_into(&mut out)?;
        Ok(out)
    }

    /// Decodes a msgpack map.
    pub fn decode(bytes: &[u8]) -> Result<Self, SignalingError> {
        let mut reader = bytes;
        let value = rmpv::decode::read_value(&mut reader).map_err(|e| SignalingError::Decode {
            message: "message".into(),
            field: ".".into(),
            reason: format!("not msgpack: {e}"),
        })?;
        if !reader.is_empty() {
            return Err(SignalingError::Decode {
                message: "message".into(),
                field: ".".into(),
                reason: format!("{} bytes after the message", reader.len()),
            });
        }
        let Value::Map(entries) = value else {
            return Err(SignalingError::Decode {
                message: "message".into(),
                field: ".".into(),
                reason: "not a map".into(),
            });
        };
        let mut fields = Fields::new(entries)?;
        let message_type = match fields.take("type") {
            Some(Value::String(s)) => s
                .into_str()
                .ok_or_else(|| fields.invalid("type", "not UTF-8"))?,
            Some(_) => return Err(fields.invalid("type", "not a string")),
            None => return Err(fields.invalid("type", "missing")),
        };
        fields.message = message_type.clone();
        Ok(match message_type.as_str() {
            "server-hello" => Self::ServerHello {
                key: fields.key("key")?,
            },
            "client-hello" => Self::ClientHello {
                key: fields.key("key")?,
            },
            "client-auth" => Self::ClientAuth {
                your_cookie: fields.cookie("your_cookie")?,
                subprotocols: fields.strings("subprotocols")?,
                ping_interval: fields.integer("ping_interval")?,
                your_key: fields.optional_key("your_key")?,
            },
            "server-auth" => Self::ServerAuth {
                your_cookie: fields.cookie("your_cookie")?,
                signed_keys: match fields.optional("signed_keys")? {
                    Some(value) => Some(fields.bytes_of("signed_keys", value)?),
                    None => None,
                },
                responders: match fields.optional("responders")? {
                    Some(Value::Array(items)) => Some(
                        items
                            .iter()
                            .map(|item| {
                                item.as_u64()
                                    .and_then(|id| u8::try_from(id).ok())
                                    .ok_or_else(|| {
                                        fields.invalid("responders", "not an array of addresses")
                                    })
                            })
                            .collect::<Result<_, _>>()?,
                    ),
                    Some(_) => return Err(fields.invalid("responders", "not an array")),
                    None => None,
                },
                initiator_connected: match fields.optional("initiator_connected")? {
                    Some(Value::Boolean(b)) => Some(b),
                    Some(_) => return Err(fields.invalid("initiator_connected", "not a boolean")),
                    None => None,
                },
            },
            "new-initiator" => Self::NewInitiator,
            "new-responder" => Self::NewResponder {
                id: fields.integer("id")?,
            },
            "drop-responder" => Self::DropResponder {
                id: fields.integer("id")?,
                reason: match fields.optional("reason")? {
                    Some(value) => {
                        Some(CloseCode::from(fields.integer_of::<u16>("reason", &value)?))
                    }
                    None => None,
                },
            },
            "send-error" => Self::SendError {
                id: fields.fixed::<8>("id")?,
            },
            "disconnected" => Self::Disconnected {
                id: fields.integer("id")?,
            },
            "token" => Self::Token {
                key: fields.key("key")?,
            },
            "key" => Self::Key {
                key: fields.key("key")?,
            },
            "auth" => Self::Auth {
                your_cookie: fields.cookie("your_cookie")?,
                tasks: match fields.optional("tasks")? {
                    Some(value) => Some(fields.strings_of("tasks", value)?),
                    None => None,
                },
                task: match fields.optional("task")? {
                    Some(Value::String(s)) => Some(
                        s.into_str()
                            .ok_or_else(|| fields.invalid("task", "not UTF-8"))?,
                    ),
                    Some(_) => return Err(fields.invalid("task", "not a string")),
                    None => None,
                },
                data: match fields.take("data") {
                    Some(Value::Map(entries)) => entries
                        .into_iter()
                        .map(|(k, v)| match k {
                            Value::String(s) => s
                                .into_str()
                                .map(|k| (k, v))
                                .ok_or_else(|| fields.invalid("data", "a key is not UTF-8")),
                            _ => Err(fields.invalid("data", "a key is not a string")),
                        })
                        .collect::<Result<_, _>>()?,
                    Some(_) => return Err(fields.invalid("data", "not a map")),
                    None => return Err(fields.invalid("data", "missing")),
                },
            },
            "application" => Self::Application {
                data: fields
                    .take("data")
                    .ok_or_else(|| fields.invalid("data", "missing"))?,
            },
            "close" => Self::Close {
                reason: CloseCode::from(fields.integer::<u16>("reason")?),
            },
            "data" => Self::Data {
                p: match fields.take("p") {
                    Some(Value::Binary(bytes)) => Payload::Bytes(Bytes::from(bytes)),
                    Some(Value::Array(items))
                        if items.iter().all(|i| i.as_u64().is_some_and(|b| b <= 255)) =>
                    {
                        Payload::Bytes(
                            items
                                .iter()
                                .filter_map(|i| i.as_u64().and_then(|b| u8::try_from(b).ok()))
                                .collect::<Vec<u8>>()
                                .into(),
                        )
                    }
                    Some(other) => Payload::Other(other),
                    None => return Err(fields.invalid("p", "missing")),
                },
            },
            _ => Self::Unknown { message_type },
        })
    }
}

fn entry(key: &str, value: Value) -> (Value, Value) {
    (Value::from(key), value)
}

fn bin(bytes: &[u8]) -> Value {
    Value::Binary(bytes.to_vec())
}

/// `{"type": "data", "p": <bin>}` written directly.
pub(crate) fn encode_data(payload: &[u8], out: &mut Vec<u8>) -> Result<(), SignalingError> {
    let error = |e: &dyn std::fmt::Display| SignalingError::Encode {
        message: "data".into(),
        reason: e.to_string(),
    };
    let len = u32::try_from(payload.len()).map_err(|e| error(&e))?;
    rmp::encode::write_map_len(out, 2).map_err(|e| error(&e))?;
    rmp::encode::write_str(out, "type").map_err(|e| error(&e))?;
    rmp::encode::write_str(out, "data").map_err(|e| error(&e))?;
    rmp::encode::write_str(out, "p").map_err(|e| error(&e))?;
    rmp::encode::write_bin_len(out, len).map_err(|e| error(&e))?;
    out.extend_from_slice(payload);
    Ok(())
}

/// The fields of a message map, taken one by one.
struct Fields {
    message: String,
    entries: BTreeMap<String, Value>,
}

impl Fields {
    fn new(entries: Vec<(Value, Value)>) -> Result<Self, SignalingError> {
        let mut map = BTreeMap::new();
        for (key, value) in entries {
            // Non-string keys are not part of any message; ignore them like unknown keys.
            if let Value::String(key) = key
                && let Some(key) = key.into_str()
            {
                map.insert(key, value);
            }
        }
        Ok(Self {
            message: "message".into(),
            entries: map,
        })
    }

    fn invalid(&self, field: &str, reason: &str) -> SignalingError {
        SignalingError::Decode {
            message: self.message.clone(),
            field: field.to_owned(),
            reason: reason.to_owned(),
        }
    }

    fn take(&mut self, field: &str) -> Option<Value> {
        self.entries.remove(field)
    }

    fn required(&mut self, field: &str) -> Result<Value, SignalingError> {
        match self.take(field) {
            None => Err(self.invalid(field, "missing")),
            Some(Value::Nil) => Err(self.invalid(field, "nil")),
            Some(value) => Ok(value),
        }
    }

    /// An optional field: absent is `None`, `nil` is an error (field values SHALL NOT be nil).
    fn optional(&mut self, field: &str) -> Result<Option<Value>, SignalingError> {
        match self.take(field) {
            None => Ok(None),
            Some(Value::Nil) => Err(self.invalid(field, "nil")),
            Some(value) => Ok(Some(value)),
        }
    }

    fn bytes_of(&self, field: &str, value: Value) -> Result<Vec<u8>, SignalingError> {
        match value {
            Value::Binary(bytes) => Ok(bytes),
            _ => Err(self.invalid(field, "not binary")),
        }
    }

    fn fixed<const N: usize>(&mut self, field: &str) -> Result<[u8; N], SignalingError> {
        let value = self.required(field)?;
        let bytes = self.bytes_of(field, value)?;
        <[u8; N]>::try_from(bytes.as_slice())
            .map_err(|_| self.invalid(field, &format!("{} bytes, expected {N}", bytes.len())))
    }

    fn key(&mut self, field: &str) -> Result<[u8; KEY_LENGTH], SignalingError> {
        self.fixed::<KEY_LENGTH>(field)
    }

    fn optional_key(&mut self, field: &str) -> Result<Option<[u8; KEY_LENGTH]>, SignalingError> {
        match self.optional(field)? {
            None => Ok(None),
            Some(value) => {
                let bytes = self.bytes_of(field, value)?;
                <[u8; KEY_LENGTH]>::try_from(bytes.as_slice())
                    .map(Some)
                    .map_err(|_| self.invalid(field, "not 32 bytes"))
            }
        }
    }

    fn cookie(&mut self, field: &str) -> Result<Cookie, SignalingError> {
        self.fixed::<COOKIE_LENGTH>(field).map(Cookie)
    }

    fn integer_of<T: TryFrom<u64>>(&self, field: &str, value: &Value) -> Result<T, SignalingError> {
        value
            .as_u64()
            .and_then(|n| T::try_from(n).ok())
            .ok_or_else(|| self.invalid(field, "not an integer in range"))
    }

    fn integer<T: TryFrom<u64>>(&mut self, field: &str) -> Result<T, SignalingError> {
        let value = self.required(field)?;
        self.integer_of(field, &value)
    }

    fn strings_of(&self, field: &str, value: Value) -> Result<Vec<String>, SignalingError> {
        match value {
            Value::Array(items) => items
                .into_iter()
                .map(|item| match item {
                    Value::String(s) => s
                        .into_str()
                        .ok_or_else(|| self.invalid(field, "an element is not UTF-8")),
                    _ => Err(self.invalid(field, "an element is not a string")),
                })
                .collect(),
            _ => Err(self.invalid(field, "not an array")),
        }
    }

    fn strings(&mut self, field: &str) -> Result<Vec<String>, SignalingError> {
        let value = self.required(field)?;
        self.strings_of(field, value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(message: Message) -> Value {
        let bytes = message.encode().unwrap();
        assert_eq!(Message::decode(&bytes).unwrap(), message);
        let value = rmpv::decode::read_value(&mut bytes.as_slice()).unwrap();
        crate::testutil::assert_string_keys(&value);
        value
    }

    fn map(entries: Vec<(&str, Value)>) -> Vec<u8> {
        let value = Value::Map(
            entries
                .into_iter()
                .map(|(k, v)| (Value::from(k), v))
                .collect(),
        );
        let mut out = Vec::new();
        rmpv::encode::write_value(&mut out, &value).unwrap();
        out
    }

    #[test]
    fn every_message_round_trips() {
        let cookie = Cookie([7; 16]);
        let messages = vec![
            Message::ServerHello { key: [1; 32] },
            Message::ClientHello { key: [2; 32] },
            Message::ClientAuth {
                your_cookie: cookie,
                subprotocols: vec!["v1.saltyrtc.org".into()],
                ping_interval: 30,
                your_key: Some([3; 32]),
            },
            Message::ServerAuth {
                your_cookie: cookie,
                signed_keys: Some(vec![4; 80]),
                responders: Some(vec![2, 3]),
                initiator_connected: None,
            },
            Message::NewInitiator,
            Message::NewResponder { id: 4 },
            Message::DropResponder {
                id: 2,
                reason: Some(CloseCode::InitiatorCouldNotDecrypt),
            },
            Message::SendError {
                id: [1, 2, 0, 0, 0, 0, 0, 15],
            },
            Message::Disconnected { id: 2 },
            Message::Token { key: [5; 32] },
            Message::Key { key: [6; 32] },
            Message::Auth {
                your_cookie: cookie,
                tasks: Some(vec!["v0.relayed-data.tasks.saltyrtc.org".into()]),
                task: None,
                data: BTreeMap::from([("v0.relayed-data.tasks.saltyrtc.org".into(), Value::Nil)]),
            },
            Message::Application {
                data: Value::from("x"),
            },
            Message::Close {
                reason: CloseCode::GoingAway,
            },
            Message::Data {
                p: Payload::Bytes(Bytes::from_static(b"chunk")),
            },
            Message::Data {
                p: Payload::Other(Value::from(42)),
            },
        ];
        for message in messages {
            round_trip(message);
        }
    }

    #[test]
    fn binary_fields_are_bin_and_the_type_comes_first() {
        let value = round_trip(Message::Key { key: [6; 32] });
        let Value::Map(entries) = value else { panic!() };
        assert_eq!(entries[0], (Value::from("type"), Value::from("key")));
        assert!(matches!(entries[1].1, Value::Binary(ref b) if b.len() == 32));
        // The data fast path writes the same bytes as the generic encoder would.
        let fast = Message::Data {
            p: Payload::Bytes(Bytes::from_static(b"abc")),
        }
        .encode()
        .unwrap();
        assert_eq!(
            fast,
            map(vec![
                ("type", "data".into()),
                ("p", Value::Binary(b"abc".to_vec()))
            ])
        );
    }

    #[test]
    fn byte_arrays_are_accepted_as_data() {
        let bytes = map(vec![
            ("type", "data".into()),
            ("p", Value::Array(vec![1.into(), 2.into(), 255.into()])),
            ("extra", "ignored".into()),
        ]);
        assert_eq!(
            Message::decode(&bytes).unwrap(),
            Message::Data {
                p: Payload::Bytes(Bytes::from_static(&[1, 2, 255]))
            }
        );
    }

    #[test]
    fn strict_where_the_protocol_is() {
        let cases: Vec<(Vec<u8>, &str)> = vec![
            (
                map(vec![("key", Value::Binary(vec![0; 32]))]),
                "`type`: missing",
            ),
            (map(vec![("type", 5.into())]), "`type`: not a string"),
            (map(vec![("type", "key".into())]), "`key`: missing"),
            (
                map(vec![
                    ("type", "key".into()),
                    ("key", Value::Binary(vec![0; 31])),
                ]),
                "`key`: 31 bytes, expected 32",
            ),
            (
                map(vec![("type", "key".into()), ("key", Value::Nil)]),
                "`key`: nil",
            ),
            (
                map(vec![
                    ("type", "server-auth".into()),
                    ("your_cookie", Value::Binary(vec![0; 16])),
                    ("responders", Value::Nil),
                ]),
                "`responders`: nil",
            ),
            (
                map(vec![
                    ("type", "server-auth".into()),
                    ("your_cookie", Value::Binary(vec![0; 16])),
                    ("responders", Value::Array(vec![256.into()])),
                ]),
                "`responders`: not an array of addresses",
            ),
            (
                map(vec![
                    ("type", "auth".into()),
                    ("your_cookie", Value::Binary(vec![0; 16])),
                ]),
                "`data`: missing",
            ),
            (map(vec![("type", "data".into())]), "`p`: missing"),
            (vec![0x93, 1, 2, 3], "not a map"),
            (vec![0x92, 0x01], "not msgpack"),
        ];
        for (bytes, expected) in cases {
            let error = Message::decode(&bytes).unwrap_err().to_string();
            assert!(
                error.contains(expected),
                "{error} should contain {expected}"
            );
        }
        assert_eq!(
            Message::decode(&map(vec![("type", "hologram".into())])).unwrap(),
            Message::Unknown {
                message_type: "hologram".into()
            }
        );
    }
}

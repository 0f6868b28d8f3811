//! The sans-IO frame codec: text frames in, typed frames out, and back.
//!
//! Every frame is one JSON object in one WebSocket text frame:
//!
//! | frame | shape |
//! |---|---|
//! | request (either side) | `{"type":1,"id":N,"method":"…","payload":…}` |
//! | response | `{"type":2,"id":N,"payload":…}` (object, **array** for `getChats`, `{}`) |
//! | error response | `{"type":2,"id":N,"payload":{"errorCode":304,"errorDescription"?:"…"}}` |
//! | acknowledgement | `{"type":2,"id":M}` |
//!
//! On the client, a `type:1` frame is always a server notification (its id comes from the
//! server's own counter, independent of the client's request ids) and a `type:2` frame always
//! answers a client request. `errorCode: 0` means success.
//!
//! The client side is [`encode_request`], [`encode_ack`], [`decode`] and [`decode_payload`].
//! The server side ([`decode_client_frame`], [`encode_response`], [`encode_error`],
//! [`encode_notification`]) is what a fake server needs. Nothing here does I/O or reads a
//! clock; [`decode`] never panics on any input (it is fuzzed).

use crate::api::Method;
use crate::api::notifications::{MalformedNotification, Notification};
use crate::error::{ApiError, Error, Result};
use crate::model::ErrorCode;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The default WebSocket path (the form TrueConf's own client and docs use; the Python client
/// omits the trailing slash, which servers also accept).
pub const DEFAULT_PATH: &str = "/websocket/chat_bot/";

/// The WebSocket subprotocol the server offers (`Sec-WebSocket-Protocol`); optional, the
/// server assumes it when absent.
pub const SUBPROTOCOL: &str = "json.v1";

/// MESSAGE_TYPE.REQUEST.
const REQUEST: u32 = 1;
/// MESSAGE_TYPE.RESPONSE.
const RESPONSE: u32 = 2;

/// A decoded inbound frame (client side).
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Inbound {
    /// The answer to one of our requests (`type: 2`).
    Response(Response),
    /// A server notification (`type: 1`); acknowledge it with [`encode_ack`]`(frame.id)`.
    Notification(NotificationFrame),
    /// A frame with a `type` other than 1 or 2, kept raw.
    Other {
        /// The frame `type`.
        kind: u32,
        /// The frame `id`.
        id: u32,
        /// The whole frame.
        raw: Value,
    },
}

/// The answer to a request: the request id and either the payload or the server's error.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Response {
    /// The id of the request this answers.
    pub id: u32,
    /// The payload as sent (`{}` when the frame has none), or the error when `errorCode ≠ 0`.
    /// [`Response::decode`] reads a `null` payload as `{}`.
    pub result: std::result::Result<Value, ApiError>,
}

impl Response {
    /// Decodes the payload into `M::Response`; an API error becomes [`Error::Api`] naming
    /// `M::NAME`.
    ///
    /// # Errors
    ///
    /// [`Error::Api`], or [`Error::Transport`] with the JSON path of a payload that does not
    /// fit.
    pub fn decode<M: Method>(self) -> Result<M::Response> {
        let payload = self.result.map_err(|e| e.into_error(M::NAME))?;
        decode_ok_payload::<M>(payload)
    }
}

/// A server notification with the id to acknowledge.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct NotificationFrame {
    /// The server's id for this notification; acknowledge it.
    pub id: u32,
    /// The `method` exactly as sent.
    pub method: String,
    /// The typed notification ([`Notification::Unknown`] for unknown methods), or the payload
    /// that did not decode with the reason — surfaced, never dropped.
    pub notification: std::result::Result<Notification, MalformedNotification>,
}

#[derive(Deserialize)]
struct WireFrame {
    #[serde(rename = "type")]
    kind: u32,
    id: u32,
    #[serde(default)]
    method: Option<String>,
    /// A missing payload reads as `{}`; an explicit `null` is kept.
    #[serde(default = "empty_object")]
    payload: Value,
}

#[derive(Serialize)]
struct OutFrame<'a, P: Serialize + ?Sized> {
    #[serde(rename = "type")]
    kind: u32,
    id: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    method: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    payload: Option<&'a P>,
}

/// Decodes one inbound text frame.
///
/// ```
/// use trueconf_chatbot::codec::{self, Inbound};
///
/// let frame = codec::decode(r#"{"type":2,"id":5,"payload":{"errorCode":304}}"#).unwrap();
/// let Inbound::Response(response) = frame else { unreachable!() };
/// assert_eq!(response.id, 5);
/// assert_eq!(response.result.unwrap_err().code.code(), 304);
/// ```
///
/// # Errors
///
/// [`Error::Transport`] ([`transport_core::Error::Decode`], with the JSON path) when the frame
/// is not JSON, not an object, lacks a numeric `type` or `id`, or is a `type: 1` frame without
/// a `method`. A notification whose *payload* does not decode is not an error: it is returned
/// with its id so it can still be acknowledged.
pub fn decode(text: &str) -> Result<Inbound> {
    let frame: WireFrame = transport_core::json::from_slice("inbound frame", text.as_bytes())?;
    match frame.kind {
        RESPONSE => Ok(Inbound::Response(Response {
            id: frame.id,
            result: split_error(frame.payload),
        })),
        REQUEST => {
            let Some(method) = frame.method else {
                return Err(transport_core::Error::decode(
                    "inbound frame",
                    "method",
                    "a type 1 frame (notification) needs a `method`",
                    text.as_bytes(),
                )
                .into());
            };
            let notification = Notification::decode(&method, frame.payload);
            Ok(Inbound::Notification(NotificationFrame {
                id: frame.id,
                method,
                notification,
            }))
        }
        kind => {
            let raw = serde_json::from_str(text).unwrap_or(Value::Null);
            Ok(Inbound::Other {
                kind,
                id: frame.id,
                raw,
            })
        }
    }
}

fn empty_object() -> Value {
    Value::Object(serde_json::Map::new())
}

/// The API error in a response payload: an object whose `errorCode` is a non-zero number (or
/// numeric string). `errorCode: 0` and payloads without one are successes.
pub fn api_error(payload: &Value) -> Option<ApiError> {
    let object = payload.as_object()?;
    let code = match object.get("errorCode")? {
        Value::Number(n) => n.as_u64()?,
        Value::String(s) => s.trim().parse::<u64>().ok()?,
        _ => return None,
    };
    if code == 0 {
        return None;
    }
    let code = ErrorCode::from(u32::try_from(code).unwrap_or(u32::MAX));
    let description = object
        .get("errorDescription")
        .and_then(Value::as_str)
        .map(str::to_owned);
    Some(ApiError::new(code, description))
}

fn split_error(payload: Value) -> std::result::Result<Value, ApiError> {
    match api_error(&payload) {
        Some(error) => Err(error),
        None => Ok(payload),
    }
}

/// Decodes a response payload for `M`: a non-zero `errorCode` becomes [`Error::Api`], a
/// `null` payload is read as `{}`, anything else is decoded into `M::Response`.
///
/// # Errors
///
/// [`Error::Api`], or [`Error::Transport`] with the JSON path of the first field that does not
/// fit (`"getChats response"` at `[1].chatType`).
pub fn decode_payload<M: Method>(payload: Value) -> Result<M::Response> {
    let payload = split_error(payload).map_err(|e| e.into_error(M::NAME))?;
    decode_ok_payload::<M>(payload)
}

fn decode_ok_payload<M: Method>(payload: Value) -> Result<M::Response> {
    let payload = match payload {
        Value::Null => empty_object(),
        other => other,
    };
    Ok(transport_core::json::from_value(
        &format!("{} response", M::NAME),
        payload,
    )?)
}

/// Encodes a request frame for `request` with id `id`, after [`Method::validate`].
///
/// ```
/// use trueconf_chatbot::api::chats::CreateP2pChat;
/// use trueconf_chatbot::codec;
///
/// let frame = codec::encode_request(1, &CreateP2pChat::new("user@video.example.com".into())).unwrap();
/// assert_eq!(
///     frame,
///     r#"{"type":1,"id":1,"method":"createP2PChat","payload":{"userId":"user@video.example.com"}}"#
/// );
/// ```
///
/// # Errors
///
/// [`Error::Validation`] when the request is invalid (nothing is encoded), or
/// [`Error::Transport`] if serialization fails.
pub fn encode_request<M: Method>(id: u32, request: &M) -> Result<String> {
    PreparedRequest::new(request).map(|prepared| prepared.encode(id))
}

/// Encodes the acknowledgement of notification `id`: `{"type":2,"id":M}`.
pub fn encode_ack(id: u32) -> String {
    format!(r#"{{"type":2,"id":{id}}}"#)
}

fn encode<T: Serialize + ?Sized>(what: &str, frame: &T) -> Result<String> {
    serde_json::to_string(frame)
        .map_err(|e| transport_core::Error::invalid_input(what, e.to_string()).into())
}

/// A decoded frame from a client (server side).
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum ClientFrame {
    /// A request (`type: 1`).
    Request {
        /// The client's request id.
        id: u32,
        /// The method.
        method: String,
        /// The payload (`{}` when absent).
        payload: Value,
    },
    /// An acknowledgement of a notification (`type: 2`).
    Ack {
        /// The notification id.
        id: u32,
    },
}

/// Decodes a frame sent by a client (for fake servers).
///
/// # Errors
///
/// [`Error::Transport`] when the frame is not a request or an acknowledgement.
pub fn decode_client_frame(text: &str) -> Result<ClientFrame> {
    let frame: WireFrame = transport_core::json::from_slice("client frame", text.as_bytes())?;
    match (frame.kind, frame.method) {
        (REQUEST, Some(method)) => Ok(ClientFrame::Request {
            id: frame.id,
            method,
            payload: frame.payload,
        }),
        (RESPONSE, _) => Ok(ClientFrame::Ack { id: frame.id }),
        (kind, _) => Err(transport_core::Error::decode(
            "client frame",
            "type",
            format!("expected a request with a method or an acknowledgement, got type {kind}"),
            text.as_bytes(),
        )
        .into()),
    }
}

/// Encodes a successful response with `payload` (server side).
///
/// # Errors
///
/// [`Error::Transport`] if serialization fails.
pub fn encode_response<T: Serialize + ?Sized>(id: u32, payload: &T) -> Result<String> {
    encode(
        "response",
        &OutFrame {
            kind: RESPONSE,
            id,
            method: None,
            payload: Some(payload),
        },
    )
}

/// Encodes an error response (server side).
pub fn encode_error(id: u32, code: ErrorCode, description: Option<&str>) -> String {
    let mut payload = serde_json::Map::new();
    payload.insert("errorCode".into(), Value::from(code.code()));
    if let Some(description) = description {
        payload.insert("errorDescription".into(), Value::from(description));
    }
    let frame = serde_json::json!({"type": RESPONSE, "id": id, "payload": payload});
    frame.to_string()
}

/// Encodes a notification frame (server side).
///
/// # Errors
///
/// [`Error::Transport`] if serialization fails.
pub fn encode_notification(id: u32, notification: &Notification) -> Result<String> {
    let payload = notification
        .to_payload()
        .map_err(|e| transport_core::Error::invalid_input("notification", e.to_string()))?;
    encode(
        "notification",
        &OutFrame {
            kind: REQUEST,
            id,
            method: Some(notification.method()),
            payload: Some(&payload),
        },
    )
}

/// A request validated and serialized, waiting for its request id: what the client queues
/// (the id is chosen when the frame is written, see [`PreparedRequest::encode`]).
///
/// `Debug` shows the method and the payload's length, never the payload (an `auth` payload
/// holds the token).
///
/// ```
/// use trueconf_chatbot::api::chats::GetChats;
/// use trueconf_chatbot::codec::PreparedRequest;
///
/// let prepared = PreparedRequest::new(&GetChats::new(10, 1))?;
/// assert_eq!(prepared.method(), "getChats");
/// assert_eq!(
///     prepared.encode(4),
///     r#"{"type":1,"id":4,"method":"getChats","payload":{"count":10,"page":1}}"#
/// );
/// # Ok::<(), trueconf_chatbot::Error>(())
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct PreparedRequest {
    method: &'static str,
    payload: String,
}

impl PreparedRequest {
    /// Validates `request` ([`Method::validate`]) and serializes its payload.
    ///
    /// # Errors
    ///
    /// [`Error::Validation`] when the request is invalid, [`Error::Transport`] if serialization
    /// fails.
    pub fn new<M: Method>(request: &M) -> Result<Self> {
        request.validate().map_err(|source| Error::Validation {
            method: M::NAME.to_owned(),
            source,
        })?;
        let payload = serde_json::to_string(request).map_err(|e| {
            transport_core::Error::invalid_input(format!("{} request", M::NAME), e.to_string())
        })?;
        Ok(Self {
            method: M::NAME,
            payload,
        })
    }

    /// The wire method.
    pub fn method(&self) -> &'static str {
        self.method
    }

    /// The request frame with request id `id`:
    /// `{"type":1,"id":N,"method":"…","payload":…}`.
    pub fn encode(&self, id: u32) -> String {
        use std::fmt::Write;
        let mut frame = String::with_capacity(self.payload.len() + self.method.len() + 48);
        // Writing into a String cannot fail; method names are plain identifiers (no escaping).
        let _ = write!(
            frame,
            r#"{{"type":{REQUEST},"id":{id},"method":"{}","payload":{}}}"#,
            self.method, self.payload
        );
        frame
    }
}

impl std::fmt::Debug for PreparedRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PreparedRequest")
            .field("method", &self.method)
            .field("payload_len", &self.payload.len())
            .finish()
    }
}

/// An inbound frame as the client reads it: responses keep their payload as JSON text until
/// the caller decodes it for the method it sent (one pass, no intermediate JSON tree);
/// notifications are decoded at once.
#[derive(Debug)]
#[non_exhaustive]
pub enum Frame {
    /// The answer to one of our requests (`type: 2`).
    Response(ResponseFrame),
    /// A server notification (`type: 1`).
    Notification(NotificationFrame),
    /// A frame with another `type`, kept raw.
    Other {
        /// The frame `type`.
        kind: u32,
        /// The frame `id`.
        id: u32,
    },
}

/// A response whose payload is still JSON text. Decode it with [`ResponseFrame::decode`].
#[derive(Clone)]
pub struct ResponseFrame {
    id: u32,
    payload: Option<Box<serde_json::value::RawValue>>,
}

impl std::fmt::Debug for ResponseFrame {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ResponseFrame")
            .field("id", &self.id)
            .field("payload_len", &self.payload_text().len())
            .finish()
    }
}

#[derive(Deserialize)]
struct LazyWire<'a> {
    #[serde(rename = "type")]
    kind: u32,
    id: u32,
    #[serde(default, borrow)]
    payload: Option<&'a serde_json::value::RawValue>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct ErrorProbe {
    #[serde(default)]
    error_code: Option<Value>,
    #[serde(default)]
    error_description: Option<Value>,
}

impl ResponseFrame {
    /// A response frame for request `id` with `payload` as JSON text (`None`: no payload).
    ///
    /// # Errors
    ///
    /// [`Error::Transport`] when `payload` is not JSON.
    pub fn new(id: u32, payload: Option<&str>) -> Result<Self> {
        let payload = payload
            .map(|text| {
                serde_json::value::RawValue::from_string(text.to_owned()).map_err(|e| {
                    transport_core::Error::decode("response payload", ".", e.to_string(), b"")
                })
            })
            .transpose()?;
        Ok(Self { id, payload })
    }

    /// The id of the request this answers.
    pub fn id(&self) -> u32 {
        self.id
    }

    /// The payload as JSON text (`{}` when the frame had none or `null`).
    pub fn payload_text(&self) -> &str {
        match &self.payload {
            Some(raw) if raw.get() != "null" => raw.get(),
            _ => "{}",
        }
    }

    /// The server's error, when the payload is an object with a non-zero `errorCode`.
    pub fn api_error(&self) -> Option<ApiError> {
        let text = self.payload_text();
        // Cheap pre-check: most payloads carry no error code at all.
        if !text.starts_with('{') || !text.contains("\"errorCode\"") {
            return None;
        }
        let probe: ErrorProbe = serde_json::from_str(text).ok()?;
        let mut object = serde_json::Map::new();
        object.insert("errorCode".into(), probe.error_code?);
        if let Some(description) = probe.error_description {
            object.insert("errorDescription".into(), description);
        }
        api_error(&Value::Object(object))
    }

    /// Decodes the payload into `M::Response`; an API error becomes [`Error::Api`] naming
    /// `M::NAME`.
    ///
    /// # Errors
    ///
    /// [`Error::Api`], or [`Error::Transport`] with the JSON path of a payload that does not
    /// fit.
    pub fn decode<M: Method>(&self) -> Result<M::Response> {
        if let Some(error) = self.api_error() {
            return Err(error.into_error(M::NAME));
        }
        Ok(transport_core::json::from_slice_lazy(
            || format!("{} response", M::NAME),
            self.payload_text().as_bytes(),
        )?)
    }

    /// The same response with its payload parsed into a JSON value (see [`Response`]).
    ///
    /// # Errors
    ///
    /// Not expected (the payload was checked to be JSON when the frame was read); a
    /// [`Error::Transport`] otherwise.
    pub fn to_response(&self) -> Result<Response> {
        let payload: Value =
            transport_core::json::from_slice("response payload", self.payload_text().as_bytes())?;
        Ok(Response {
            id: self.id,
            result: split_error(payload),
        })
    }
}

/// Decodes one inbound text frame the way the client does: a response keeps its payload as
/// text ([`ResponseFrame`]), a notification is decoded like [`decode`] does.
///
/// ```
/// use trueconf_chatbot::api::messages::SendMessage;
/// use trueconf_chatbot::codec::{self, Frame};
///
/// let text = r#"{"type":2,"id":7,"payload":{"chatId":"c1","messageId":"m1","timestamp":1}}"#;
/// let Frame::Response(response) = codec::decode_frame(text)? else { unreachable!() };
/// assert_eq!(response.id(), 7);
/// assert_eq!(response.decode::<SendMessage>()?.message_id, "m1");
/// # Ok::<(), trueconf_chatbot::Error>(())
/// ```
///
/// # Errors
///
/// As [`decode`]: [`Error::Transport`] for frames that are not JSON objects with a numeric
/// `type` and `id` (and a `method` for `type: 1`).
pub fn decode_frame(text: &str) -> Result<Frame> {
    match serde_json::from_str::<LazyWire<'_>>(text) {
        Ok(wire) if wire.kind == RESPONSE => Ok(Frame::Response(ResponseFrame {
            id: wire.id,
            payload: wire.payload.map(serde_json::value::RawValue::to_owned),
        })),
        // Notifications, other types, and errors (reported with their JSON path) take the
        // full decoder.
        _ => match decode(text)? {
            Inbound::Notification(n) => Ok(Frame::Notification(n)),
            Inbound::Response(r) => Ok(Frame::Response(ResponseFrame {
                id: r.id,
                payload: serde_json::value::RawValue::from_string(
                    match r.result {
                        Ok(payload) => payload,
                        Err(error) => serde_json::json!({
                            "errorCode": error.code.code(),
                            "errorDescription": error.description,
                        }),
                    }
                    .to_string(),
                )
                .ok(),
            })),
            Inbound::Other { kind, id, .. } => Ok(Frame::Other { kind, id }),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::chats::{CreateGroupChat, GetChats};
    use crate::api::messages::SendMessage;
    use crate::api::session::Auth;
    use crate::model::{ChatId, TextContent};
    use serde_json::json;
    use transport_core::Secret;

    #[test]
    fn request_frames_have_type_id_method_payload() {
        let frame = encode_request(42, &GetChats::new(10, 1)).unwrap();
        assert_eq!(
            serde_json::from_str::<Value>(&frame).unwrap(),
            json!({"type": 1, "id": 42, "method": "getChats", "payload": {"count": 10, "page": 1}})
        );
    }

    #[test]
    fn invalid_requests_are_not_encoded() {
        let err = encode_request(1, &CreateGroupChat::new("")).unwrap_err();
        assert!(
            matches!(&err, Error::Validation { method, .. } if method == "createGroupChat"),
            "{err:?}"
        );
        let err = encode_request(1, &GetChats::new(10, 0)).unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid `getChats` request: `page` must be at least 1, got 0"
        );
    }

    #[test]
    fn auth_frame_matches_the_official_client_and_debug_hides_the_token() {
        let auth = Auth::new(Secret::new("aaa.bbb.ccc"));
        let frame: Value = serde_json::from_str(&encode_request(1, &auth).unwrap()).unwrap();
        assert_eq!(
            frame,
            json!({"type": 1, "id": 1, "method": "auth", "payload": {
                "token": "aaa.bbb.ccc", "tokenType": "JWT",
                "receiveUnread": false, "receiveSystemMessageEnvelopes": false
            }})
        );
        assert!(!format!("{auth:?}").contains("aaa.bbb.ccc"));
    }

    #[test]
    fn ack_frame() {
        assert_eq!(encode_ack(123456), r#"{"type":2,"id":123456}"#);
        assert_eq!(
            decode_client_frame(&encode_ack(9)).unwrap(),
            ClientFrame::Ack { id: 9 }
        );
    }

    #[test]
    fn responses_may_be_objects_arrays_or_empty() {
        let Inbound::Response(r) = decode(r#"{"type":2,"id":1,"payload":[]}"#).unwrap() else {
            panic!("not a response")
        };
        assert_eq!(r.result, Ok(json!([])));
        assert_eq!(r.decode::<GetChats>().unwrap(), vec![]);

        let Inbound::Response(r) = decode(r#"{"type":2,"id":2,"payload":{}}"#).unwrap() else {
            panic!("not a response")
        };
        assert_eq!(r.result, Ok(json!({})));

        // No payload at all is read as {}.
        let Inbound::Response(r) = decode(r#"{"type":2,"id":3}"#).unwrap() else {
            panic!("not a response")
        };
        assert_eq!(r.id, 3);
        assert_eq!(r.result, Ok(json!({})));
    }

    #[test]
    fn error_code_zero_is_success_and_non_zero_is_an_api_error() {
        let Inbound::Response(ok) =
            decode(r#"{"type":2,"id":4,"payload":{"errorCode":0,"chatId":"c"}}"#).unwrap()
        else {
            panic!("not a response")
        };
        let created = ok.decode::<CreateGroupChat>().unwrap();
        assert_eq!(created.chat_id, "c");

        let Inbound::Response(err) = decode(
            r#"{"type":2,"id":5,"payload":{"errorCode":304,"errorDescription":"Chat not found"}}"#,
        )
        .unwrap() else {
            panic!("not a response")
        };
        assert_eq!(err.id, 5);
        assert_eq!(
            err.result,
            Err(ApiError::new(
                ErrorCode::ChatNotFound,
                Some("Chat not found".into())
            ))
        );
        let e = err.decode::<SendMessage>().unwrap_err();
        assert_eq!(
            e.to_string(),
            "`sendMessage` failed with error 304 CHAT_NOT_FOUND: Chat not found"
        );

        // A string code and an unknown code are still errors.
        assert_eq!(
            api_error(&json!({"errorCode": "203"})).map(|e| e.code),
            Some(ErrorCode::CredentialsExpired)
        );
        assert_eq!(
            api_error(&json!({"errorCode": 9999999999u64})).map(|e| e.code),
            Some(ErrorCode::Unknown(u32::MAX))
        );
        assert_eq!(api_error(&json!({"errorCode": null})), None);
        assert_eq!(api_error(&json!([{"errorCode": 5}])), None);
    }

    #[test]
    fn decode_payload_reports_json_paths() {
        let err = decode_payload::<GetChats>(json!([
            {"chatId": "a", "title": "A", "chatType": 1, "unreadMessages": 0, "lastMessage": null},
            {"chatId": "b", "title": "B", "chatType": "group"}
        ]))
        .unwrap_err();
        let shown = err.to_string();
        assert!(shown.contains("getChats response"), "{shown}");
        assert!(shown.contains("`[1].chatType`"), "{shown}");
        let api = decode_payload::<GetChats>(json!({"errorCode": 200})).unwrap_err();
        assert_eq!(api.api_code(), Some(ErrorCode::NotAuthorized));
    }

    #[test]
    fn notifications_carry_their_id_even_when_unknown_or_malformed() {
        let Inbound::Notification(n) =
            decode(r#"{"method":"somethingNew","type":1,"id":77,"payload":{"x":[1,2]}}"#).unwrap()
        else {
            panic!("not a notification")
        };
        assert_eq!(n.id, 77);
        assert_eq!(
            n.notification,
            Ok(Notification::Unknown {
                method: "somethingNew".into(),
                payload: json!({"x": [1, 2]})
            })
        );

        let Inbound::Notification(bad) =
            decode(r#"{"method":"removeChat","type":1,"id":78,"payload":{"chatId":5}}"#).unwrap()
        else {
            panic!("not a notification")
        };
        assert_eq!(bad.id, 78);
        let malformed = bad.notification.unwrap_err();
        assert_eq!(malformed.method, "removeChat");
        assert_eq!(malformed.payload, json!({"chatId": 5}));
        assert_eq!(malformed.path, "chatId");
        assert!(
            malformed
                .to_string()
                .starts_with("cannot decode `removeChat` notification at `chatId`"),
            "{malformed}"
        );
        assert!(matches!(
            malformed.to_error(),
            transport_core::Error::Decode(_)
        ));
        assert_eq!(encode_ack(bad.id), r#"{"type":2,"id":78}"#);
    }

    #[test]
    fn garbage_is_a_typed_error() {
        for text in [
            "",
            "not json",
            "[1,2]",
            "{}",
            r#"{"type":1}"#,
            r#"{"type":"1","id":1}"#,
            r#"{"type":1,"id":-1,"method":"x"}"#,
            r#"{"type":1,"id":1}"#,
            r#"{"type":2,"id":4294967296}"#,
        ] {
            let err = decode(text).unwrap_err();
            assert!(
                matches!(err, Error::Transport(transport_core::Error::Decode(_))),
                "{text}: {err:?}"
            );
        }
        let Inbound::Other { kind, id, raw } = decode(r#"{"type":0,"id":1}"#).unwrap() else {
            panic!("not other")
        };
        assert_eq!((kind, id), (0, 1));
        assert_eq!(raw, json!({"type": 0, "id": 1}));
    }

    /// Deeply nested envelopes (replies of replies, forwards of forwards) up to serde_json's
    /// nesting limit decode without exhausting the stack; deeper input is a typed error.
    #[test]
    fn deep_nesting_is_bounded() {
        fn nested(depth: usize, field: &str) -> String {
            let leaf = r#"{"messageId":"m","timestamp":1,"author":{"id":"u","type":1},"type":200,"content":{"text":"x","parseMode":"text"}"#;
            let mut text = String::new();
            for _ in 0..depth {
                text.push_str(leaf);
                text.push_str(&format!(r#","{field}":"#));
            }
            text.push_str(leaf);
            text.push('}');
            text.push_str(&"}".repeat(depth));
            text
        }
        // Replies: one JSON level per envelope.
        let ok = format!(
            r#"{{"type":1,"id":1,"method":"sendMessage","payload":{}}}"#,
            nested(120, "replyMessage")
        );
        let Inbound::Notification(n) = decode(&ok).unwrap() else {
            panic!("not a notification")
        };
        let mut depth = 0;
        let mut e = n.notification.as_ref().map(|n| match n {
            Notification::Message(e) => e.as_ref(),
            other => panic!("{other:?}"),
        });
        while let Ok(Some(next)) = e.map(|e| e.reply_message.as_deref()) {
            depth += 1;
            e = Ok(next);
        }
        assert_eq!(depth, 120);
        let too_deep = format!(
            r#"{{"type":1,"id":1,"method":"sendMessage","payload":{}}}"#,
            nested(200, "replyMessage")
        );
        assert!(matches!(decode(&too_deep), Err(Error::Transport(_))));
        // Forwards of forwards: the content of a 201 envelope is an envelope.
        let mut forwarded = String::from(
            r#"{"messageId":"m","timestamp":1,"author":{"id":"u","type":1},"type":200,"content":{"text":"x"}}"#,
        );
        for _ in 0..120 {
            forwarded = format!(
                r#"{{"messageId":"m","timestamp":1,"author":{{"id":"u","type":1}},"type":201,"content":{forwarded}}}"#
            );
        }
        let frame = format!(r#"{{"type":1,"id":2,"method":"sendMessage","payload":{forwarded}}}"#);
        let Inbound::Notification(n) = decode(&frame).unwrap() else {
            panic!("not a notification")
        };
        assert!(matches!(n.notification, Ok(Notification::Message(_))));
    }

    #[test]
    fn server_side_round_trip() {
        let request = SendMessage::new(ChatId::new("c"), TextContent::plain("hi"));
        let ClientFrame::Request {
            id,
            method,
            payload,
        } = decode_client_frame(&encode_request(3, &request).unwrap()).unwrap()
        else {
            panic!("not a request")
        };
        assert_eq!((id, method.as_str()), (3, "sendMessage"));
        assert_eq!(
            serde_json::from_value::<SendMessage>(payload).unwrap(),
            request
        );

        let text = encode_response(3, &json!({"chatId": "c"})).unwrap();
        assert_eq!(text, r#"{"type":2,"id":3,"payload":{"chatId":"c"}}"#);
        let error = encode_error(4, ErrorCode::NotAuthorized, Some("auth first"));
        let Inbound::Response(r) = decode(&error).unwrap() else {
            panic!("not a response")
        };
        assert_eq!(
            r.result,
            Err(ApiError::new(
                ErrorCode::NotAuthorized,
                Some("auth first".into())
            ))
        );
        assert!(decode_client_frame(r#"{"type":1,"id":1}"#).is_err());
        assert!(decode_client_frame(r#"{"type":3,"id":1}"#).is_err());

        let notification = Notification::ChatRemoved(crate::api::notifications::ChatRemoved::new(
            ChatId::new("c"),
        ));
        let text = encode_notification(9, &notification).unwrap();
        let Inbound::Notification(n) = decode(&text).unwrap() else {
            panic!("not a notification")
        };
        assert_eq!(n.id, 9);
        assert_eq!(n.notification, Ok(notification));
    }
}

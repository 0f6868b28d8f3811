//! The sans-IO codec: endpoint → request frame, response frame → [`RawResponse`] (so the same
//! [`Endpoint::parse`] works over REST and the WebSocket), classification of inbound frames,
//! and the acknowledgement of server-initiated requests.

use super::frame::{
    FrameType, WebSocketMessage, WebSocketRequestMessage, WebSocketResponseMessage,
};
use bytes::Bytes;
use prost::Message as _;
use transport_core::http::{
    Body, Endpoint, EndpointAuth, HeaderMap, HeaderName, HeaderValue, RawResponse, StatusCode,
};
use transport_core::{Error, Result};

/// The path of a server request that delivers one message (body: an `Envelope` protobuf).
pub const INCOMING_MESSAGE_PATH: &str = "/api/v1/message";
/// The path of a server request that says the stored queue is drained.
pub const QUEUE_EMPTY_PATH: &str = "/api/v1/queue/empty";

/// Builds the request frame for `endpoint` with request id `id`: the verb, the path with the
/// query string (encoded as the HTTP client encodes it), the headers as `name:value` strings
/// (a `content-type` for bodies; an explicit `Authorization` for operations that carry their
/// own credentials), and the body.
///
/// The client's own credentials are **not** added: the socket itself is authenticated (or
/// not). Operations whose [`AuthMode`](crate::AuthMode) does not
/// [use account credentials](crate::AuthMode::uses_account_credentials) belong on an
/// unauthenticated socket.
///
/// # Errors
///
/// [`Error::InvalidInput`] when the endpoint's input is invalid (validation runs here as it
/// does before an HTTP request), a header value is not text, or the body is multipart (which
/// the WebSocket cannot carry).
pub fn encode_request<E: Endpoint>(endpoint: &E, id: u64) -> Result<WebSocketMessage> {
    let mut headers = endpoint.headers()?;
    if let EndpointAuth::Override(auth) = endpoint.auth() {
        auth.apply(&mut headers)?;
    }
    let body = match endpoint.body()? {
        Body::Empty => None,
        Body::Json(bytes) => {
            insert_content_type(&mut headers, "application/json")?;
            Some(bytes)
        }
        Body::Form(bytes) => {
            insert_content_type(&mut headers, "application/x-www-form-urlencoded")?;
            Some(bytes)
        }
        Body::Bytes { content_type, data } => {
            let value = HeaderValue::from_str(&content_type)
                .map_err(|e| Error::invalid_input("content type", e.to_string()))?;
            headers.insert(HeaderName::from_static("content-type"), value);
            Some(data)
        }
        _ => {
            return Err(Error::invalid_input(
                "body",
                "multipart bodies cannot be sent over the WebSocket",
            ));
        }
    };
    let mut path = endpoint.path().into_owned();
    let query = endpoint.query();
    if !query.is_empty() {
        let mut serializer = url::form_urlencoded::Serializer::new(String::new());
        for (k, v) in &query {
            serializer.append_pair(k, v);
        }
        path.push('?');
        path.push_str(&serializer.finish());
    }
    let mut request = WebSocketRequestMessage::new(E::METHOD.as_str(), path, id);
    request.body = body;
    request.headers = header_lines(&headers)?;
    Ok(WebSocketMessage::request(request))
}

fn insert_content_type(headers: &mut HeaderMap, value: &'static str) -> Result<()> {
    headers
        .entry(HeaderName::from_static("content-type"))
        .or_insert(HeaderValue::from_static(value));
    Ok(())
}

/// Headers as `name:value` strings (names lower-case, as the server expects).
fn header_lines(headers: &HeaderMap) -> Result<Vec<String>> {
    headers
        .iter()
        .map(|(name, value)| {
            let value = value.to_str().map_err(|_| {
                // Never show the value: it may be a secret.
                Error::invalid_input(name.as_str(), "header value is not visible ASCII")
            })?;
            Ok(format!("{}:{value}", name.as_str()))
        })
        .collect()
}

/// One `name:value` header line as a header (name and value trimmed); `None` when it is not
/// one.
pub(crate) fn header_line(line: &str) -> Option<(HeaderName, HeaderValue)> {
    let (name, value) = line.split_once(':')?;
    let name = HeaderName::from_bytes(name.trim().as_bytes()).ok()?;
    let value = HeaderValue::from_str(value.trim()).ok()?;
    Some((name, value))
}

/// Encodes a frame to the bytes of one binary WebSocket message.
pub fn encode(frame: &WebSocketMessage) -> Bytes {
    Bytes::from(frame.encode_to_vec())
}

/// Decodes the bytes of one binary WebSocket message.
///
/// # Errors
///
/// [`Error::Protocol`] when the bytes are not a `WebSocketMessage`.
pub fn decode(bytes: &[u8]) -> Result<WebSocketMessage> {
    WebSocketMessage::decode(bytes)
        .map_err(|e| Error::Protocol(format!("invalid WebSocketMessage frame: {e}")))
}

/// An inbound frame, classified.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Inbound {
    /// The response to one of our requests, with its id.
    Response {
        /// The id of the request it answers.
        id: u64,
        /// The response.
        response: WebSocketResponseMessage,
    },
    /// A request from the server (a message, queue-empty, …); answer it with
    /// [`ServerRequest::ack`].
    Request(ServerRequest),
    /// Anything else (an unknown frame type, or a request or response without its part),
    /// kept so one odd frame never ends the read loop.
    Unknown {
        /// The frame type.
        kind: FrameType,
        /// The raw frame.
        raw: Bytes,
    },
}

/// Decodes and classifies one inbound binary message.
///
/// # Errors
///
/// [`Error::Protocol`] when the bytes are not a `WebSocketMessage`.
pub fn classify(bytes: &[u8]) -> Result<Inbound> {
    let frame = decode(bytes)?;
    let kind = frame.kind();
    Ok(match (kind, frame.request, frame.response) {
        (FrameType::Response, _, Some(response)) if response.id.is_some() => Inbound::Response {
            id: response.id.unwrap_or_default(),
            response,
        },
        (FrameType::Request, Some(request), _) => Inbound::Request(ServerRequest(request)),
        _ => Inbound::Unknown {
            kind,
            raw: Bytes::copy_from_slice(bytes),
        },
    })
}

/// Turns a response frame into the [`RawResponse`] an [`Endpoint::parse`] expects, for the
/// request `method path` (the path without query, for error messages). Header lines that are
/// not `name:value` are skipped; values are trimmed.
///
/// # Errors
///
/// [`Error::Protocol`] when the status is missing or not an HTTP status.
pub fn to_raw_response(
    response: &WebSocketResponseMessage,
    method: &str,
    path: &str,
) -> Result<RawResponse> {
    let status = response
        .status
        .and_then(|s| u16::try_from(s).ok())
        .and_then(|s| StatusCode::from_u16(s).ok())
        .ok_or_else(|| {
            Error::Protocol(format!(
                "response to {method} {path} has an invalid status {:?}",
                response.status
            ))
        })?;
    let mut headers = HeaderMap::new();
    for (name, value) in response.headers.iter().filter_map(|line| header_line(line)) {
        headers.append(name, value);
    }
    Ok(RawResponse::new(
        status,
        headers,
        response.body.clone().unwrap_or_default(),
        method,
        path.split('?').next().unwrap_or(path),
    ))
}

/// A request the server sent us.
#[derive(Debug, Clone, PartialEq)]
pub struct ServerRequest(pub WebSocketRequestMessage);

/// What a server request is about.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum ServerRequestKind {
    /// `PUT /api/v1/message`: one message; the body is a serialized `Envelope`.
    Message(Bytes),
    /// `PUT /api/v1/queue/empty`: every stored message has been delivered.
    QueueEmpty,
    /// Anything else, by verb and path.
    Other {
        /// The verb.
        verb: String,
        /// The path.
        path: String,
    },
}

impl ServerRequest {
    /// The request id (to answer with).
    pub fn id(&self) -> Option<u64> {
        self.0.id
    }

    /// What the request is about.
    pub fn kind(&self) -> ServerRequestKind {
        let verb = self.0.verb.as_deref().unwrap_or_default();
        let path = self.0.path.as_deref().unwrap_or_default();
        match (verb, path) {
            ("PUT", INCOMING_MESSAGE_PATH) => {
                ServerRequestKind::Message(self.0.body.clone().unwrap_or_default())
            }
            ("PUT", QUEUE_EMPTY_PATH) => ServerRequestKind::QueueEmpty,
            _ => ServerRequestKind::Other {
                verb: verb.to_owned(),
                path: path.to_owned(),
            },
        }
    }

    /// The `200 OK` response frame that acknowledges this request (the server redelivers
    /// messages that are not acknowledged). `None` when the request has no id to answer.
    pub fn ack(&self) -> Option<WebSocketMessage> {
        self.respond(200, "OK")
    }

    /// A response frame with `status` for this request; `None` without a request id.
    pub fn respond(&self, status: u16, message: &str) -> Option<WebSocketMessage> {
        self.0.id.map(|id| {
            WebSocketMessage::response(WebSocketResponseMessage::new(id, status, message))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::account::{SetAccountAttributes, WhoAmI};
    use crate::api::keep_alive::GetKeepAlive;
    use crate::api::keys::GetDeviceKeys;
    use crate::api::messages::{MultiRecipientAccess, SendMultiRecipientMessage};
    use crate::api::registration::{Register, RegistrationKeys};
    use crate::auth::{BasicAuthorization, UnidentifiedAccessKey};
    use crate::model::{
        AccountAttributes, AccountIdentityResponse, EcSignedPreKey, IdentityKey, KemSignedPreKey,
        ServiceId,
    };

    #[test]
    fn json_request_frame() {
        let op = SetAccountAttributes::new(AccountAttributes::new(5)).with_signal_agent("OWD");
        let frame = encode_request(&op, 42).unwrap();
        assert_eq!(frame.kind(), FrameType::Request);
        let request = frame.request.unwrap();
        assert_eq!(request.verb.as_deref(), Some("PUT"));
        assert_eq!(request.path.as_deref(), Some("/v1/accounts/attributes"));
        assert_eq!(request.id, Some(42));
        assert!(request.headers.contains(&"x-signal-agent:OWD".to_owned()));
        assert!(
            request
                .headers
                .contains(&"content-type:application/json".to_owned())
        );
        let body: serde_json::Value = serde_json::from_slice(&request.body.unwrap()).unwrap();
        assert_eq!(body["registrationId"], 5);
        // Validation runs before anything is framed.
        assert!(encode_request(&SetAccountAttributes::new(AccountAttributes::new(0)), 1).is_err());
    }

    #[test]
    fn query_sealed_sender_and_binary_bodies() {
        let id: ServiceId = "9d0652a3-dcc3-4d11-975f-74d61598733f".parse().unwrap();
        let op = GetDeviceKeys::new(id).with_access_key(UnidentifiedAccessKey::new([1; 16]));
        let request = encode_request(&op, 1).unwrap().request.unwrap();
        assert_eq!(
            request.path.as_deref(),
            Some("/v2/keys/9d0652a3-dcc3-4d11-975f-74d61598733f/*")
        );
        assert_eq!(
            request.headers,
            vec!["unidentified-access-key:AQEBAQEBAQEBAQEBAQEBAQ=="]
        );
        assert_eq!(request.body, None);

        let op = SendMultiRecipientMessage::new(vec![0x22], 7, MultiRecipientAccess::Story);
        let request = encode_request(&op, 2).unwrap().request.unwrap();
        assert_eq!(
            request.path.as_deref(),
            Some("/v1/messages/multi_recipient?ts=7&online=false&urgent=true&story=true")
        );
        assert_eq!(
            request.headers,
            vec!["content-type:application/vnd.signal-messenger.mrm"]
        );
        assert_eq!(request.body.as_deref(), Some(&[0x22][..]));
    }

    #[test]
    fn explicit_authorization_is_carried_in_the_frame() {
        let mut attributes = AccountAttributes::new(1);
        attributes.pni_registration_id = Some(2);
        let keys = RegistrationKeys::new(
            IdentityKey::new(vec![5]),
            IdentityKey::new(vec![5]),
            EcSignedPreKey::new(1, vec![5], vec![1]),
            EcSignedPreKey::new(2, vec![5], vec![2]),
            KemSignedPreKey::new(3, vec![8], vec![3]),
            KemSignedPreKey::new(4, vec![8], vec![4]),
        );
        let op = Register::with_session(
            BasicAuthorization::new("+14155550100", "pw"),
            "s",
            attributes,
            keys,
        );
        let request = encode_request(&op, 3).unwrap().request.unwrap();
        assert!(
            request
                .headers
                .contains(&"authorization:Basic KzE0MTU1NTUwMTAwOnB3".to_owned())
        );
        // The request's Debug never shows it.
        assert!(!format!("{request:?}").contains("KzE0"));
    }

    #[test]
    fn response_frames_parse_with_the_same_endpoint_parser() {
        let mut response = WebSocketResponseMessage::new(5, 200, "OK");
        response.headers = vec!["Content-Type: application/json".into(), "garbage".into()];
        response.body = Some(Bytes::from_static(
            br#"{"uuid":"9d0652a3-dcc3-4d11-975f-74d61598733f","number":"+14155550100","storageCapable":true}"#,
        ));
        let bytes = encode(&WebSocketMessage::response(response));
        let Inbound::Response { id, response } = classify(&bytes).unwrap() else {
            panic!("not a response");
        };
        assert_eq!(id, 5);
        let raw = to_raw_response(&response, "GET", "/v1/accounts/whoami?x=1").unwrap();
        assert_eq!(raw.path, "/v1/accounts/whoami");
        assert_eq!(raw.header("content-type"), Some("application/json"));
        let identity: AccountIdentityResponse = WhoAmI::new().parse(raw).unwrap();
        assert_eq!(identity.number, "+14155550100");

        let mut limited = WebSocketResponseMessage::new(6, 429, "Too Many Requests");
        limited.headers = vec!["Retry-After:17".into()];
        let raw = to_raw_response(&limited, "GET", "/v1/keepalive").unwrap();
        let err = GetKeepAlive::new().parse(raw).unwrap_err();
        assert_eq!(err.status(), Some(429));
        assert_eq!(err.retry_after(), Some(std::time::Duration::from_secs(17)));

        let mut bad = WebSocketResponseMessage::new(7, 0, "");
        bad.status = Some(70_000);
        assert!(matches!(
            to_raw_response(&bad, "GET", "/"),
            Err(Error::Protocol(_))
        ));
    }

    #[test]
    fn server_requests_are_classified_and_acknowledged() {
        let mut message = WebSocketRequestMessage::new("PUT", INCOMING_MESSAGE_PATH, 77);
        message.body = Some(Bytes::from_static(b"\x08\x01"));
        let Inbound::Request(request) =
            classify(&encode(&WebSocketMessage::request(message))).unwrap()
        else {
            panic!("not a request");
        };
        assert_eq!(
            request.kind(),
            ServerRequestKind::Message(Bytes::from_static(b"\x08\x01"))
        );
        let ack = request.ack().unwrap();
        assert_eq!(ack.kind(), FrameType::Response);
        let ack = ack.response.unwrap();
        assert_eq!((ack.id, ack.status), (Some(77), Some(200)));

        let empty = ServerRequest(WebSocketRequestMessage::new("PUT", QUEUE_EMPTY_PATH, 78));
        assert_eq!(empty.kind(), ServerRequestKind::QueueEmpty);
        let other = ServerRequest(WebSocketRequestMessage::new("GET", "/api/v1/new", 79));
        assert!(matches!(other.kind(), ServerRequestKind::Other { .. }));
        let mut no_id = WebSocketRequestMessage::new("PUT", QUEUE_EMPTY_PATH, 0);
        no_id.id = None;
        assert_eq!(ServerRequest(no_id).ack(), None);
    }

    #[test]
    fn odd_frames_are_unknown_not_errors() {
        let odd = WebSocketMessage {
            r#type: Some(9),
            ..WebSocketMessage::default()
        };
        let bytes = encode(&odd);
        assert!(matches!(
            classify(&bytes).unwrap(),
            Inbound::Unknown {
                kind: FrameType::Other(9),
                ..
            }
        ));
        let response_without_part = WebSocketMessage {
            r#type: Some(2),
            ..WebSocketMessage::default()
        };
        assert!(matches!(
            classify(&encode(&response_without_part)).unwrap(),
            Inbound::Unknown { .. }
        ));
        assert!(matches!(
            classify(&[0xff, 0xff, 0xff]),
            Err(Error::Protocol(_))
        ));
        assert_eq!(
            encode_request(&GetKeepAlive::new(), 1)
                .unwrap()
                .request
                .unwrap()
                .body,
            None
        );
    }
}

//! [`MessengerProtocol`]: this protocol on transport-core's WebSocket engine
//! ([`transport_core::ws::Protocol`]).
//!
//! - **Encoding**: the request's wire name and body go through the configured [`Framing`]; the
//!   request waits in the queue [`key_for`] names, with the three-way echo check of
//!   [`matcher_for`] (notes §12).
//! - **Decoding**: the framing splits a frame, the wire name picks the type; a response is
//!   offered to the queues [`keys_for`] lists, a notification goes to the notification stream.
//!   A frame that does not fit the framing, a notification whose body does not decode and an
//!   unknown wire name become [`Inbound::Unknown`], which the engine publishes as
//!   [`ConnectionEvent::UnknownFrame`](transport_core::ws::ConnectionEvent::UnknownFrame) —
//!   never dropped silently. A known response whose body does not decode still completes the
//!   request waiting for it, with the decode error (wire name and JSON path).
//! - **Handshake** after every (re)connect: `RequestPing` (the server's version is learned from
//!   `ResponsePong`), then `RequestAuthenticationByApplication` when credentials are known.
//!   Frames that arrive meanwhile (an `AuthenticationByApplicationNotification`) are handed on
//!   to normal processing. A refused authentication is a fatal handshake error: the client stops
//!   instead of retrying with credentials the server rejected.
//! - **Keepalive**: `RequestPing` with the current time, on the engine's application keepalive
//!   interval.
//! - **Reconnects** are marked in the notification stream ([`Pushed::Reconnected`]) exactly
//!   where the new connection's notifications begin.

use crate::api::requests::{RequestAuthenticationByApplication, RequestPing, ResponsePong};
use crate::api::responses::ResponseStatusMessage;
use crate::api::{Inbound as Message, Notification, Request, Response, WireMessage};
use crate::correlation::{Match, QueueKey, key_for, keys_for, matcher_for};
use crate::error::Error;
use crate::framing::{Framing, WsFrame};
use crate::model::{ApplicationId, Timestamp, UserId};
use std::fmt;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use transport_core::Error as CoreError;
use transport_core::ws::{HandshakeIo, Inbound, Keys, Outgoing, Protocol};

/// What the engine hands back for a request: the decoded response, or the error decoding a
/// response of the expected type (its body did not fit; the error names the JSON path).
pub type Reply = Result<Response, Error>;

/// What the engine's notification stream carries: the server's notifications, and the place
/// where a new connection began.
#[allow(clippy::large_enum_variant)] // like `Notification` itself
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Pushed {
    /// A notification from the server.
    Notification(Notification),
    /// A new connection's handshake succeeded. Everything before this item came from earlier
    /// connections, everything after from the new one; what the server pushed in between
    /// never reached this client.
    Reconnected,
}

/// The client version sent in `RequestPing` unless configured otherwise: the seed's `7.14`.
pub const DEFAULT_CLIENT_VERSION: &str = "7.14";

/// An application's credentials: the user id and the registered application (device) id that
/// `RequestAuthenticationByApplication` carries. The application id acts as a bearer secret
/// (notes §6.4), so `Debug` does not show it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Credentials {
    /// The user.
    pub user_id: UserId,
    /// The registered and confirmed application.
    pub application_id: ApplicationId,
}

impl Credentials {
    /// Credentials of application `application_id` of `user_id`.
    pub fn new(user_id: UserId, application_id: ApplicationId) -> Self {
        Self {
            user_id,
            application_id,
        }
    }
}

/// Per-client session state learned and kept across connections.
#[derive(Debug, Default)]
struct Session {
    credentials: Option<Credentials>,
    server_version: Option<String>,
    handshakes: u64,
    authenticated: bool,
}

/// This protocol's rules for [`transport_core::ws::WsClient`]: the framing, correlation by
/// expected reply type with echo checks, the ping-and-authenticate handshake and the
/// `RequestPing` keepalive. [`Client`](crate::Client) wraps a `WsClient` of it; use it directly
/// only for raw access to the engine.
pub struct MessengerProtocol {
    framing: Arc<dyn Framing>,
    client_version: String,
    fatal_close_codes: Vec<u16>,
    session: Mutex<Session>,
    /// A random token no server can send: a binary frame holding it, deferred at the start of
    /// every reconnect's handshake, marks the new connection in the notification stream.
    reconnect_mark: [u8; 16],
}

impl fmt::Debug for MessengerProtocol {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("MessengerProtocol")
            .field("framing", &self.framing.describe())
            .field("client_version", &self.client_version)
            .field("session", &*self.session())
            .finish_non_exhaustive()
    }
}

impl MessengerProtocol {
    /// The protocol over `framing`, pinging with [`DEFAULT_CLIENT_VERSION`], without
    /// credentials (the handshake then only pings).
    pub fn new(framing: Arc<dyn Framing>) -> Self {
        let mut reconnect_mark = [0u8; 16];
        rand::RngCore::fill_bytes(&mut rand::rngs::OsRng, &mut reconnect_mark);
        Self {
            framing,
            client_version: DEFAULT_CLIENT_VERSION.to_owned(),
            fatal_close_codes: Vec::new(),
            session: Mutex::new(Session::default()),
            reconnect_mark,
        }
    }

    /// Sets the `clientVersion` sent in `RequestPing`.
    #[must_use]
    pub fn with_client_version(mut self, version: impl Into<String>) -> Self {
        self.client_version = version.into();
        self
    }

    /// Authenticates with `credentials` after every (re)connect.
    #[must_use]
    pub fn with_credentials(self, credentials: Option<Credentials>) -> Self {
        self.session().credentials = credentials;
        self
    }

    /// Close codes after which the client must not reconnect (none is known for this server;
    /// the default is none).
    #[must_use]
    pub fn with_fatal_close_codes(mut self, codes: Vec<u16>) -> Self {
        self.fatal_close_codes = codes;
        self
    }

    fn session(&self) -> MutexGuard<'_, Session> {
        self.session.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The framing.
    pub fn framing(&self) -> &Arc<dyn Framing> {
        &self.framing
    }

    /// The `clientVersion` sent in `RequestPing`.
    pub fn client_version(&self) -> &str {
        &self.client_version
    }

    /// The credentials used by the handshake, if any.
    pub fn credentials(&self) -> Option<Credentials> {
        self.session().credentials.clone()
    }

    /// Replaces the credentials used by every later handshake.
    pub fn set_credentials(&self, credentials: Option<Credentials>) {
        self.session().credentials = credentials;
    }

    /// The server version from the latest `ResponsePong`.
    pub fn server_version(&self) -> Option<String> {
        self.session().server_version.clone()
    }

    /// How many handshakes succeeded (one per connection).
    pub fn handshakes(&self) -> u64 {
        self.session().handshakes
    }

    /// True while the current connection is authenticated.
    pub fn is_authenticated(&self) -> bool {
        self.session().authenticated
    }

    /// Records an authentication that succeeded outside the handshake (right after registering).
    pub(crate) fn mark_authenticated(&self) {
        self.session().authenticated = true;
    }

    /// A `RequestPing` stamped now.
    pub fn ping(&self) -> RequestPing {
        RequestPing::new(self.client_version.clone(), Timestamp::now())
    }

    /// Packs a request into a frame.
    fn frame_of(&self, request: &Request) -> Result<WsFrame, CoreError> {
        let body = request.to_body().map_err(to_core)?;
        self.framing
            .encode(request.wire_name(), &body)
            .map_err(|e| CoreError::invalid_input("framing", e.to_string()))
    }

    /// Splits and decodes a frame from the server.
    fn classify(&self, frame: &WsFrame) -> Classified {
        let decoded = match self.framing.decode(frame) {
            Ok(decoded) => decoded,
            Err(error) => return Classified::Unknown(error.to_string()),
        };
        let name = decoded.wire_name;
        match Message::from_wire(&name, decoded.body) {
            Ok(Message::Response(response)) => Classified::Response(response),
            Ok(Message::Notification(notification)) => Classified::Notification(notification),
            Ok(Message::Unknown { wire_name, .. }) => {
                Classified::Unknown(format!("unknown message `{wire_name}`"))
            }
            // A status message that does not decode cannot be routed (its `requestType` is the
            // key); a typed response can: its type is the key.
            Err(error) if Response::is_known(&name) && name != ResponseStatusMessage::WIRE_NAME => {
                Classified::BadResponse(name, error)
            }
            Err(error) => Classified::Unknown(error.to_string()),
        }
    }

    /// Sends one request during the handshake and waits for the reply `accept` recognises;
    /// everything else is deferred to normal processing.
    async fn handshake_call<T>(
        &self,
        io: &mut HandshakeIo<'_>,
        request: &Request,
        accept: impl Fn(&Response) -> Option<Result<T, CoreError>>,
    ) -> Result<T, CoreError> {
        io.send(self.frame_of(request)?).await?;
        loop {
            let frame = io.recv().await?;
            if let Classified::Response(response) = self.classify(&frame)
                && let Some(outcome) = accept(&response)
            {
                return outcome;
            }
            io.defer(frame);
        }
    }
}

/// What a frame is, before the engine sees it (short-lived, so not boxed).
#[allow(clippy::large_enum_variant)]
enum Classified {
    Response(Response),
    BadResponse(String, Error),
    Notification(Notification),
    Unknown(String),
}

/// A refusal during the handshake: the status message's status and description.
fn refused(what: &str, status: &ResponseStatusMessage) -> CoreError {
    let description = status
        .description
        .as_deref()
        .map(|d| format!(": {d}"))
        .unwrap_or_default();
    CoreError::Handshake(format!(
        "{what} refused with status `{}`{description}",
        status.status
    ))
}

/// This crate's error as transport-core's (for the engine's encode and handshake hooks).
pub(crate) fn to_core(error: Error) -> CoreError {
    match error {
        Error::Transport(error) => error,
        Error::InvalidInput { field, reason } => CoreError::InvalidInput { field, reason },
        other => CoreError::Protocol(other.to_string()),
    }
}

impl Protocol for MessengerProtocol {
    type Request = Request;
    type Response = Reply;
    type Notification = Pushed;
    type Key = QueueKey;

    fn encode(&self, request: Request, _seq: u64) -> Result<Outgoing<Self>, CoreError> {
        let frame = self.frame_of(&request)?;
        let outgoing = Outgoing::new(key_for(&request), frame);
        Ok(match matcher_for(&request) {
            Some(matcher) => outgoing.with_match(move |reply: &Reply| match reply {
                Ok(response) => matcher(response),
                // A body that did not decode has nothing to check.
                Err(_) => Match::Plausible,
            }),
            None => outgoing,
        })
    }

    fn decode(&self, frame: WsFrame) -> Inbound<Self> {
        if !frame.is_text() && frame.as_bytes() == self.reconnect_mark {
            return Inbound::notification(Pushed::Reconnected);
        }
        match self.classify(&frame) {
            Classified::Response(response) => {
                if let Response::Pong(pong) = &response {
                    self.session().server_version = Some(pong.server_version.clone());
                }
                Inbound::Response {
                    keys: keys_for(&response).into(),
                    response: Ok(response),
                }
            }
            Classified::BadResponse(name, error) => {
                tracing::debug!(wire_name = %name, %error, "a response did not decode");
                Inbound::Response {
                    keys: Keys::one(QueueKey::Typed(name)),
                    response: Err(error),
                }
            }
            Classified::Notification(notification) => {
                Inbound::notification(Pushed::Notification(notification))
            }
            Classified::Unknown(reason) => Inbound::unknown(reason, frame),
        }
    }

    async fn handshake(&self, io: &mut HandshakeIo<'_>) -> Result<(), CoreError> {
        if self.handshakes() > 0 {
            // Processed first once this handshake succeeds: before anything the new
            // connection brings.
            io.defer(WsFrame::binary(self.reconnect_mark.to_vec()));
        }
        let ping: Request = self.ping().into();
        let pong: ResponsePong = self
            .handshake_call(io, &ping, |response| match response {
                Response::Pong(pong) => Some(Ok(pong.clone())),
                Response::StatusMessage(status)
                    if status.request_type == RequestPing::WIRE_NAME && !status.is_ok() =>
                {
                    Some(Err(refused(RequestPing::WIRE_NAME, status)))
                }
                _ => None,
            })
            .await?;
        self.session().server_version = Some(pong.server_version);
        let credentials = self.credentials();
        if let Some(credentials) = credentials {
            let auth: Request = RequestAuthenticationByApplication::new(
                credentials.user_id,
                credentials.application_id,
            )
            .into();
            let name = RequestAuthenticationByApplication::WIRE_NAME;
            self.handshake_call(io, &auth, |response| match response {
                Response::StatusMessage(status) if status.request_type == name => {
                    Some(if status.is_ok() {
                        Ok(())
                    } else {
                        Err(refused(name, status))
                    })
                }
                _ => None,
            })
            .await?;
        }
        let mut session = self.session();
        session.handshakes += 1;
        session.authenticated = session.credentials.is_some();
        tracing::debug!(
            server_version = session.server_version.as_deref().unwrap_or_default(),
            authenticated = session.authenticated,
            "e2e-ws-messenger handshake complete"
        );
        Ok(())
    }

    fn keepalive(&self) -> Option<Request> {
        Some(self.ping().into())
    }

    fn is_fatal_close(&self, code: u16) -> bool {
        self.fatal_close_codes.contains(&code)
    }

    fn on_disconnect(&self) {
        self.session().authenticated = false;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::requests::{RequestGetUserInfo, RequestTyping, ResponseUserInfo};
    use crate::framing::{FlatTag, TypeAndBody};
    use crate::model::{ConversationUuid, Status, User};

    fn protocol() -> MessengerProtocol {
        MessengerProtocol::new(Arc::new(TypeAndBody::default()))
    }

    fn user() -> UserId {
        UserId::from_e164("+35794048714").unwrap()
    }

    #[test]
    fn encode_frames_the_request_and_keys_it_by_its_reply() {
        let p = protocol();
        let typing: Request = RequestTyping::new(
            ConversationUuid::new("66CE10E5-969D-41E0-9F2A-C279B095F822").unwrap(),
        )
        .into();
        let out = p.encode(typing, 7).unwrap();
        assert_eq!(out.key, QueueKey::Status("RequestTyping".into()));
        assert!(out.matcher.is_none());
        assert_eq!(
            out.frame.as_text(),
            Some(
                r#"{"type":"RequestTyping","body":{"conversationUuid":"66CE10E5-969D-41E0-9F2A-C279B095F822"}}"#
            )
        );
        let info: Request = RequestGetUserInfo::new(user()).into();
        let out = p.encode(info, 8).unwrap();
        assert_eq!(out.key, QueueKey::Typed("ResponseUserInfo".into()));
        let matcher = out.matcher.expect("typed requests have a matcher");
        let mine = Response::from(ResponseUserInfo::new(User::new(
            user(),
            Timestamp::from_millis(1),
            Timestamp::from_millis(1),
            Timestamp::from_millis(1),
            Timestamp::from_millis(1),
        )));
        assert_eq!(matcher(&Ok(mine)), Match::Yes);
        let broken: Reply = Err(Error::invalid_input("x", "y"));
        assert_eq!(matcher(&broken), Match::Plausible);
    }

    #[test]
    fn a_framing_that_cannot_encode_is_an_input_error() {
        let p = MessengerProtocol::new(Arc::new(crate::framing::Sniffing::new()));
        let err = p.encode(p.ping().into(), 1).unwrap_err();
        assert!(matches!(err, CoreError::InvalidInput { ref field, .. } if field == "framing"));
    }

    #[test]
    fn decode_sorts_responses_notifications_and_unknown_frames() {
        let p = MessengerProtocol::new(Arc::new(FlatTag::new("@type")));
        let status = WsFrame::text(
            r#"{"@type":"ResponseStatusMessage","requestType":"RequestGetUserInfo","status":"NOT_FOUND","description":null}"#,
        );
        match p.decode(status) {
            Inbound::Response { keys, response } => {
                assert_eq!(
                    keys,
                    [
                        QueueKey::Status("RequestGetUserInfo".into()),
                        QueueKey::Typed("ResponseUserInfo".into())
                    ]
                );
                let Ok(Response::StatusMessage(s)) = response else {
                    panic!("not a status message")
                };
                assert_eq!(s.status, Status::from("NOT_FOUND"));
            }
            _ => panic!("not a response"),
        }
        let typing =
            WsFrame::text(r#"{"@type":"NotificationTyping","conversationUuid":"c","userId":"u"}"#);
        assert!(matches!(
            p.decode(typing),
            Inbound::Notification {
                notification: Pushed::Notification(Notification::Typing(_)),
                reply: None
            }
        ));
        // The reconnect mark is this client's own token, never a server's binary frame.
        let mark = WsFrame::binary(p.reconnect_mark.to_vec());
        assert!(matches!(
            p.decode(mark),
            Inbound::Notification {
                notification: Pushed::Reconnected,
                ..
            }
        ));
        assert!(matches!(
            p.decode(WsFrame::binary(vec![0u8; 16])),
            Inbound::Unknown { .. }
        ));
        let new = WsFrame::text(r#"{"@type":"NotificationReaction","emoji":"+1"}"#);
        match p.decode(new) {
            Inbound::Unknown { reason, .. } => {
                assert_eq!(reason, "unknown message `NotificationReaction`")
            }
            _ => panic!("not unknown"),
        }
        let truncated = WsFrame::text(r#"{"@type":"ResponsePong","serverVer"#);
        match p.decode(truncated) {
            Inbound::Unknown { reason, .. } => assert!(reason.contains("not JSON"), "{reason}"),
            _ => panic!("not unknown"),
        }
        // A known notification with a bad body is reported, not dropped.
        let bad = WsFrame::text(r#"{"@type":"NotificationTyping","conversationUuid":5}"#);
        match p.decode(bad) {
            Inbound::Unknown { reason, .. } => {
                assert!(reason.contains("NotificationTyping"), "{reason}")
            }
            _ => panic!("not unknown"),
        }
    }

    #[test]
    fn a_response_with_a_bad_body_still_reaches_its_queue_with_the_error() {
        let p = protocol();
        let bad = WsFrame::text(r#"{"type":"ResponseUserInfo","body":{"user":{"userId":5}}}"#);
        match p.decode(bad) {
            Inbound::Response { keys, response } => {
                assert_eq!(keys, [QueueKey::Typed("ResponseUserInfo".into())]);
                let err = response.unwrap_err();
                assert!(
                    err.to_string()
                        .starts_with("cannot decode ResponseUserInfo at `user"),
                    "{err}"
                );
            }
            _ => panic!("not a response"),
        }
        // A status message without `requestType` cannot be routed: reported as unknown.
        let bad_status =
            WsFrame::text(r#"{"type":"ResponseStatusMessage","body":{"status":"ok"}}"#);
        assert!(matches!(p.decode(bad_status), Inbound::Unknown { .. }));
    }

    #[test]
    fn pongs_record_the_server_version_and_credentials_stay_hidden() {
        let p = protocol().with_credentials(Some(Credentials::new(
            user(),
            ApplicationId::new("app-secret-7").unwrap(),
        )));
        let pong = WsFrame::text(r#"{"type":"ResponsePong","body":{"serverVersion":"7.15"}}"#);
        assert!(matches!(p.decode(pong), Inbound::Response { .. }));
        assert_eq!(p.server_version().as_deref(), Some("7.15"));
        let shown = format!("{p:?}");
        assert!(!shown.contains("app-secret-7"), "{shown}");
        assert!(shown.contains("7.15"), "{shown}");
        assert!(
            matches!(p.keepalive(), Some(Request::Ping(ref ping)) if ping.client_version == "7.14")
        );
        assert!(!p.is_fatal_close(4001));
        let strict = protocol().with_fatal_close_codes(vec![4001]);
        assert!(strict.is_fatal_close(4001));
        let refusal = refused(
            "RequestAuthenticationByApplication",
            &ResponseStatusMessage::new(
                "RequestAuthenticationByApplication",
                Status::from("DENIED"),
            ),
        );
        assert_eq!(
            refusal.to_string(),
            "handshake failed: RequestAuthenticationByApplication refused with status `DENIED`"
        );
    }
}

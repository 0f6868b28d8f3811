//! How the TrueConf Chatbot API plugs into the transport-core WebSocket engine
//! ([`transport_core::ws::Protocol`]), and the session state the client and the protocol
//! share.
//!
//! - correlation key: the request id (`u32`), taken from the engine's `seq`;
//! - handshake after every (re)connect: fetch a token if needed (none given, or the last
//!   `auth` said 203), check it locally, send `auth`, and learn the bot's own id *before* any
//!   notification is handed on (frames that arrive during the handshake are deferred);
//! - notifications: acknowledged by the reader at once ([`AckMode::Immediate`]) or handed on
//!   for the application to acknowledge ([`AckMode::AfterHandler`]);
//! - application keepalive: `getUserDisplayName` of the bot itself.

use crate::api::Method;
use crate::api::notifications::Notification;
use crate::api::session::{Auth, GetUserDisplayName};
use crate::codec::{self, Frame, PreparedRequest, ResponseFrame};
use crate::credentials::TokenProvider;
use crate::error::{ApiError, Error};
use crate::model::{ErrorCode, FileId, UserId};
use crate::token::{self, TokenError};
use crate::update::{AckMode, Delivery, Update};
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError, RwLock};
use std::time::SystemTime;
use tokio::sync::watch;
use transport_core::Secret;
use transport_core::http::HttpClient;
use transport_core::ws::{HandshakeIo, Inbound, Outgoing, Protocol, WsFrame};

/// Why the last handshake failed, kept so that the client can return a typed error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum HandshakeFailure {
    /// `auth` answered with an error code.
    Auth(ApiError),
    /// The token failed the local check.
    Token(TokenError),
    /// No token and no provider.
    NoToken,
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

/// State shared by the client and its protocol.
pub(crate) struct Session {
    pub(crate) http: HttpClient,
    token: Mutex<Option<Secret>>,
    provider: Option<Arc<dyn TokenProvider>>,
    /// The last `auth` said 203: fetch a new token before the next one.
    refresh: AtomicBool,
    pub(crate) receive_unread: bool,
    pub(crate) system_envelopes: bool,
    pub(crate) ack_mode: AckMode,
    /// The bot's id as `auth` returned it (with its `/resource`).
    me: RwLock<Option<UserId>>,
    /// Counts successful handshakes: the connection a delivery arrived on.
    connection: AtomicU64,
    failure: Mutex<Option<HandshakeFailure>>,
    /// Watchers of `uploadFileProgress` per file (downloads waiting for an upload).
    progress: Mutex<BTreeMap<FileId, watch::Sender<u64>>>,
    /// Successful `auth`s so far.
    auths: AtomicU64,
    now: fn() -> SystemTime,
}

impl std::fmt::Debug for Session {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Session")
            .field("has_token", &lock(&self.token).is_some())
            .field("has_provider", &self.provider.is_some())
            .field("me", &self.me())
            .field("connection", &self.connection.load(Ordering::Relaxed))
            .field("ack_mode", &self.ack_mode)
            .finish_non_exhaustive()
    }
}

/// The options a session starts with.
pub(crate) struct SessionOptions {
    pub(crate) http: HttpClient,
    pub(crate) token: Option<Secret>,
    pub(crate) provider: Option<Arc<dyn TokenProvider>>,
    pub(crate) receive_unread: bool,
    pub(crate) system_envelopes: bool,
    pub(crate) ack_mode: AckMode,
    pub(crate) now: fn() -> SystemTime,
}

impl Session {
    pub(crate) fn new(options: SessionOptions) -> Self {
        Self {
            http: options.http,
            token: Mutex::new(options.token),
            provider: options.provider,
            refresh: AtomicBool::new(false),
            receive_unread: options.receive_unread,
            system_envelopes: options.system_envelopes,
            ack_mode: options.ack_mode,
            me: RwLock::new(None),
            connection: AtomicU64::new(0),
            failure: Mutex::new(None),
            progress: Mutex::new(BTreeMap::new()),
            auths: AtomicU64::new(0),
            now: options.now,
        }
    }

    /// The bot's own id as `auth` returned it, once authenticated.
    pub(crate) fn me(&self) -> Option<UserId> {
        self.me
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// The current connection number (a delivery's acknowledgement is valid only on it).
    pub(crate) fn connection(&self) -> u64 {
        self.connection.load(Ordering::Acquire)
    }

    /// Successful `auth`s so far.
    pub(crate) fn auths(&self) -> u64 {
        self.auths.load(Ordering::Acquire)
    }

    pub(crate) fn has_provider(&self) -> bool {
        self.provider.is_some()
    }

    pub(crate) fn take_failure(&self) -> Option<HandshakeFailure> {
        lock(&self.failure).take()
    }

    pub(crate) fn last_failure(&self) -> Option<HandshakeFailure> {
        lock(&self.failure).clone()
    }

    fn fail(&self, failure: HandshakeFailure) {
        *lock(&self.failure) = Some(failure);
    }

    /// Watches the `uploadFileProgress` of `file`; the returned guard stops watching.
    pub(crate) fn watch_progress(self: &Arc<Self>, file: &FileId) -> ProgressWatch {
        let mut watchers = lock(&self.progress);
        let receiver = match watchers.get(file) {
            Some(sender) => sender.subscribe(),
            None => {
                let (sender, receiver) = watch::channel(0);
                watchers.insert(file.clone(), sender);
                receiver
            }
        };
        ProgressWatch {
            session: Arc::clone(self),
            file: file.clone(),
            receiver,
        }
    }

    fn progress(&self, file: &FileId, bytes: u64) {
        if let Some(sender) = lock(&self.progress).get(file) {
            sender.send_replace(bytes);
        }
    }

    /// The token for the next `auth`: the current one if it passes the local check, else a
    /// fresh one from the provider.
    async fn token_for_auth(&self) -> Result<Secret, transport_core::Error> {
        let current = lock(&self.token).clone();
        let refresh = self.refresh.load(Ordering::Acquire);
        let checked = match &current {
            Some(token) if !refresh => Some(token::check(token, (self.now)()).map(|_| token)),
            _ => None,
        };
        match (checked, &self.provider) {
            (Some(Ok(token)), _) => Ok(token.clone()),
            (Some(Err(error)), None) => Err(self.token_rejected(error)),
            (None, None) => match current {
                // Told to refresh without a provider: the server will refuse it again (fatal).
                Some(token) => Ok(token),
                None => {
                    self.fail(HandshakeFailure::NoToken);
                    Err(transport_core::Error::invalid_input(
                        "token",
                        "no token and no credentials to get one",
                    ))
                }
            },
            (_, Some(provider)) => {
                tracing::debug!("fetching a new bot token");
                let fresh = provider.token(&self.http).await.map_err(into_transport)?;
                if let Err(error) = token::check(&fresh, (self.now)()) {
                    return Err(self.token_rejected(error));
                }
                *lock(&self.token) = Some(fresh.clone());
                self.refresh.store(false, Ordering::Release);
                Ok(fresh)
            }
        }
    }

    /// Before the first connection: a token that passes the local check, fetched from the
    /// provider when there is none or the given one fails the check. Typed errors, and no
    /// I/O at all when the token is unusable and nothing can renew it.
    pub(crate) async fn prepare_token(&self) -> Result<(), Error> {
        let current = lock(&self.token).clone();
        let checked = current
            .as_ref()
            .map(|token| token::check(token, (self.now)()));
        match (checked, &self.provider) {
            (Some(Ok(_)), _) => Ok(()),
            (Some(Err(error)), None) => Err(Error::Token(error)),
            (None, None) => Err(transport_core::Error::invalid_input(
                "token",
                "no token and no credentials to get one",
            )
            .into()),
            (_, Some(provider)) => {
                let fresh = provider.token(&self.http).await?;
                token::check(&fresh, (self.now)())?;
                *lock(&self.token) = Some(fresh);
                Ok(())
            }
        }
    }

    fn token_rejected(&self, error: TokenError) -> transport_core::Error {
        let shown = error.to_string();
        self.fail(HandshakeFailure::Token(error));
        transport_core::Error::invalid_input("token", shown)
    }
}

/// A subscription to one file's upload progress; unsubscribes when dropped.
pub(crate) struct ProgressWatch {
    session: Arc<Session>,
    file: FileId,
    pub(crate) receiver: watch::Receiver<u64>,
}

impl Drop for ProgressWatch {
    fn drop(&mut self) {
        let mut watchers = lock(&self.session.progress);
        // Others may still watch the same file.
        if watchers
            .get(&self.file)
            .is_some_and(|sender| sender.receiver_count() <= 1)
        {
            watchers.remove(&self.file);
        }
    }
}

/// A crate error as the transport error a handshake returns.
fn into_transport(error: Error) -> transport_core::Error {
    match error {
        Error::Transport(e) => e,
        other => transport_core::Error::Handshake(other.to_string()),
    }
}

/// The [`Protocol`] implementation.
#[derive(Debug, Clone)]
pub(crate) struct TrueConf {
    pub(crate) session: Arc<Session>,
}

/// A request id from the engine's sequence number (ids are `u32` on the wire; after 2^32
/// requests they wrap, long after any reply to an old id could arrive).
fn request_id(seq: u64) -> u32 {
    (seq & u64::from(u32::MAX)) as u32
}

impl Protocol for TrueConf {
    type Request = PreparedRequest;
    type Response = ResponseFrame;
    type Notification = Update;
    type Key = u32;

    fn encode(
        &self,
        request: PreparedRequest,
        seq: u64,
    ) -> Result<Outgoing<Self>, transport_core::Error> {
        let id = request_id(seq);
        Ok(Outgoing::new(id, WsFrame::text(request.encode(id))))
    }

    fn decode(&self, frame: WsFrame) -> Inbound<Self> {
        let Some(text) = frame.as_text() else {
            return Inbound::notification(Update::Unreadable {
                reason: "a binary frame (the API sends JSON text frames)".to_owned(),
                len: frame.len(),
            });
        };
        match codec::decode_frame(text) {
            Ok(Frame::Response(response)) => Inbound::response(response.id(), response),
            Ok(Frame::Notification(notification)) => {
                if let Ok(Notification::UploadProgress(progress)) = &notification.notification {
                    self.session.progress(&progress.file_id, progress.progress);
                }
                let id = notification.id;
                let immediate = self.session.ack_mode == AckMode::Immediate;
                let delivery = Delivery::new(notification, self.session.connection(), !immediate);
                let update = Update::Notification(Box::new(delivery));
                if immediate {
                    Inbound::notification_with_reply(update, WsFrame::text(codec::encode_ack(id)))
                } else {
                    Inbound::notification(update)
                }
            }
            Ok(Frame::Other { kind, id }) => {
                Inbound::unknown(format!("a frame of type {kind} (id {id})"), frame)
            }
            Err(error) => {
                tracing::warn!(%error, len = text.len(), "unreadable frame from the server");
                Inbound::notification(Update::Unreadable {
                    reason: error.to_string(),
                    len: text.len(),
                })
            }
        }
    }

    async fn handshake(&self, io: &mut HandshakeIo<'_>) -> Result<(), transport_core::Error> {
        let session = &self.session;
        *lock(&session.failure) = None;
        let token = session.token_for_auth().await?;
        let auth = Auth::new(token)
            .with_receive_unread(session.receive_unread)
            .with_system_envelopes(session.system_envelopes);
        let id = request_id(io.next_seq());
        let prepared = PreparedRequest::new(&auth).map_err(into_transport)?;
        io.send(WsFrame::text(prepared.encode(id))).await?;
        loop {
            let frame = io.recv().await?;
            let response = match frame.as_text().map(codec::decode_frame) {
                Some(Ok(Frame::Response(response))) if response.id() == id => response,
                // Notifications (and anything else) that come before the answer are handled
                // once the bot knows who it is.
                _ => {
                    io.defer(frame);
                    continue;
                }
            };
            return match response.decode::<Auth>() {
                Ok(answer) => {
                    tracing::debug!(user = %answer.user_id, "authenticated");
                    *session.me.write().unwrap_or_else(PoisonError::into_inner) =
                        Some(answer.user_id);
                    session.connection.fetch_add(1, Ordering::AcqRel);
                    session.auths.fetch_add(1, Ordering::AcqRel);
                    Ok(())
                }
                Err(Error::Api {
                    code, description, ..
                }) => {
                    if code == ErrorCode::CredentialsExpired {
                        session.refresh.store(true, Ordering::Release);
                    }
                    tracing::warn!(%code, "`auth` refused");
                    let error = ApiError::new(code, description);
                    let shown = error.clone().into_error(Auth::NAME).to_string();
                    session.fail(HandshakeFailure::Auth(error));
                    Err(transport_core::Error::Handshake(shown))
                }
                Err(other) => Err(into_transport(other)),
            };
        }
    }

    fn is_fatal_handshake_error(&self, error: &transport_core::Error) -> bool {
        if let transport_core::Error::Handshake(_) = error
            && let Some(HandshakeFailure::Auth(auth)) = self.session.last_failure()
        {
            // An expired token is renewable when there is a provider; every other refusal
            // (201 invalid, 202 disabled, 204 wrong type, …) needs a human.
            return !(auth.code == ErrorCode::CredentialsExpired && self.session.has_provider());
        }
        !error.is_transient()
    }

    fn keepalive(&self) -> Option<PreparedRequest> {
        let me = self.session.me()?;
        let bare = UserId::new(me.without_resource());
        PreparedRequest::new(&GetUserDisplayName::new(bare)).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::messages::SendMessage;
    use crate::model::{ChatId, TextContent};

    fn session(ack_mode: AckMode) -> Arc<Session> {
        let http = HttpClient::builder("http://127.0.0.1:1/")
            .unwrap()
            .build()
            .unwrap();
        Arc::new(Session::new(SessionOptions {
            http,
            token: None,
            provider: None,
            receive_unread: false,
            system_envelopes: false,
            ack_mode,
            now: SystemTime::now,
        }))
    }

    #[test]
    fn requests_use_the_sequence_as_id() {
        let protocol = TrueConf {
            session: session(AckMode::Immediate),
        };
        let prepared =
            PreparedRequest::new(&SendMessage::new(ChatId::new("c"), TextContent::plain("x")))
                .unwrap();
        let out = protocol.encode(prepared, 9).unwrap();
        assert_eq!(out.key, 9);
        assert!(
            out.frame
                .as_text()
                .unwrap()
                .starts_with(r#"{"type":1,"id":9,"method":"sendMessage""#)
        );
        assert_eq!(request_id(u64::from(u32::MAX) + 5), 4);
    }

    #[test]
    fn notifications_are_acked_per_mode_and_garbage_is_surfaced() {
        let frame = r#"{"method":"removeChat","type":1,"id":42,"payload":{"chatId":"c"}}"#;
        let immediate = TrueConf {
            session: session(AckMode::Immediate),
        };
        match immediate.decode(WsFrame::text(frame)) {
            Inbound::Notification {
                notification: Update::Notification(d),
                reply: Some(reply),
            } => {
                assert_eq!(reply.as_text(), Some(r#"{"type":2,"id":42}"#));
                assert!(!d.needs_ack());
            }
            _ => panic!("expected an acked notification"),
        }
        let later = TrueConf {
            session: session(AckMode::AfterHandler),
        };
        match later.decode(WsFrame::text(frame)) {
            Inbound::Notification {
                notification: Update::Notification(d),
                reply: None,
            } => assert!(d.needs_ack()),
            _ => panic!("expected a notification without reply"),
        }
        match later.decode(WsFrame::text(r#"{"type":1,"id":4"#)) {
            Inbound::Notification {
                notification: Update::Unreadable { len, .. },
                reply: None,
            } => assert_eq!(len, 16),
            _ => panic!("expected an unreadable update"),
        }
        match later.decode(WsFrame::text(r#"{"type":2,"id":4,"payload":{}}"#)) {
            Inbound::Response { keys, response } => {
                assert_eq!(keys, [4]);
                assert_eq!(response.id(), 4);
            }
            _ => panic!("expected a response"),
        }
    }

    #[test]
    fn progress_reaches_watchers_until_dropped() {
        let session = session(AckMode::Immediate);
        let protocol = TrueConf {
            session: Arc::clone(&session),
        };
        let file = FileId::new("f1");
        let watch = session.watch_progress(&file);
        let _ = protocol.decode(WsFrame::text(
            r#"{"method":"uploadFileProgress","type":1,"id":1,"payload":{"fileId":"f1","progress":77}}"#,
        ));
        assert_eq!(*watch.receiver.borrow(), 77);
        drop(watch);
        assert!(lock(&session.progress).is_empty());
    }

    #[test]
    fn fatal_handshake_errors() {
        let s = session(AckMode::Immediate);
        let protocol = TrueConf {
            session: Arc::clone(&s),
        };
        s.fail(HandshakeFailure::Auth(ApiError::new(
            ErrorCode::CredentialsExpired,
            None,
        )));
        let handshake = transport_core::Error::Handshake("auth".into());
        // 203 without a provider cannot be fixed.
        assert!(protocol.is_fatal_handshake_error(&handshake));
        s.fail(HandshakeFailure::Auth(ApiError::new(
            ErrorCode::InvalidCredentials,
            None,
        )));
        assert!(protocol.is_fatal_handshake_error(&handshake));
        let refused = transport_core::Error::Connect {
            target: "x".into(),
            message: "refused".into(),
            source: None,
        };
        assert!(!protocol.is_fatal_handshake_error(&refused));
    }
}

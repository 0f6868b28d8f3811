//! Test helpers (feature `testkit`): [`FakeMessengerServer`], a protocol-aware fake of the
//! messenger server, and fixed [`test_keys`].
//!
//! The fake server runs on transport-core's [`FakeWsServer`] (`127.0.0.1`, a free port) and
//! speaks the protocol in a configurable [`Framing`]. It keeps users, applications (with SMS
//! codes tests can read), contacts, conversations, per-member session-key copies, messages and
//! files, and fans notifications out to every connection of the members concerned. Like the
//! real server it only stores and relays what clients send: message bodies, nicks and titles
//! stay the clients' ciphertexts, and [`FakeMessengerServer::frames`] records every frame it
//! saw, so tests can check that no plaintext reached it.
//!
//! For fault injection an [`Interceptor`] decides per request what the server does
//! ([`Action`]: answer, ignore, drop the connection, send other frames instead or first, hold
//! the answer back so that a later one overtakes it, or delay it until after the client gave
//! up); [`FakeMessengerServer::push`],
//! [`FakeMessengerServer::push_frame`] and [`FakeMessengerServer::disconnect_all`] act at any
//! time.
//!
//! Failures are answered with a `ResponseStatusMessage` naming the request, with statuses the
//! real server's are unknown for: `unauthorized`, `not_found`, `forbidden`, `conflict`,
//! `wrong_code`, `bad_request`, `unknown_request`.
//!
//! ```
//! use e2e_ws_messenger::framing::TypeAndBody;
//! use e2e_ws_messenger::testkit::FakeMessengerServer;
//! use e2e_ws_messenger::Client;
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let server = FakeMessengerServer::start(TypeAndBody::default()).await?;
//! let alice = server.add_user("+35794048714");
//! let client = Client::builder(server.url())
//!     .framing(TypeAndBody::default())
//!     .credentials(alice)
//!     .connect()
//!     .await?;
//! assert!(client.is_authenticated());
//! assert_eq!(client.server_version().as_deref(), Some("7.14"));
//! # Ok(())
//! # }
//! ```

mod state;
pub mod test_keys;

use crate::api::{Inbound, Notification, Request};
use crate::codec::encode_inbound;
use crate::framing::{Framing, WsFrame};
use crate::model::{
    Application, ApplicationId, ApplicationType, ConversationUuid, DeviceInfo, FileInfo, Message,
    MessageUuid, SessionKey, Timestamp, User, UserId,
};
use crate::protocol::Credentials;
use state::{AppRecord, Outcome, State, UserRecord};
use std::collections::BTreeMap;
use std::fmt;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use tokio::sync::mpsc;
use transport_core::Secret;
use transport_core::testkit::{FakeConnection, FakeWsServer};

pub use transport_core::testkit::UpgradeRequest;

/// What the server does with one request (see [`Interceptor`]).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Action {
    /// Handle and answer it normally.
    Handle,
    /// Do nothing: no state change, no answer.
    Ignore,
    /// Drop the connection at once (no close frame), before handling.
    DropConnection,
    /// Handle it (state changes, notifications to others) but drop the connection instead of
    /// answering.
    HandleThenDrop,
    /// Send these frames instead of handling and answering (malformed or truncated frames, a
    /// wrong reply).
    Replace(Vec<WsFrame>),
    /// Send these frames first (a flood of notifications, garbage), then handle and answer.
    Before(Vec<WsFrame>),
    /// Handle it now but hold the answer back: it is sent after the answer of the next request
    /// on this connection (the later answer overtakes it: out of order).
    Hold,
    /// Handle it now but send the answer only when the next request on this connection comes,
    /// before that request's answer (a late reply, after the client gave up waiting).
    Delay,
}

/// A request as the [`Interceptor`] sees it.
#[derive(Debug)]
#[non_exhaustive]
pub struct Intercepted<'a> {
    /// The connection (0 for the first the server accepted).
    pub connection: usize,
    /// How many requests came before this one on this connection.
    pub nth: usize,
    /// The user the connection authenticated as, if any.
    pub user: Option<&'a UserId>,
    /// The request.
    pub request: &'a Request,
}

/// Decides what the server does with each request.
pub type Interceptor = Arc<dyn Fn(&Intercepted<'_>) -> Action + Send + Sync>;

/// What the server does with a frame that does not fit its framing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum BadFrame {
    /// Ignore it. The default.
    #[default]
    Ignore,
    /// Close the connection with code 1003 (unsupported data).
    Close,
}

/// Which way a recorded frame went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Direction {
    /// Client → server.
    FromClient,
    /// Server → client.
    ToClient,
}

/// One frame the server received or sent.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct RecordedFrame {
    /// The connection.
    pub connection: usize,
    /// Which way it went.
    pub direction: Direction,
    /// The frame.
    pub frame: WsFrame,
}

/// What a connection task sends.
enum Outbound {
    Frame(WsFrame),
    Drop,
    Close(u16, String),
}

struct Shared {
    framing: Arc<dyn Framing>,
    state: Mutex<State>,
    links: Mutex<BTreeMap<usize, mpsc::UnboundedSender<Outbound>>>,
    frames: Mutex<Vec<RecordedFrame>>,
    intercept: Option<Interceptor>,
    on_bad_frame: BadFrame,
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Per-connection bookkeeping of the server.
#[derive(Default)]
struct LinkState {
    /// Requests seen.
    requests: usize,
    /// Answers to send after the next answer ([`Action::Hold`]).
    held: Vec<WsFrame>,
    /// Answers to send when the next request comes ([`Action::Delay`]).
    delayed: Vec<WsFrame>,
}

/// What the connection task does after processing a frame.
enum After {
    Continue,
    Drop,
    Close,
}

impl Shared {
    fn record(&self, connection: usize, direction: Direction, frame: &WsFrame) {
        lock(&self.frames).push(RecordedFrame {
            connection,
            direction,
            frame: frame.clone(),
        });
    }

    fn encode(&self, message: &Inbound) -> Option<WsFrame> {
        match encode_inbound(self.framing.as_ref(), message) {
            Ok(frame) => Some(frame),
            Err(error) => {
                tracing::warn!(%error, "the fake server cannot encode a message");
                None
            }
        }
    }

    /// Sends `notification` to every connection of `user` except `except`; returns how many.
    fn deliver(&self, user: &UserId, except: Option<usize>, notification: Notification) -> usize {
        let connections: Vec<usize> = lock(&self.state)
            .sessions
            .iter()
            .filter(|(conn, u)| *u == user && Some(**conn) != except)
            .map(|(conn, _)| *conn)
            .collect();
        let Some(frame) = self.encode(&Inbound::Notification(notification)) else {
            return 0;
        };
        let links = lock(&self.links);
        connections
            .into_iter()
            .filter(|conn| {
                links
                    .get(conn)
                    .is_some_and(|link| link.send(Outbound::Frame(frame.clone())).is_ok())
            })
            .count()
    }

    /// Handles one frame from `connection`; returns the frames to send now and what next.
    fn process(
        &self,
        connection: usize,
        link: &mut LinkState,
        frame: &WsFrame,
    ) -> (Vec<WsFrame>, After) {
        let decoded = match self.framing.decode(frame) {
            Ok(decoded) => decoded,
            Err(_) => {
                return match self.on_bad_frame {
                    BadFrame::Ignore => (Vec::new(), After::Continue),
                    BadFrame::Close => (Vec::new(), After::Close),
                };
            }
        };
        let name = decoded.wire_name.clone();
        let request = match Request::from_wire(&name, decoded.body) {
            Ok(request) => request,
            Err(error) => {
                let mut bad = crate::api::responses::ResponseStatusMessage::new(
                    name,
                    crate::model::Status::from("bad_request"),
                );
                bad.description = Some(error.to_string());
                let reply = self.encode(&Inbound::Response(bad.into()));
                return (reply.into_iter().collect(), After::Continue);
            }
        };
        let action = match &self.intercept {
            Some(intercept) => {
                let user = lock(&self.state).sessions.get(&connection).cloned();
                intercept(&Intercepted {
                    connection,
                    nth: link.requests,
                    user: user.as_ref(),
                    request: &request,
                })
            }
            None => Action::Handle,
        };
        link.requests += 1;
        // Delayed answers go out before anything this request causes.
        let mut out = std::mem::take(&mut link.delayed);
        match action {
            Action::Handle | Action::Hold | Action::Delay | Action::HandleThenDrop => {}
            Action::Ignore => return (out, After::Continue),
            Action::DropConnection => return (out, After::Drop),
            Action::Replace(frames) => {
                out.extend(frames);
                return (out, After::Continue);
            }
            Action::Before(ref frames) => out.extend(frames.iter().cloned()),
        }
        let outcome: Outcome = lock(&self.state).handle(connection, request);
        for push in outcome.pushes {
            self.deliver(&push.to, push.except, push.notification);
        }
        let reply = outcome.reply.and_then(|reply| self.encode(&reply));
        match action {
            Action::HandleThenDrop => return (out, After::Drop),
            Action::Hold => link.held.extend(reply),
            Action::Delay => link.delayed.extend(reply),
            _ => {
                out.extend(reply);
                out.append(&mut link.held);
            }
        }
        (out, After::Continue)
    }
}

/// Options of a [`FakeMessengerServer`] before it starts.
#[must_use]
pub struct FakeMessengerServerBuilder {
    framing: Arc<dyn Framing>,
    server_version: String,
    sms_code: Option<String>,
    intercept: Option<Interceptor>,
    on_bad_frame: BadFrame,
}

impl fmt::Debug for FakeMessengerServerBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FakeMessengerServerBuilder")
            .field("framing", &self.framing.describe())
            .field("server_version", &self.server_version)
            .field("on_bad_frame", &self.on_bad_frame)
            .finish_non_exhaustive()
    }
}

impl FakeMessengerServerBuilder {
    /// The `serverVersion` in `ResponsePong` (default `7.14`).
    pub fn server_version(mut self, version: impl Into<String>) -> Self {
        self.server_version = version.into();
        self
    }

    /// Every SMS carries this code (default: six random digits).
    pub fn sms_code(mut self, code: impl Into<String>) -> Self {
        self.sms_code = Some(code.into());
        self
    }

    /// Decides what the server does with each request (fault injection).
    pub fn intercept(
        mut self,
        intercept: impl Fn(&Intercepted<'_>) -> Action + Send + Sync + 'static,
    ) -> Self {
        self.intercept = Some(Arc::new(intercept));
        self
    }

    /// What the server does with frames that do not fit its framing (default: ignore them).
    pub fn on_bad_frame(mut self, policy: BadFrame) -> Self {
        self.on_bad_frame = policy;
        self
    }

    /// Starts the server on `127.0.0.1` (a free port).
    ///
    /// # Errors
    ///
    /// The bind error.
    pub async fn start(self) -> std::io::Result<FakeMessengerServer> {
        let shared = Arc::new(Shared {
            framing: self.framing,
            state: Mutex::new(State::new(self.server_version, self.sms_code)),
            links: Mutex::new(BTreeMap::new()),
            frames: Mutex::new(Vec::new()),
            intercept: self.intercept,
            on_bad_frame: self.on_bad_frame,
        });
        let for_script = Arc::clone(&shared);
        let ws = FakeWsServer::start(move |conn| serve(Arc::clone(&for_script), conn)).await?;
        Ok(FakeMessengerServer { ws, shared })
    }
}

/// Runs one connection: requests in, answers and notifications out.
async fn serve(shared: Arc<Shared>, mut conn: FakeConnection) {
    let index = conn.index();
    let (tx, mut rx) = mpsc::unbounded_channel();
    lock(&shared.links).insert(index, tx);
    let mut link = LinkState::default();
    let close = loop {
        let after = tokio::select! {
            // Pushes queued earlier go out before the answer to a later request.
            biased;
            Some(out) = rx.recv() => match out {
                Outbound::Frame(frame) => {
                    shared.record(index, Direction::ToClient, &frame);
                    if conn.send(frame).await.is_err() { After::Drop } else { After::Continue }
                }
                Outbound::Drop => After::Drop,
                Outbound::Close(code, reason) => {
                    lock(&shared.links).remove(&index);
                    lock(&shared.state).sessions.remove(&index);
                    conn.close(code, &reason).await;
                    return;
                }
            },
            frame = conn.recv() => {
                let Some(frame) = frame else { break false };
                shared.record(index, Direction::FromClient, &frame);
                let (frames, after) = shared.process(index, &mut link, &frame);
                let mut sent = true;
                for frame in frames {
                    shared.record(index, Direction::ToClient, &frame);
                    if conn.send(frame).await.is_err() {
                        sent = false;
                        break;
                    }
                }
                if sent { after } else { After::Drop }
            }
        };
        match after {
            After::Continue => {}
            After::Drop => break false,
            After::Close => break true,
        }
    };
    lock(&shared.links).remove(&index);
    lock(&shared.state).sessions.remove(&index);
    if close {
        conn.close(1003, "unsupported framing").await;
    } else {
        conn.abort();
    }
}

/// A protocol-aware fake messenger server for tests (see the [module docs](self)).
pub struct FakeMessengerServer {
    ws: FakeWsServer,
    shared: Arc<Shared>,
}

impl fmt::Debug for FakeMessengerServer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FakeMessengerServer")
            .field("url", &self.url())
            .field("framing", &self.shared.framing.describe())
            .field("connections", &self.connections())
            .finish_non_exhaustive()
    }
}

impl FakeMessengerServer {
    /// Options: server version, SMS codes, fault injection.
    pub fn builder(framing: impl Framing + 'static) -> FakeMessengerServerBuilder {
        FakeMessengerServerBuilder {
            framing: Arc::new(framing),
            server_version: crate::protocol::DEFAULT_CLIENT_VERSION.to_owned(),
            sms_code: None,
            intercept: None,
            on_bad_frame: BadFrame::default(),
        }
    }

    /// A server speaking `framing`, with the defaults.
    ///
    /// # Errors
    ///
    /// The bind error.
    pub async fn start(framing: impl Framing + 'static) -> std::io::Result<Self> {
        Self::builder(framing).start().await
    }

    /// `ws://127.0.0.1:PORT/`.
    pub fn url(&self) -> String {
        self.ws.url()
    }

    /// WebSocket connections accepted so far.
    pub fn connections(&self) -> usize {
        self.ws.connections()
    }

    /// Every upgrade request received so far.
    pub fn upgrade_requests(&self) -> Vec<UpgradeRequest> {
        self.ws.upgrade_requests()
    }

    /// Connections currently authenticated as `user`.
    pub fn sessions_of(&self, user: &UserId) -> usize {
        lock(&self.shared.state)
            .sessions
            .values()
            .filter(|u| *u == user)
            .count()
    }

    /// The latest SMS code sent to `phone` (registration, account deletion, key update).
    pub fn sms_code(&self, phone: &str) -> Option<Secret> {
        lock(&self.shared.state).sms.get(phone).cloned()
    }

    /// Every frame received and sent so far, in order.
    pub fn frames(&self) -> Vec<RecordedFrame> {
        lock(&self.shared.frames).clone()
    }

    /// Creates a user with a confirmed application (an Android device) without the SMS round
    /// trip, and returns its credentials. A `phone` that is not an E.164 number is used as the
    /// user id as it is.
    pub fn add_user(&self, phone: &str) -> Credentials {
        let user_id = UserId::from_e164(phone).unwrap_or_else(|_| UserId::from_wire(phone));
        let application_id = ApplicationId::random();
        let now = Timestamp::now();
        let device = DeviceInfo::new(ApplicationType::Android, "SM-A336B", "SDK 34", "samsung");
        let mut application =
            Application::new(application_id.clone(), user_id.clone(), device, now);
        application.confirmed = true;
        let mut state = lock(&self.shared.state);
        state.users.insert(
            user_id.clone(),
            UserRecord {
                user: User::new(user_id.clone(), now, now, now, now),
                phone: phone.to_owned(),
            },
        );
        state.applications.insert(
            application_id.clone(),
            AppRecord {
                application,
                sms_code: Secret::new(""),
            },
        );
        Credentials::new(user_id, application_id)
    }

    /// The user, as stored.
    pub fn user(&self, user: &UserId) -> Option<User> {
        lock(&self.shared.state)
            .users
            .get(user)
            .map(|record| record.user.clone())
    }

    /// The messages of a conversation, as stored (ciphertext).
    pub fn messages(&self, conversation: &ConversationUuid) -> Vec<Message> {
        lock(&self.shared.state)
            .messages
            .get(&conversation.as_str().to_ascii_lowercase())
            .map(|messages| messages.iter().map(|m| m.message.clone()).collect())
            .unwrap_or_default()
    }

    /// Every session-key copy stored.
    pub fn session_keys(&self) -> Vec<SessionKey> {
        lock(&self.shared.state).session_keys.clone()
    }

    /// Adds a file to a message (the upload channel is not part of the protocol's document),
    /// for `RequestGetFiles`/`RequestGetFilesFast`.
    pub fn add_file(&self, conversation: &ConversationUuid, message: &MessageUuid, file: FileInfo) {
        lock(&self.shared.state)
            .files
            .entry((
                conversation.as_str().to_ascii_lowercase(),
                message.as_str().to_ascii_lowercase(),
            ))
            .or_default()
            .push(file);
    }

    /// Pushes a notification to every connection authenticated as `user`; returns how many
    /// were reached.
    pub fn push(&self, user: &UserId, notification: impl Into<Notification>) -> usize {
        self.shared.deliver(user, None, notification.into())
    }

    /// Sends a raw frame on connection `connection`; false if it is gone.
    pub fn push_frame(&self, connection: usize, frame: WsFrame) -> bool {
        lock(&self.shared.links)
            .get(&connection)
            .is_some_and(|link| link.send(Outbound::Frame(frame)).is_ok())
    }

    /// Drops every open connection abruptly (no close frame); returns how many.
    pub fn disconnect_all(&self) -> usize {
        lock(&self.shared.links)
            .values()
            .filter(|link| link.send(Outbound::Drop).is_ok())
            .count()
    }

    /// Closes every open connection with `code` and `reason`; returns how many.
    pub fn close_all(&self, code: u16, reason: &str) -> usize {
        lock(&self.shared.links)
            .values()
            .filter(|link| link.send(Outbound::Close(code, reason.to_owned())).is_ok())
            .count()
    }
}

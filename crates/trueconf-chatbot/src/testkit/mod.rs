//! Test helpers (feature `testkit`): [`FakeTrueConfServer`], a stateful fake TrueConf server
//! for your own tests.
//!
//! One TCP port on 127.0.0.1 serves, like TrueConf's Bridge:
//!
//! - `GET /api/v4/server` (version `5.5.6`, so the official Python client accepts it too);
//! - the token endpoints: the password grant `POST /bridge/api/client/v1/oauth/token` (`201`),
//!   and the three steps of the OAuth application flow;
//! - the file upload `POST /bridge/api/client/v1/files` and the download URLs it hands out;
//! - the WebSocket API on `/websocket/chat_bot` and `/websocket/chat_bot/` (subprotocol
//!   `json.v1` selected when offered): every method of this crate, on in-memory users, chats,
//!   participants with roles, messages and files, with the server's error codes (200 before
//!   `auth`, 201/202/203/204 from `auth`, 302 unknown user, 303 not enough rights, 304 unknown
//!   chat, 305 not a participant, 306 unknown message, 308 unknown file, 309 already a
//!   participant, 310 upload limits, 312 unknown role, 399 bad payload, 104 unknown method),
//!   and notifications pushed to the other participants' connections (each acknowledgement
//!   is counted).
//!
//! Scripted users ([`FakeUser`]) act without a connection of their own: they start chats,
//! send messages, press buttons and upload files, and the bot gets the notifications. Tests
//! look at what the bot did with [`FakeTrueConfServer::messages`],
//! [`FakeTrueConfServer::requests`] and the waiting helpers. Faults are switched on at any
//! time: drop connections, go silent (no answers, no pongs), answer out of order, truncate
//! answers, inject raw frames.
//!
//! ```
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> trueconf_chatbot::Result<()> {
//! use trueconf_chatbot::Update;
//! use trueconf_chatbot::model::TextContent;
//! use trueconf_chatbot::testkit::FakeTrueConfServer;
//!
//! let server = FakeTrueConfServer::start().await?;
//! let alice = server.add_user("alice", "Alice Liddell");
//! let client = server.bot_client().connect().await?;
//! let mut updates = client.updates().expect("first taker");
//!
//! // Alice writes to the bot; the bot gets the notification and answers.
//! let chat = alice.create_p2p_chat_with_bot()?;
//! alice.send_text(&chat, "ping")?;
//! let Some(Update::Notification(delivery)) = updates.recv().await else { panic!() };
//! assert_eq!(delivery.method, "createP2PChat");
//! let Some(Update::Notification(delivery)) = updates.recv().await else { panic!() };
//! let message = delivery.message().expect("a message");
//! assert_eq!(message.text(), Some("ping"));
//! client.reply(message, TextContent::plain("pong")).await?;
//!
//! // What the bot sent, as the server stored it.
//! let answer = server.next_message_from_bot(&chat).await;
//! assert_eq!(answer.text(), Some("pong"));
//! assert_eq!(answer.reply_message_id, Some(message.message_id.clone()));
//! # client.shutdown().await;
//! # Ok(())
//! # }
//! ```

mod jwt;
mod server;
mod state;

use crate::api::notifications::{CommandNotification, CommandPayload, CommandSource, Notification};
use crate::client::{ClientBuilder, Scheme};
use crate::error::{ApiError, Result};
use crate::model::{
    ChatId, ChatType, Envelope, EnvelopeContent, FileId, FileReadyState, FileUploadLimits,
    MessageId, Role, TextContent, UserId,
};
use bytes::Bytes;
use server::{Shared, accept_loop, lock};
use state::{Options, Outbound, State, TemporalFile};
use std::collections::BTreeMap;
use std::fmt;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicI64, AtomicU64, Ordering};
use std::time::Duration;
use tokio::net::TcpListener;
use tokio::sync::watch;
use transport_core::Secret;

pub use state::RecordedRequest;

/// The bot account every fake has: login `bot`, this password.
pub const BOT_PASSWORD: &str = "bot-password";
/// The server name (and user id domain) of a fake unless configured.
pub const SERVER_NAME: &str = "video.example.com";
/// The version `GET /api/v4/server` reports unless configured.
pub const SERVER_VERSION: &str = "5.5.6";

/// A WebSocket upgrade the fake received.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct UpgradeRecord {
    /// The path (`/websocket/chat_bot/`).
    pub path: String,
    /// The subprotocols offered.
    pub subprotocols: Vec<String>,
    /// The `User-Agent`.
    pub user_agent: Option<String>,
}

/// An HTTP request the fake received (the WebSocket upgrades included).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct RecordedHttp {
    /// The method.
    pub method: String,
    /// The path.
    pub path: String,
}

/// Faults that can be switched on while the fake runs.
pub(crate) struct Faults {
    pub(crate) silent: watch::Sender<bool>,
    pub(crate) out_of_order: AtomicBool,
    /// Drop the connection at the n-th request from now (0: off).
    drop_countdown: AtomicI64,
    /// Answers still to truncate.
    truncate: AtomicU64,
}

impl Faults {
    fn new() -> Self {
        Self {
            silent: watch::Sender::new(false),
            out_of_order: AtomicBool::new(false),
            drop_countdown: AtomicI64::new(0),
            truncate: AtomicU64::new(0),
        }
    }

    /// Counts a request down; true when it is the one to drop the connection at.
    pub(crate) fn drop_now(&self) -> bool {
        self.drop_countdown
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |n| {
                (n > 0).then(|| n - 1)
            })
            .is_ok_and(|before| before == 1)
    }

    /// True when this answer is to be truncated.
    pub(crate) fn truncate_now(&self) -> bool {
        self.truncate
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |n| n.checked_sub(1))
            .is_ok()
    }
}

/// Configures a [`FakeTrueConfServer`].
#[derive(Debug, Clone)]
#[must_use]
pub struct FakeTrueConfServerBuilder {
    options: Options,
    password_login: bool,
    bot_password: String,
}

impl Default for FakeTrueConfServerBuilder {
    fn default() -> Self {
        Self {
            options: Options {
                server_name: SERVER_NAME.to_owned(),
                version: SERVER_VERSION.to_owned(),
                token_lifetime: 31_536_000,
                record_requests: true,
            },
            password_login: true,
            bot_password: BOT_PASSWORD.to_owned(),
        }
    }
}

impl FakeTrueConfServerBuilder {
    /// The server name: the `display_name` of `/api/v4/server` and the domain of user ids.
    pub fn server_name(mut self, name: impl Into<String>) -> Self {
        self.options.server_name = name.into();
        self
    }

    /// The version `/api/v4/server` reports.
    pub fn version(mut self, version: impl Into<String>) -> Self {
        self.options.version = version.into();
        self
    }

    /// The lifetime of issued tokens (default one year).
    pub fn token_lifetime(mut self, lifetime: Duration) -> Self {
        self.options.token_lifetime = lifetime.as_secs();
        self
    }

    /// Whether the password grant works (default true; false answers `403`
    /// `auth_method_disabled`, as servers with password login disabled do).
    pub fn password_login(mut self, enabled: bool) -> Self {
        self.password_login = enabled;
        self
    }

    /// The bot account's password (default [`BOT_PASSWORD`]).
    pub fn bot_password(mut self, password: impl Into<String>) -> Self {
        self.bot_password = password.into();
        self
    }

    /// Whether requests are recorded for [`FakeTrueConfServer::requests`] (default true;
    /// benchmarks turn it off).
    pub fn record_requests(mut self, record: bool) -> Self {
        self.options.record_requests = record;
        self
    }

    /// Starts the fake on 127.0.0.1 (a free port), on the current tokio runtime.
    ///
    /// # Errors
    ///
    /// [`Error::Transport`](crate::Error::Transport) when no port can be bound.
    pub async fn start(self) -> Result<FakeTrueConfServer> {
        let listener =
            TcpListener::bind("127.0.0.1:0")
                .await
                .map_err(|e| transport_core::Error::Connect {
                    target: "127.0.0.1:0".to_owned(),
                    message: format!("cannot bind the fake server: {e}"),
                    source: None,
                })?;
        let port = listener
            .local_addr()
            .map_err(|e| transport_core::Error::Connect {
                target: "127.0.0.1:0".to_owned(),
                message: e.to_string(),
                source: None,
            })?
            .port();
        let base_url = format!("http://127.0.0.1:{port}");
        let mut state = State::new(self.options, base_url.clone());
        state.password_login = self.password_login;
        let bot = state.add_user("bot", &self.bot_password, "Bot");
        let shared = Arc::new(Shared {
            state: std::sync::Mutex::new(state),
            changed: tokio::sync::Notify::new(),
            faults: Faults::new(),
            next_connection: AtomicU64::new(0),
            upgrades: std::sync::Mutex::new(Vec::new()),
            http_requests: std::sync::Mutex::new(Vec::new()),
            tasks: std::sync::Mutex::new(Vec::new()),
        });
        let accept = tokio::spawn(accept_loop(listener, Arc::clone(&shared)));
        lock(&shared.tasks).push(accept.abort_handle());
        Ok(FakeTrueConfServer {
            shared,
            port,
            base_url,
            bot: UserId::new(bot),
            bot_password: Secret::new(self.bot_password),
            cursors: std::sync::Mutex::new(BTreeMap::new()),
        })
    }
}

/// A stateful fake TrueConf server on 127.0.0.1; see the [module docs](self). Stops when
/// dropped.
pub struct FakeTrueConfServer {
    shared: Arc<Shared>,
    port: u16,
    base_url: String,
    bot: UserId,
    bot_password: Secret,
    /// Per chat: how many of the bot's messages [`FakeTrueConfServer::next_message_from_bot`]
    /// already returned.
    cursors: std::sync::Mutex<BTreeMap<String, usize>>,
}

impl fmt::Debug for FakeTrueConfServer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FakeTrueConfServer")
            .field("base_url", &self.base_url)
            .field("connections", &self.connections())
            .finish_non_exhaustive()
    }
}

impl Drop for FakeTrueConfServer {
    fn drop(&mut self) {
        for task in lock(&self.shared.tasks).drain(..) {
            task.abort();
        }
    }
}

impl FakeTrueConfServer {
    /// A fake with the defaults (server `video.example.com`, version 5.5.6, a bot account
    /// `bot` with password [`BOT_PASSWORD`]).
    ///
    /// # Errors
    ///
    /// As [`FakeTrueConfServerBuilder::start`].
    pub async fn start() -> Result<Self> {
        Self::builder().start().await
    }

    /// A builder.
    pub fn builder() -> FakeTrueConfServerBuilder {
        FakeTrueConfServerBuilder::default()
    }

    /// The port (HTTP and WebSocket).
    pub fn port(&self) -> u16 {
        self.port
    }

    /// `http://127.0.0.1:<port>`.
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// The bot account's id (`bot@video.example.com`).
    pub fn bot_id(&self) -> UserId {
        self.bot.clone()
    }

    /// A client builder for the bot account: plain HTTP on the fake's port, the password
    /// grant, and no HTTP timers (so it also works on paused tokio time).
    pub fn bot_client(&self) -> ClientBuilder {
        self.client_base()
            .credentials("bot", self.bot_password.clone())
    }

    /// A client builder pointed at the fake, without credentials.
    pub fn client_base(&self) -> ClientBuilder {
        crate::Client::builder("127.0.0.1")
            .scheme(Scheme::Http)
            .port(self.port)
            .http(|b| b.without_timeouts().no_proxy())
    }

    /// A user's full id from a login or bare id (`alice` → `alice@video.example.com`).
    pub fn user_id(&self, login: &str) -> UserId {
        let state = self.shared.state();
        UserId::new(
            state
                .resolve_user(login)
                .unwrap_or_else(|| format!("{login}@{}", state.options.server_name)),
        )
    }

    /// Adds a user (password `<login>-password`) and returns a handle acting as them.
    pub fn add_user(&self, login: &str, display_name: &str) -> FakeUser {
        let password = format!("{login}-password");
        let id = self.shared.state().add_user(login, &password, display_name);
        FakeUser {
            shared: Arc::clone(&self.shared),
            id,
            bot: self.bot.as_str().to_owned(),
        }
    }

    /// A handle acting as an existing user (the bot included).
    pub fn user(&self, login: &str) -> Option<FakeUser> {
        let id = self.shared.state().resolve_user(login)?;
        Some(FakeUser {
            shared: Arc::clone(&self.shared),
            id,
            bot: self.bot.as_str().to_owned(),
        })
    }

    /// Disables (or enables) a user: `auth` answers 202, the password grant 401.
    pub fn set_user_disabled(&self, login: &str, disabled: bool) {
        let mut state = self.shared.state();
        if let Some(id) = state.resolve_user(login)
            && let Some(user) = state.users.get_mut(&id)
        {
            user.disabled = disabled;
        }
    }

    /// Issues a token for a user, valid for the configured lifetime.
    pub fn issue_token(&self, login: &str) -> Secret {
        let mut state = self.shared.state();
        let id = state.resolve_user(login).unwrap_or_default();
        let lifetime = i64::try_from(state.options.token_lifetime).unwrap_or(i64::MAX);
        Secret::new(state.mint_token(&id, lifetime))
    }

    /// Issues a token whose `exp` has already passed (fails the local check).
    pub fn issue_expired_token(&self, login: &str) -> Secret {
        let mut state = self.shared.state();
        let id = state.resolve_user(login).unwrap_or_default();
        Secret::new(state.mint_token(&id, -60))
    }

    /// Marks every token issued so far as expired on the server (the next `auth` with one
    /// answers 203), while they still look valid locally.
    pub fn expire_tokens(&self) {
        for token in self.shared.state().tokens.values_mut() {
            token.expired = true;
        }
    }

    /// Registers an OAuth application for the three-step flow; `scoped: false` makes step 1
    /// answer `400` with reason `invalidScope`.
    pub fn add_oauth_app(&self, client_id: &str, scoped: bool) {
        self.shared
            .state()
            .oauth_apps
            .insert(client_id.to_owned(), scoped);
    }

    /// Sets the upload limits (`getFileUploadLimits`) and notifies every connection.
    pub fn set_upload_limits(&self, limits: FileUploadLimits) {
        let mut state = self.shared.state();
        state.limits = limits.clone();
        let users: Vec<String> = state.users.keys().cloned().collect();
        for user in users {
            state.notify(&user, &Notification::UploadLimitsChanged(limits.clone()));
        }
    }

    /// The messages of a chat, oldest first.
    pub fn messages(&self, chat: &ChatId) -> Vec<Envelope> {
        self.shared
            .state()
            .chats
            .get(chat.as_str())
            .map(|c| c.messages.clone())
            .unwrap_or_default()
    }

    /// A chat's type, title and participants with their roles.
    pub fn chat(&self, chat: &ChatId) -> Option<FakeChat> {
        self.shared
            .state()
            .chats
            .get(chat.as_str())
            .map(|c| FakeChat {
                kind: c.kind,
                title: c.title.clone(),
                participants: c.participants.clone(),
                avatar_url: c.avatar_url.clone(),
            })
    }

    /// The ids of every chat, in creation order.
    pub fn chat_ids(&self) -> Vec<ChatId> {
        let state = self.shared.state();
        let mut chats: Vec<_> = state.chats.values().collect();
        chats.sort_by_key(|c| c.order);
        chats
            .into_iter()
            .map(|c| ChatId::new(c.id.clone()))
            .collect()
    }

    /// Every request received so far, in order.
    pub fn requests(&self) -> Vec<RecordedRequest> {
        self.shared.state().requests.clone()
    }

    /// The `answerCommand`s received.
    pub fn command_answers(&self) -> Vec<crate::api::commands::AnswerCommand> {
        self.shared.state().answers.clone()
    }

    /// Every WebSocket upgrade received.
    pub fn upgrades(&self) -> Vec<UpgradeRecord> {
        lock(&self.shared.upgrades).clone()
    }

    /// Every HTTP request received.
    pub fn http_requests(&self) -> Vec<RecordedHttp> {
        lock(&self.shared.http_requests).clone()
    }

    /// Open WebSocket connections.
    pub fn connections(&self) -> usize {
        self.shared.state().connections.len()
    }

    /// Successful `auth`s so far.
    pub fn authentications(&self) -> u64 {
        self.shared.state().authentications
    }

    /// Notification acknowledgements received so far.
    pub fn acks(&self) -> u64 {
        self.shared.state().acks
    }

    /// Notifications sent to `login`'s open connections and not acknowledged yet.
    pub fn unacked(&self, login: &str) -> usize {
        let state = self.shared.state();
        let id = state.resolve_user(login);
        state
            .connections
            .values()
            .filter(|c| c.user == id)
            .map(|c| c.unacked.len())
            .sum()
    }

    /// A stored file's bytes and ready state.
    pub fn file(&self, file: &FileId) -> Option<(Bytes, FileReadyState)> {
        self.shared
            .state()
            .files
            .get(file.as_str())
            .map(|f| (f.bytes.clone(), f.state))
    }

    /// Waits until `condition` holds on the fake's state (checked after every change).
    async fn wait_until<T>(
        &self,
        mut condition: impl FnMut(&FakeTrueConfServer) -> Option<T>,
    ) -> T {
        loop {
            let changed = self.shared.changed.notified();
            tokio::pin!(changed);
            changed.as_mut().enable();
            if let Some(value) = condition(self) {
                return value;
            }
            changed.await;
        }
    }

    /// Waits until `chat` holds at least `count` messages and returns them.
    pub async fn wait_for_messages(&self, chat: &ChatId, count: usize) -> Vec<Envelope> {
        self.wait_until(|s| {
            let messages = s.messages(chat);
            (messages.len() >= count).then_some(messages)
        })
        .await
    }

    /// Waits for the bot's next message in `chat` (each call returns the next one).
    pub async fn next_message_from_bot(&self, chat: &ChatId) -> Envelope {
        let seen = lock(&self.cursors).get(chat.as_str()).copied().unwrap_or(0);
        let bot = self.bot.as_str().to_owned();
        let message = self
            .wait_until(|s| {
                s.messages(chat)
                    .into_iter()
                    .filter(|m| m.author.id == bot)
                    .nth(seen)
            })
            .await;
        lock(&self.cursors).insert(chat.as_str().to_owned(), seen + 1);
        message
    }

    /// Waits until `count` authentications have happened in all.
    pub async fn wait_for_authentications(&self, count: u64) {
        self.wait_until(|s| (s.authentications() >= count).then_some(()))
            .await;
    }

    /// Waits until `count` acknowledgements have arrived in all.
    pub async fn wait_for_acks(&self, count: u64) {
        self.wait_until(|s| (s.acks() >= count).then_some(())).await;
    }

    /// Waits until `count` requests with `method` have arrived in all.
    pub async fn wait_for_requests(&self, method: &str, count: usize) {
        self.wait_until(|s| {
            let seen = s
                .shared
                .state()
                .requests
                .iter()
                .filter(|r| r.method == method)
                .count();
            (seen >= count).then_some(())
        })
        .await;
    }

    // ---- faults ---------------------------------------------------------------------------

    /// Drops every WebSocket connection without a close frame.
    pub fn drop_connections(&self) {
        for conn in self.shared.state().connections.values() {
            let _ = conn.sender.send(Outbound::Drop);
        }
    }

    /// Closes every WebSocket connection with `code`.
    pub fn close_connections(&self, code: u16) {
        for conn in self.shared.state().connections.values() {
            let _ = conn.sender.send(Outbound::Close(code));
        }
    }

    /// Drops the connection that carries the `n`-th request from now (1 = the next one),
    /// without answering it.
    pub fn drop_at_request(&self, n: u32) {
        self.shared
            .faults
            .drop_countdown
            .store(i64::from(n), Ordering::Release);
    }

    /// Silent: the fake stops reading its connections (requests unanswered, pings
    /// unanswered) until switched off.
    pub fn set_silent(&self, silent: bool) {
        self.shared.faults.silent.send_replace(silent);
    }

    /// Answers each batch of requests read together in reverse order.
    pub fn set_out_of_order(&self, reverse: bool) {
        self.shared
            .faults
            .out_of_order
            .store(reverse, Ordering::Release);
    }

    /// Truncates the next `count` answers to half their length (invalid JSON).
    pub fn truncate_answers(&self, count: u64) {
        self.shared.faults.truncate.store(count, Ordering::Release);
    }

    /// Answers the next request with `method` (from any connection) with error `code`.
    pub fn fail_next(&self, method: &str, code: crate::model::ErrorCode) {
        self.shared
            .state()
            .fail_next
            .insert(method.to_owned(), code);
    }

    /// Sends a raw text frame to every connection of `login`; returns how many got it.
    pub fn inject(&self, login: &str, text: &str) -> usize {
        let mut state = self.shared.state();
        let Some(id) = state.resolve_user(login) else {
            return 0;
        };
        state.send_raw(&id, text)
    }

    /// Pushes a notification to every connection of `login`.
    pub fn notify(&self, login: &str, notification: &Notification) {
        let mut state = self.shared.state();
        if let Some(id) = state.resolve_user(login) {
            state.notify(&id, notification);
        }
    }
}

/// A chat as the fake stores it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct FakeChat {
    /// The type.
    pub kind: ChatType,
    /// The title.
    pub title: String,
    /// Participants (full ids) and their roles.
    pub participants: BTreeMap<String, Role>,
    /// The avatar URL, if set.
    pub avatar_url: Option<String>,
}

/// Acts as one user of a [`FakeTrueConfServer`], without a connection: every action changes
/// the fake's state and notifies the other participants' connections, like the same request
/// from a real client would.
#[derive(Clone)]
pub struct FakeUser {
    shared: Arc<Shared>,
    id: String,
    bot: String,
}

impl fmt::Debug for FakeUser {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FakeUser").field("id", &self.id).finish()
    }
}

/// An upload in progress (see [`FakeUser::start_upload`]).
#[derive(Clone)]
pub struct FakeUpload {
    shared: Arc<Shared>,
    /// The file (readyState UPLOADING until finished).
    pub file_id: FileId,
    /// The message carrying it.
    pub message_id: MessageId,
}

impl fmt::Debug for FakeUpload {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FakeUpload")
            .field("file_id", &self.file_id)
            .field("message_id", &self.message_id)
            .finish_non_exhaustive()
    }
}

impl FakeUpload {
    /// Moves the upload to `bytes` and notifies the subscribed connections.
    pub fn progress(&self, bytes: u64) {
        self.shared
            .state()
            .upload_progress(self.file_id.as_str(), bytes);
        self.shared.changed.notify_waiters();
    }

    /// Completes the upload: progress at the full size, then READY.
    pub fn finish(&self) {
        let mut state = self.shared.state();
        let size = state.files.get(self.file_id.as_str()).map_or(0, |f| f.size);
        state.upload_progress(self.file_id.as_str(), size);
        if let Some(file) = state.files.get_mut(self.file_id.as_str()) {
            file.state = FileReadyState::Ready;
        }
        drop(state);
        self.shared.changed.notify_waiters();
    }
}

impl FakeUser {
    /// The user's full id.
    pub fn id(&self) -> UserId {
        UserId::new(self.id.clone())
    }

    fn done<T>(&self, value: T) -> Result<T> {
        self.shared.changed.notify_waiters();
        Ok(value)
    }

    /// Calls a method as this user, as if sent over a connection of theirs.
    ///
    /// # Errors
    ///
    /// [`Error::Api`](crate::Error::Api) with the fake's error code.
    pub fn call<M: crate::Method>(&self, request: &M) -> Result<M::Response> {
        let body = serde_json::to_value(request)
            .map_err(|e| transport_core::Error::invalid_input(M::NAME, e.to_string()))?;
        let reply = {
            let mut state = self.shared.state();
            // A connection number no real connection has.
            state.act_as(&self.id, M::NAME, &body)
        };
        self.shared.changed.notify_waiters();
        match reply {
            Ok(value) => Ok(crate::codec::decode_payload::<M>(value)?),
            Err(refusal) => Err(
                ApiError::new(refusal.code, Some(refusal.description.to_owned()))
                    .into_error(M::NAME),
            ),
        }
    }

    /// Starts a personal chat with the bot (the bot gets `createP2PChat`).
    ///
    /// # Errors
    ///
    /// [`Error::Api`](crate::Error::Api) from the fake.
    pub fn create_p2p_chat_with_bot(&self) -> Result<ChatId> {
        let created = self.call(&crate::api::chats::CreateP2pChat::new(UserId::new(
            self.bot.clone(),
        )))?;
        self.done(created.chat_id)
    }

    /// Creates a group chat owned by this user with the bot in it (the bot gets
    /// `createGroupChat`).
    ///
    /// # Errors
    ///
    /// [`Error::Api`](crate::Error::Api) from the fake.
    pub fn create_group_chat_with_bot(&self, title: &str) -> Result<ChatId> {
        let created = self.call(&crate::api::chats::CreateGroupChat::new(title))?;
        self.call(&crate::api::chats::AddChatParticipant::new(
            created.chat_id.clone(),
            UserId::new(self.bot.clone()),
        ))?;
        self.done(created.chat_id)
    }

    /// Sends a text message (the other participants get `sendMessage`).
    ///
    /// # Errors
    ///
    /// [`Error::Api`](crate::Error::Api) (304 unknown chat, 305 not a participant).
    pub fn send_text(&self, chat: &ChatId, text: &str) -> Result<MessageId> {
        let sent = self.call(&crate::api::messages::SendMessage::new(
            chat.clone(),
            TextContent::plain(text),
        ))?;
        self.done(sent.message_id)
    }

    /// Sends a file that is READY at once (the other participants get a `sendMessage` with
    /// an attachment). Returns the message and the file id.
    ///
    /// # Errors
    ///
    /// [`Error::Api`](crate::Error::Api) (304, 305).
    pub fn send_file(
        &self,
        chat: &ChatId,
        name: &str,
        mime_type: &str,
        bytes: impl Into<Bytes>,
    ) -> Result<(MessageId, FileId)> {
        self.post_file(chat, name, mime_type, bytes.into(), FileReadyState::Ready)
            .map(|u| (u.message_id, u.file_id))
    }

    /// Starts sending a file whose upload is still running (readyState UPLOADING): move it
    /// with [`FakeUpload::progress`] and complete it with [`FakeUpload::finish`].
    ///
    /// # Errors
    ///
    /// [`Error::Api`](crate::Error::Api) (304, 305).
    pub fn start_upload(
        &self,
        chat: &ChatId,
        name: &str,
        mime_type: &str,
        bytes: impl Into<Bytes>,
    ) -> Result<FakeUpload> {
        self.post_file(
            chat,
            name,
            mime_type,
            bytes.into(),
            FileReadyState::Uploading,
        )
    }

    fn post_file(
        &self,
        chat: &ChatId,
        name: &str,
        mime_type: &str,
        bytes: Bytes,
        ready: FileReadyState,
    ) -> Result<FakeUpload> {
        let mut state = self.shared.state();
        state.check_member(chat, &self.id)?;
        let file_id = state.store_file(
            &TemporalFile {
                name: name.to_owned(),
                mime_type: mime_type.to_owned(),
                bytes,
            },
            ready,
        );
        let attachment = state.attachment(&file_id);
        let envelope = state.post(
            chat.as_str(),
            &self.id,
            EnvelopeContent::Attachment(attachment),
            None,
        );
        drop(state);
        self.done(FakeUpload {
            shared: Arc::clone(&self.shared),
            file_id: FileId::new(file_id),
            message_id: envelope.message_id,
        })
    }

    /// Presses an inline command button of `message` (the bot gets a `command`
    /// notification); returns the command id for `answerCommand`.
    ///
    /// # Errors
    ///
    /// [`Error::Api`](crate::Error::Api) 306 when the message does not exist.
    pub fn press_button(&self, message: &MessageId, command: &str) -> Result<String> {
        let mut state = self.shared.state();
        let Some(envelope) = state.find_message(message) else {
            return Err(
                ApiError::new(crate::model::ErrorCode::MessageNotFound, None).into_error("command"),
            );
        };
        let command_id = format!("cmd-{}", state.commands.len() + 1);
        state.commands.insert(command_id.clone(), self.id.clone());
        let mut source = CommandSource::new("message");
        source.message = Some(envelope.clone());
        let mut notification =
            CommandNotification::new(source, CommandPayload::new("command", command));
        notification.command_id = Some(command_id.clone());
        let author = envelope.author.id.clone();
        state.notify(&author, &Notification::Command(Box::new(notification)));
        drop(state);
        self.done(command_id)
    }

    /// A token for this user (to connect a second client as them).
    pub fn token(&self) -> Secret {
        let mut state = self.shared.state();
        let lifetime = i64::try_from(state.options.token_lifetime).unwrap_or(i64::MAX);
        Secret::new(state.mint_token(&self.id, lifetime))
    }
}

impl State {
    /// Runs `method` for `user` outside any connection.
    fn act_as(
        &mut self,
        user: &str,
        method: &str,
        body: &serde_json::Value,
    ) -> std::result::Result<serde_json::Value, state::Refusal> {
        const SCRIPTED: u64 = u64::MAX;
        let (sender, _receiver) = tokio::sync::mpsc::unbounded_channel();
        self.connect(SCRIPTED, sender);
        if let Some(conn) = self.connections.get_mut(&SCRIPTED) {
            conn.user = Some(user.to_owned());
        }
        // Scripted actions are not requests anyone sent over the wire.
        let record = std::mem::replace(&mut self.options.record_requests, false);
        let reply = self.handle(SCRIPTED, 0, method, body.clone());
        self.options.record_requests = record;
        self.disconnect(SCRIPTED);
        reply
    }

    fn check_member(&self, chat: &ChatId, user: &str) -> Result<()> {
        match self.chats.get(chat.as_str()) {
            None => {
                Err(ApiError::new(crate::model::ErrorCode::ChatNotFound, None)
                    .into_error("sendFile"))
            }
            Some(c) if !c.participants.contains_key(user) => Err(ApiError::new(
                crate::model::ErrorCode::UserIsNotChatParticipant,
                None,
            )
            .into_error("sendFile")),
            Some(_) => Ok(()),
        }
    }
}

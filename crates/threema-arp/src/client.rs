//! [`ArpClient`]: pair with the Threema app through a SaltyRTC server, then talk ARP with
//! typed calls and a stream of typed updates; reconnects and resumes on its own.

use crate::api::{
    ArpMessage, BlobData, ClientInfo, CreateContact, CreateDistributionList, CreateFileMessage,
    CreateGroup, CreateTextMessage, DeleteCleanReceiverConversation, DeleteDistributionList,
    DeleteGroup, DeleteMessage, DeleteType, DisconnectReason, Frame, Profile, ReceiverLists,
    RequestAck, RequestAvatar, RequestBlob, RequestClientInfo, RequestContactDetail,
    RequestConversations, RequestGroupSync, RequestKeyPersisted, RequestMessages, RequestProfile,
    RequestRead, RequestReceivers, RequestThumbnail, ResponseMessages, UpdateContact,
    UpdateDistributionList, UpdateGroup,
};
use crate::connection::Role;
use crate::error::{Error, Result};
use crate::model::{
    Capabilities, Contact, ContactDetails, Conversation, DistributionList, Group, ImageFormat,
    MessageRef, ReceiverRef, ReceiverType,
};
use crate::qr::{AuthToken, QrPayload};
use crate::saltyrtc::{KEY_LENGTH, KeyPair, to_hex};
use crate::session::driver::{self, Command, PeerRole};
use crate::session::{ProgressState, ServerConfig, SessionConfig, SessionState, Transfer, Update};
use std::collections::BTreeSet;
use std::fmt;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;
use tokio::sync::{mpsc, oneshot, watch};
use transport_core::ws::{Notifications, OverflowPolicy, notification_channel};

/// The stream of [`Update`]s of an [`ArpClient`]: messages the app pushes, and session
/// events. Items are [`NotificationItem`](transport_core::ws::NotificationItem)s: when the
/// consumer falls behind, the oldest updates are dropped and a `Lagged { missed }` item says
/// how many, where the gap is.
pub type Updates = Notifications<Update>;

/// Settings of an [`ArpClient`].
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct ArpConfig {
    /// The SaltyRTC server.
    pub server: ServerConfig,
    /// Keep-alive, timeouts, reconnects, the connection layer.
    pub session: SessionConfig,
    /// Time limit of a call (from sending until the app's answer). Default 30 s.
    pub request_timeout: Duration,
    /// Time limit of a file upload or blob download. Default 10 min.
    pub transfer_timeout: Duration,
    /// How long [`Pairing::connect`] and [`ArpClient::reconnect`] wait for the app; `None`
    /// waits until the session closes. Default 5 min.
    pub connect_timeout: Option<Duration>,
    /// The `userAgent` sent in `request/clientInfo`.
    pub user_agent: String,
    /// The QR code's persistent-session flag (the user set a password).
    pub persistent: bool,
    /// The QR code's self-hosted flag.
    pub self_hosted: bool,
    /// Size limits checked before sending, until the app announces its own in
    /// `response/clientInfo` ([`ArpClient::client_info`] adopts them).
    pub limits: Limits,
}

/// Size limits the client checks before anything is sent, so that an oversize text or file
/// fails at once with [`Error::InvalidInput`] instead of after a long upload (threema-web
/// #414, #1176). The defaults are the schema's `Capabilities` defaults; the app's own values
/// replace them once [`ArpClient::client_info`] has fetched its capabilities.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Limits {
    /// The longest `create/textMessage` text in UTF-8 bytes (`maxMessageBodySize`).
    /// Default 3,500.
    pub max_text_bytes: u64,
    /// The largest `create/fileMessage` file in bytes (`maxFileSize`). Default 50 MiB.
    pub max_file_bytes: u64,
}

impl Limits {
    /// The limits an app announces in its capabilities (defaults where it says nothing).
    pub fn from_capabilities(capabilities: &Capabilities) -> Self {
        Self {
            max_text_bytes: u64::from(capabilities.max_message_body_size()),
            max_file_bytes: capabilities.max_file_size(),
        }
    }

    fn check_text(&self, text: &str) -> Result<()> {
        let len = text.len() as u64;
        if len > self.max_text_bytes {
            return Err(Error::invalid(
                "create/textMessage data.text",
                format!(
                    "is {len} bytes long, the app accepts at most {}",
                    self.max_text_bytes
                ),
            ));
        }
        Ok(())
    }

    fn check_file(&self, len: u64) -> Result<()> {
        if len > self.max_file_bytes {
            return Err(Error::invalid(
                "create/fileMessage data.data",
                format!(
                    "has {len} bytes, the app accepts at most {}",
                    self.max_file_bytes
                ),
            ));
        }
        Ok(())
    }
}

impl Default for Limits {
    fn default() -> Self {
        Self::from_capabilities(&Capabilities::new(ImageFormat::new("", "")))
    }
}

impl ArpConfig {
    /// The defaults for `server`.
    pub fn new(server: ServerConfig) -> Self {
        Self {
            server,
            session: SessionConfig::new(Role::Client),
            request_timeout: Duration::from_secs(30),
            transfer_timeout: Duration::from_secs(600),
            connect_timeout: Some(Duration::from_secs(300)),
            user_agent: concat!("threema-arp/", env!("CARGO_PKG_VERSION")).to_owned(),
            persistent: false,
            self_hosted: false,
            limits: Limits::default(),
        }
    }

    fn validate(&self) -> Result<()> {
        if self.request_timeout.is_zero() || self.transfer_timeout.is_zero() {
            return Err(Error::invalid("ArpConfig timeouts", "must be positive"));
        }
        if self.server.host.is_empty() {
            return Err(Error::invalid("ArpConfig server.host", "must not be empty"));
        }
        if self.user_agent.is_empty() {
            return Err(Error::invalid("ArpConfig user_agent", "must not be empty"));
        }
        self.session.validate()
    }
}

/// What a client needs to reconnect to an app it paired with before (without a QR code):
/// its own permanent key pair and the app's permanent public key. Store it securely: the
/// key pair is the client's identity towards the app. `Debug` does not show the secret key.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct TrustedSession {
    /// The client's permanent key pair (the signalling path is its public key).
    pub permanent_key: KeyPair,
    /// The app's permanent public key.
    pub app_public_key: [u8; KEY_LENGTH],
}

impl TrustedSession {
    /// A trusted session from stored keys.
    pub fn new(permanent_key: KeyPair, app_public_key: [u8; KEY_LENGTH]) -> Self {
        Self {
            permanent_key,
            app_public_key,
        }
    }
}

/// A pairing in progress: show [`Pairing::qr`] to the user (the app scans it), then
/// [`Pairing::connect`].
pub struct Pairing {
    config: ArpConfig,
    permanent: KeyPair,
    token: AuthToken,
    qr: QrPayload,
}

impl fmt::Debug for Pairing {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Pairing")
            .field("server", &self.config.server)
            .field("permanent", &self.permanent)
            .field("token", &self.token)
            .finish_non_exhaustive()
    }
}

impl Pairing {
    /// The QR code payload to show (its base64 text is [`QrPayload::to_base64`]). It holds
    /// the single-use auth token: show it only to the user.
    pub fn qr(&self) -> &QrPayload {
        &self.qr
    }

    /// The client's permanent key pair (for a persistent session, store it with the app's
    /// key after connecting; see [`ArpClient::trusted_session`]).
    pub fn permanent_key(&self) -> &KeyPair {
        &self.permanent
    }

    /// Connects to the server and waits for the app to scan the QR code and complete the
    /// handshakes (SaltyRTC and ARP `connectionInfo`), within `connect_timeout`.
    pub async fn connect(self) -> Result<ArpClient> {
        let role = PeerRole::Initiator {
            permanent: self.permanent.clone(),
            token: Some(self.token),
            trusted: None,
        };
        ArpClient::start(self.config, self.permanent, role).await
    }
}

#[derive(Debug, Default)]
struct Subscriptions {
    profile: bool,
    receivers: bool,
    conversations: Option<u32>,
    messages: BTreeSet<(String, String)>,
}

impl Subscriptions {
    fn frames(&self) -> Vec<Frame> {
        let mut frames = Vec::new();
        if self.profile {
            frames.push(Frame::new(RequestProfile::new()));
        }
        if self.receivers {
            frames.push(Frame::new(RequestReceivers::new()));
        }
        if let Some(max_size) = self.conversations {
            frames.push(Frame::new(RequestConversations::new(max_size)));
        }
        for (receiver_type, id) in &self.messages {
            let receiver = ReceiverRef::new(ReceiverType::from(receiver_type.as_str()), id.clone());
            frames.push(Frame::new(RequestMessages::new(receiver)));
        }
        frames
    }
}

struct Inner {
    commands: mpsc::UnboundedSender<Command>,
    state: watch::Receiver<SessionState>,
    updates: Mutex<Option<Updates>>,
    subscriptions: Mutex<Subscriptions>,
    limits: Mutex<Limits>,
    config: ArpConfig,
    permanent: KeyPair,
    task: Mutex<Option<tokio::task::JoinHandle<()>>>,
}

impl Drop for Inner {
    fn drop(&mut self) {
        // The last handle is gone: the driver ends when its command channel closes.
        let _ = self.commands.send(Command::Close {
            reason: DisconnectReason::Stop,
            done: oneshot::channel().0,
        });
    }
}

/// A Threema Web-style client of the App Remote Protocol: the SaltyRTC initiator.
///
/// Cheap to clone (all clones share one session). Pair with [`ArpClient::pair`] (shows a QR
/// code) or reconnect to a trusted app with [`ArpClient::reconnect`]. Calls return the app's
/// typed answer, or a typed error within [`ArpConfig::request_timeout`]; the app's pushes and
/// connection events arrive on [`ArpClient::updates`].
///
/// When the WebSocket drops, the client reconnects with backoff, performs the SaltyRTC
/// handshake with the trusted key and resumes the ARP session: chunks the app did not
/// receive are sent again, nothing is lost or duplicated, and calls in flight complete. When
/// resumption is impossible (the app lost its state), it starts a new session, fails the
/// calls whose messages were lost with
/// [`AckError::SessionReset`](crate::connection::AckError::SessionReset), renews the
/// subscriptions and says so with [`SessionEvent::NewSession`](crate::session::SessionEvent::NewSession).
#[derive(Clone)]
pub struct ArpClient {
    inner: Arc<Inner>,
}

impl fmt::Debug for ArpClient {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ArpClient")
            .field("path", &to_hex(self.inner.permanent.public_key()))
            .field("state", &*self.inner.state.borrow())
            .finish_non_exhaustive()
    }
}

impl ArpClient {
    /// Starts pairing with a new app: generates the client's permanent key and a single-use
    /// auth token and builds the QR payload. No I/O; invalid settings fail here.
    pub fn pair(config: ArpConfig) -> Result<Pairing> {
        config.validate()?;
        let permanent = KeyPair::generate();
        let token = AuthToken::generate();
        let mut qr = QrPayload::new(
            *permanent.public_key(),
            token.clone(),
            config.server.host.clone(),
            config.server.port,
        );
        qr.server_public_key = config.server.public_key;
        qr.persistent = config.persistent;
        qr.self_hosted = config.self_hosted;
        qr.to_bytes()?;
        Ok(Pairing {
            config,
            permanent,
            token,
            qr,
        })
    }

    /// Reconnects to an app that trusts this client from an earlier session (no QR code,
    /// no token): waits for the app within `connect_timeout`.
    pub async fn reconnect(config: ArpConfig, trusted: TrustedSession) -> Result<Self> {
        config.validate()?;
        let role = PeerRole::Initiator {
            permanent: trusted.permanent_key.clone(),
            token: None,
            trusted: Some(trusted.app_public_key),
        };
        Self::start(config, trusted.permanent_key, role).await
    }

    async fn start(config: ArpConfig, permanent: KeyPair, role: PeerRole) -> Result<Self> {
        let (sink, updates) =
            notification_channel(config.session.update_buffer, OverflowPolicy::DropOldest);
        let handle = driver::spawn(role, config.server.clone(), config.session.clone(), sink)?;
        let client = Self {
            inner: Arc::new(Inner {
                commands: handle.commands,
                state: handle.state,
                updates: Mutex::new(Some(updates)),
                subscriptions: Mutex::new(Subscriptions::default()),
                limits: Mutex::new(config.limits),
                permanent,
                task: Mutex::new(Some(handle.task)),
                config,
            }),
        };
        let mut state = client.inner.state.clone();
        let wait = state.wait_for(|s| s.is_established() || s.is_closed());
        let reached = match client.inner.config.connect_timeout {
            Some(limit) => tokio::time::timeout(limit, wait).await.map_err(|_| {
                transport_core::Error::Timeout {
                    what: "waiting for the app to connect".into(),
                    after: limit,
                }
            })?,
            None => wait.await,
        }
        .map(|s| s.clone())
        .map_err(|_| Error::Closed {
            reason: "the session ended".into(),
        })?;
        if let SessionState::Closed { reason } = reached {
            return Err(Error::Closed { reason });
        }
        Ok(client)
    }

    /// The current state of the session.
    pub fn state(&self) -> SessionState {
        self.inner.state.borrow().clone()
    }

    /// A receiver of state changes.
    pub fn state_changes(&self) -> watch::Receiver<SessionState> {
        self.inner.state.clone()
    }

    /// The stream of updates (pushes from the app, session events). Taken once; `None`
    /// afterwards.
    pub fn updates(&self) -> Option<Updates> {
        lock(&self.inner.updates).take()
    }

    /// The keys to store for [`ArpClient::reconnect`], once the app's key is known.
    pub async fn trusted_session(&self) -> Option<TrustedSession> {
        let (reply, answer) = oneshot::channel();
        self.inner
            .commands
            .send(Command::TrustedPeer { reply })
            .ok()?;
        let app_public_key = answer.await.ok().flatten()?;
        Some(TrustedSession::new(
            self.inner.permanent.clone(),
            app_public_key,
        ))
    }

    // ----- Raw calls -----

    /// Sends a message that asks for an acknowledgement and returns the app's confirming
    /// message (typed), within the request timeout. Rejections (`ack.success == false`)
    /// are [`Error::Ack`].
    pub async fn request(&self, frame: Frame) -> Result<Frame> {
        self.request_with(frame, None, None, self.inner.config.request_timeout)
            .await
    }

    /// Sends a message without an acknowledgement request (`update/typing`,
    /// `update/activeConversation`, …). Returns once the session took it (it is held while
    /// reconnecting, except blacklisted messages such as typing indicators, which are
    /// dropped then).
    pub async fn send(&self, frame: Frame) -> Result<()> {
        frame.message.validate()?;
        let (done, answer) = oneshot::channel();
        self.command(Command::Send { frame, done })?;
        answer.await.map_err(|_| self.closed_error())?
    }

    async fn request_with(
        &self,
        frame: Frame,
        outgoing: Option<Arc<ProgressState>>,
        incoming: Option<Arc<ProgressState>>,
        limit: Duration,
    ) -> Result<Frame> {
        frame.message.validate()?;
        let name = frame.message.name();
        let (reply, answer) = oneshot::channel();
        self.command(Command::Request {
            frame,
            outgoing,
            incoming,
            reply,
        })?;
        let run = async {
            let future = answer.await.map_err(|_| self.closed_error())??;
            let id = future.id().to_owned();
            let cancel = CancelOnDrop {
                commands: self.inner.commands.clone(),
                id: Some(id),
            };
            let result = future.await;
            cancel.disarm();
            result.map_err(Error::from)
        };
        tokio::time::timeout(limit, run).await.map_err(|_| {
            Error::Transport(transport_core::Error::Timeout {
                what: format!("the answer to {name}"),
                after: limit,
            })
        })?
    }

    fn command(&self, command: Command) -> Result<()> {
        self.inner
            .commands
            .send(command)
            .map_err(|_| self.closed_error())
    }

    fn closed_error(&self) -> Error {
        let reason = match &*self.inner.state.borrow() {
            SessionState::Closed { reason } => reason.clone(),
            _ => "the session ended".into(),
        };
        Error::Closed { reason }
    }

    fn subscribe(&self, change: impl FnOnce(&mut Subscriptions)) {
        let frames = {
            let mut subscriptions = lock(&self.inner.subscriptions);
            change(&mut subscriptions);
            subscriptions.frames()
        };
        let _ = self.inner.commands.send(Command::Resubscribe { frames });
    }

    // ----- The initial requests -----

    /// `request/clientInfo`: the app's device, versions, configuration and capabilities.
    /// The client adopts the size limits of the capabilities ([`ArpClient::limits`]).
    pub async fn client_info(&self) -> Result<ClientInfo> {
        let request = RequestClientInfo::new(self.inner.config.user_agent.clone());
        match self.request(Frame::new(request)).await?.message {
            ArpMessage::ResponseClientInfo(response) => {
                *lock(&self.inner.limits) = Limits::from_capabilities(&response.data.capabilities);
                Ok(response.data)
            }
            other => Err(unexpected("request/clientInfo", &other)),
        }
    }

    /// `request/profile`: the user's own identity, key, nickname and avatar. Subscribes to
    /// `update/profile`.
    pub async fn profile(&self) -> Result<Profile> {
        let reply = self.request(Frame::new(RequestProfile::new())).await?;
        self.subscribe(|s| s.profile = true);
        match reply.message {
            ArpMessage::ResponseProfile(response) => Ok(response.data),
            other => Err(unexpected("request/profile", &other)),
        }
    }

    /// `request/receivers`: contacts, groups and distribution lists. Subscribes to
    /// `update/receiver(s)` and `update/avatar`.
    pub async fn receivers(&self) -> Result<ReceiverLists> {
        let reply = self.request(Frame::new(RequestReceivers::new())).await?;
        self.subscribe(|s| s.receivers = true);
        match reply.message {
            ArpMessage::ResponseReceivers(response) => Ok(response.data),
            other => Err(unexpected("request/receivers", &other)),
        }
    }

    /// `request/conversations` with avatars of at most 48 px (as Threema Web). Subscribes to
    /// `update/conversation` and `update/typing`.
    pub async fn conversations(&self) -> Result<Vec<Conversation>> {
        self.conversations_with_avatars(48).await
    }

    /// `request/conversations` with avatars of at most `max_size` px.
    pub async fn conversations_with_avatars(&self, max_size: u32) -> Result<Vec<Conversation>> {
        let reply = self
            .request(Frame::new(RequestConversations::new(max_size)))
            .await?;
        self.subscribe(|s| s.conversations = Some(max_size));
        match reply.message {
            ArpMessage::ResponseConversations(response) => Ok(response.data),
            other => Err(unexpected("request/conversations", &other)),
        }
    }

    /// `request/messages`: the newest page of a conversation's messages, or the page older
    /// than `older_than` (a message id). Subscribes to its `update/messages`.
    pub async fn messages(
        &self,
        receiver: ReceiverRef,
        older_than: Option<String>,
    ) -> Result<ResponseMessages> {
        let mut request = RequestMessages::new(receiver.clone());
        request.args.ref_msg_id = older_than;
        let reply = self.request(Frame::new(request)).await?;
        self.subscribe(|s| {
            s.messages
                .insert((receiver.receiver_type.as_str().to_owned(), receiver.id));
        });
        match reply.message {
            ArpMessage::ResponseMessages(response) => Ok(response),
            other => Err(unexpected("request/messages", &other)),
        }
    }

    // ----- Messages -----

    /// `create/textMessage`: sends `text`; returns the id the app stored it under.
    pub async fn send_text(
        &self,
        receiver: ReceiverRef,
        text: impl Into<String>,
    ) -> Result<String> {
        self.send_text_message(CreateTextMessage::new(receiver, text))
            .await
    }

    /// The size limits checked before sending: [`ArpConfig::limits`], or the app's once
    /// [`ArpClient::client_info`] fetched them.
    pub fn limits(&self) -> Limits {
        *lock(&self.inner.limits)
    }

    /// `create/textMessage` built by the caller (with a quote). A text longer than
    /// [`Limits::max_text_bytes`] fails before anything is sent.
    pub async fn send_text_message(&self, message: CreateTextMessage) -> Result<String> {
        self.limits().check_text(&message.data.text)?;
        match self.request(Frame::new(message)).await?.message {
            ArpMessage::TextMessageCreated(reply) => reply.data.message_id.ok_or_else(|| {
                Error::decode(
                    "create/textMessage (app → client)",
                    "data.messageId",
                    "missing",
                )
            }),
            other => Err(unexpected("create/textMessage", &other)),
        }
    }

    /// `create/fileMessage`: sends a file; the returned [`Transfer`] reports the upload's
    /// progress and resolves to the id the app stored the message under. Invalid input fails
    /// here, before anything is sent.
    pub fn send_file(
        &self,
        receiver: ReceiverRef,
        name: impl Into<String>,
        mime_type: impl Into<String>,
        bytes: impl Into<crate::model::Binary>,
    ) -> Result<Transfer<String>> {
        self.send_file_message(CreateFileMessage::new(receiver, name, mime_type, bytes))
    }

    /// `create/fileMessage` built by the caller (caption, send as file). A file larger than
    /// [`Limits::max_file_bytes`] fails before anything is sent.
    pub fn send_file_message(&self, message: CreateFileMessage) -> Result<Transfer<String>> {
        self.limits().check_file(message.data.data.len() as u64)?;
        let frame = Frame::new(message);
        // The size with the acknowledgement id the session adds is set when it is chunked.
        let estimate = frame.encode()?.len() as u64;
        let (state, progress) = ProgressState::new(Some(estimate));
        let state = Arc::new(state);
        let client = self.clone();
        let limit = self.inner.config.transfer_timeout;
        let counted = Arc::clone(&state);
        Ok(Transfer::new(progress, async move {
            let reply = client
                .request_with(frame, Some(counted), None, limit)
                .await?;
            state.finish(0);
            match reply.message {
                ArpMessage::FileMessageCreated(reply) => reply.data.message_id.ok_or_else(|| {
                    Error::decode(
                        "create/fileMessage (app → client)",
                        "data.messageId",
                        "missing",
                    )
                }),
                other => Err(unexpected("create/fileMessage", &other)),
            }
        }))
    }

    /// `request/read`: marks the conversation as read up to `message`.
    pub async fn read(&self, message: MessageRef) -> Result<()> {
        self.request(Frame::new(RequestRead::new(message)))
            .await
            .map(drop)
    }

    /// `request/ack`: agrees (`true`) or disagrees with a message.
    pub async fn acknowledge(&self, message: MessageRef, agree: bool) -> Result<()> {
        self.request(Frame::new(RequestAck::new(message, agree)))
            .await
            .map(drop)
    }

    /// `delete/message`.
    pub async fn delete_message(&self, message: MessageRef) -> Result<()> {
        self.request(Frame::new(DeleteMessage::new(message)))
            .await
            .map(drop)
    }

    /// `delete/cleanReceiverConversation`: deletes all messages of a conversation.
    pub async fn clear_conversation(&self, receiver: ReceiverRef) -> Result<()> {
        self.request(Frame::new(DeleteCleanReceiverConversation::new(receiver)))
            .await
            .map(drop)
    }

    // ----- Media -----

    /// `request/avatar`: the high-resolution avatar (or low-resolution, at most 48 px) of a
    /// receiver; `None` if it has none.
    pub async fn avatar(
        &self,
        receiver: ReceiverRef,
        high_resolution: bool,
    ) -> Result<Option<Vec<u8>>> {
        let request = if high_resolution {
            RequestAvatar::high_resolution(receiver)
        } else {
            RequestAvatar::low_resolution(receiver, 48)
        };
        match self.request(Frame::new(request)).await?.message {
            ArpMessage::ResponseAvatar(response) => Ok(response.data.map(|b| b.into_vec())),
            other => Err(unexpected("request/avatar", &other)),
        }
    }

    /// `request/thumbnail`: a message's thumbnail; `None` if it has none.
    pub async fn thumbnail(&self, message: MessageRef) -> Result<Option<Vec<u8>>> {
        match self
            .request(Frame::new(RequestThumbnail::new(message)))
            .await?
            .message
        {
            ArpMessage::ResponseThumbnail(response) => Ok(response.data.map(|b| b.into_vec())),
            other => Err(unexpected("request/thumbnail", &other)),
        }
    }

    /// `request/blob`: a message's file content. The returned [`Transfer`] reports the
    /// download's progress (the total becomes known at the end).
    pub fn blob(&self, message: MessageRef) -> Result<Transfer<BlobData>> {
        let frame = Frame::new(RequestBlob::new(message));
        frame.message.validate()?;
        let (state, progress) = ProgressState::new(None);
        let state = Arc::new(state);
        let client = self.clone();
        let limit = self.inner.config.transfer_timeout;
        let counted = Arc::clone(&state);
        Ok(Transfer::new(progress, async move {
            let reply = client
                .request_with(frame, None, Some(counted), limit)
                .await?;
            match reply.message {
                ArpMessage::ResponseBlob(response) => {
                    let data = response.data.ok_or_else(|| {
                        Error::decode("response/blob (app → client)", "data", "missing")
                    })?;
                    state.finish(data.blob.len() as u64);

                    Ok(data)
                }
                other => Err(unexpected("request/blob", &other)),
            }
        }))
    }

    // ----- Contacts, groups, distribution lists -----

    /// `create/contact`: adds a contact by Threema ID.
    pub async fn create_contact(&self, identity: impl Into<String>) -> Result<Option<Contact>> {
        match self
            .request(Frame::new(CreateContact::new(identity)))
            .await?
            .message
        {
            ArpMessage::ContactCreated(reply) => Ok(reply.data.receiver),
            other => Err(unexpected("create/contact", &other)),
        }
    }

    /// `update/contact`: changes a contact's names or avatar.
    pub async fn update_contact(&self, update: UpdateContact) -> Result<Option<Contact>> {
        match self.request(Frame::new(update)).await?.message {
            ArpMessage::ContactUpdated(reply) => Ok(reply.data.receiver),
            other => Err(unexpected("update/contact", &other)),
        }
    }

    /// `request/contactDetail`: the system contact (emails, phone numbers) of a contact.
    pub async fn contact_detail(
        &self,
        identity: impl Into<String>,
    ) -> Result<Option<ContactDetails>> {
        match self
            .request(Frame::new(RequestContactDetail::new(identity)))
            .await?
            .message
        {
            ArpMessage::ResponseContactDetail(reply) => Ok(reply.data.receiver),
            other => Err(unexpected("request/contactDetail", &other)),
        }
    }

    /// `create/group`.
    pub async fn create_group(&self, group: CreateGroup) -> Result<Option<Group>> {
        match self.request(Frame::new(group)).await?.message {
            ArpMessage::GroupCreated(reply) => Ok(reply.data.receiver),
            other => Err(unexpected("create/group", &other)),
        }
    }

    /// `update/group`: members, name, avatar.
    pub async fn update_group(&self, update: UpdateGroup) -> Result<Option<Group>> {
        match self.request(Frame::new(update)).await?.message {
            ArpMessage::GroupUpdated(reply) => Ok(reply.data.receiver),
            other => Err(unexpected("update/group", &other)),
        }
    }

    /// `delete/group`: leave or delete a group.
    pub async fn delete_group(&self, id: impl Into<String>, delete_type: DeleteType) -> Result<()> {
        self.request(Frame::new(DeleteGroup::new(id, delete_type)))
            .await
            .map(drop)
    }

    /// `request/groupSync`: sends the group's state to all members again.
    pub async fn sync_group(&self, id: impl Into<String>) -> Result<()> {
        self.request(Frame::new(RequestGroupSync::new(id)))
            .await
            .map(drop)
    }

    /// `create/distributionList`.
    pub async fn create_distribution_list(
        &self,
        list: CreateDistributionList,
    ) -> Result<Option<DistributionList>> {
        match self.request(Frame::new(list)).await?.message {
            ArpMessage::DistributionListCreated(reply) => Ok(reply.data.receiver),
            other => Err(unexpected("create/distributionList", &other)),
        }
    }

    /// `update/distributionList`.
    pub async fn update_distribution_list(
        &self,
        update: UpdateDistributionList,
    ) -> Result<Option<DistributionList>> {
        match self.request(Frame::new(update)).await?.message {
            ArpMessage::DistributionListUpdated(reply) => Ok(reply.data.receiver),
            other => Err(unexpected("update/distributionList", &other)),
        }
    }

    /// `delete/distributionList`.
    pub async fn delete_distribution_list(&self, id: impl Into<String>) -> Result<()> {
        self.request(Frame::new(DeleteDistributionList::new(id)))
            .await
            .map(drop)
    }

    /// `request/keyPersisted`: tells the app that the client stored the session (persistent
    /// sessions only); the app keeps its side from then on.
    pub async fn key_persisted(&self) -> Result<()> {
        self.request(Frame::new(RequestKeyPersisted::new()))
            .await
            .map(drop)
    }

    // ----- Lifecycle -----

    /// Ends the session: sends `update/connectionDisconnect` (stop) and a SaltyRTC `close`,
    /// fails pending calls with [`AckError::Closed`](crate::connection::AckError::Closed), and
    /// waits for the driver to finish.
    pub async fn close(&self) -> Result<()> {
        let (done, finished) = oneshot::channel();
        if self
            .inner
            .commands
            .send(Command::Close {
                reason: DisconnectReason::Stop,
                done,
            })
            .is_ok()
        {
            let _ = finished.await;
        }
        let task = lock(&self.inner.task).take();
        if let Some(task) = task {
            let _ = task.await;
        }
        Ok(())
    }

    /// Drops the WebSocket abruptly, as a network failure would (no close frame); the
    /// client reconnects and resumes. For fault-injection tests.
    #[cfg(feature = "testkit")]
    #[cfg_attr(docsrs, doc(cfg(feature = "testkit")))]
    pub fn drop_connection(&self) {
        let _ = self.inner.commands.send(Command::DropConnection);
    }
}

/// Forgets a pending acknowledgement when its caller stops waiting (timeout, dropped
/// future), so that a late answer becomes an update instead of a leak.
struct CancelOnDrop {
    commands: mpsc::UnboundedSender<Command>,
    id: Option<String>,
}

impl CancelOnDrop {
    fn disarm(mut self) {
        self.id = None;
    }
}

impl Drop for CancelOnDrop {
    fn drop(&mut self) {
        if let Some(id) = self.id.take() {
            let _ = self.commands.send(Command::Cancel { id });
        }
    }
}

fn unexpected(request: &str, reply: &ArpMessage) -> Error {
    Error::UnexpectedReply {
        request: request.to_owned(),
        reply: reply.name(),
    }
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

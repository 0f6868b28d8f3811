//! [`FakeApp`]: a fake Threema app: the SaltyRTC responder running the same session driver
//! as the client, answering ARP requests from in-memory [`AppData`] and pushing updates.

use super::data::{AppData, key};
use crate::api::{
    ArpMessage, ContactCreated, ContactUpdated, ConversationUpdated, DistributionListCreated,
    DistributionListUpdated, FileMessageCreated, Frame, GroupCreated, GroupUpdated, ResponseAvatar,
    ResponseBlob, ResponseClientInfo, ResponseContactDetail, ResponseConversations,
    ResponseMessages, ResponseProfile, ResponseReceivers, ResponseThumbnail, TextMessageCreated,
    UpdateBatteryStatus, UpdateConfirm, UpdateMessages,
};
use crate::codec::{Ack, Nullable};
use crate::connection::Role;
use crate::error::Result;
use crate::model::{
    Capabilities, Contact, ContactDetails, DistributionList, Group, ImageFormat, Message,
    MessageRef, MessageState, ReceiverRef, UpdateMode,
};
use crate::qr::{AuthToken, QrPayload};
use crate::saltyrtc::{KEY_LENGTH, KeyPair};
use crate::session::driver::{self, Command, PeerRole};
use crate::session::{ServerConfig, SessionConfig, SessionEvent, SessionState, Update};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use tokio::sync::{mpsc, oneshot, watch};
use transport_core::ws::{NotificationItem, OverflowPolicy, notification_channel};

/// Settings of a [`FakeApp`].
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct FakeAppConfig {
    /// The SaltyRTC server (the same the client uses).
    pub server: ServerConfig,
    /// The session settings (role: app).
    pub session: SessionConfig,
    /// What the app knows.
    pub data: AppData,
    /// Messages per `response/messages` page.
    pub page_size: usize,
}

impl FakeAppConfig {
    /// An app on `server` with the [`AppData::demo`] data.
    pub fn new(server: ServerConfig) -> Self {
        let mut session = SessionConfig::new(Role::App);
        // A fake app never loses what it was told to answer.
        session.update_buffer = 1 << 20;
        Self {
            server,
            session,
            data: AppData::demo(),
            page_size: 50,
        }
    }

    /// Replaces the data.
    #[must_use]
    pub fn with_data(mut self, data: AppData) -> Self {
        self.data = data;
        self
    }
}

/// How the fake app misbehaves when it answers a request (fault injection; see
/// [`FakeApp::inject`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Fault {
    /// The acknowledging reply arrives with its `ack` intact, but its `data` is a string
    /// where the schema wants something else.
    MalformedReply,
    /// The reply is one byte that is not msgpack (`0xc1`): nothing ties it to the request.
    GarbageReply,
    /// The reply is cut in the middle of its msgpack encoding.
    TruncatedReply,
    /// The request is processed but never answered.
    Silent,
    /// The replies are held until [`FakeApp::release_held`].
    Hold,
}

#[derive(Debug, Default)]
struct Subscribed {
    profile: bool,
    receivers: bool,
    conversations: bool,
    messages: BTreeSet<(String, String)>,
}

struct Shared {
    commands: mpsc::UnboundedSender<Command>,
    state: watch::Receiver<SessionState>,
    data: Mutex<AppData>,
    subscribed: Mutex<Subscribed>,
    received: Mutex<Vec<Frame>>,
    events: Mutex<Vec<SessionEvent>>,
    changes: watch::Sender<u64>,
    permanent: KeyPair,
    page_size: usize,
    faults: Mutex<BTreeMap<String, Fault>>,
    held: Mutex<Vec<Frame>>,
}

/// A fake Threema app for tests and demos.
///
/// It connects to the SaltyRTC server as the responder (pairing with the token of a QR
/// payload, or trusted), runs the ARP connection layer as the app (resumption, chunk cache,
/// `connectionAck`s), and answers every request of the client from its [`AppData`]:
/// `clientInfo`, `profile`, `receivers`, `conversations`, `messages`, sending text and files
/// (stored, answered with their id, then pushed as `update/messages` and
/// `update/conversation` to a subscribed client), `read`, `ack`, `blob`, `avatar`,
/// `thumbnail`, contact/group/distribution-list management, `keyPersisted`, `groupSync`,
/// deletions. Unknown requests are rejected with `internalError`.
///
/// Every message it receives is logged ([`FakeApp::received`]) so tests can count and compare.
///
/// Fault injection: [`FakeApp::inject`] makes it answer chosen requests with broken,
/// truncated or garbage replies, not at all, or hold them for [`FakeApp::release_held`]
/// (out of order); [`FakeApp::push_raw`] and [`FakeApp::push_raw_chunk`] send arbitrary
/// messages and chunks; [`FakeApp::stall`] stops it answering (keep-alive probes included)
/// while its WebSocket stays open; [`FakeApp::drop_connection`] cuts its WebSocket.
#[derive(Clone)]
pub struct FakeApp {
    shared: Arc<Shared>,
}

impl fmt::Debug for FakeApp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FakeApp")
            .field("permanent", &self.shared.permanent)
            .field("state", &*self.shared.state.borrow())
            .finish_non_exhaustive()
    }
}

impl FakeApp {
    /// Pairs with the client that shows `qr`: uses its initiator key and auth token (and its
    /// server key when the config pins none). Starts at once; see [`FakeApp::wait_for`].
    pub fn pair(config: FakeAppConfig, qr: &QrPayload) -> Result<Self> {
        Self::pair_with_token(config, qr, qr.auth_token.clone())
    }

    /// Pairs using `token` instead of the QR code's (a wrong token gets the app dropped
    /// with close code 3005).
    pub fn pair_with_token(
        mut config: FakeAppConfig,
        qr: &QrPayload,
        token: AuthToken,
    ) -> Result<Self> {
        if config.server.public_key.is_none() {
            config.server.public_key = qr.server_public_key;
        }
        let permanent = KeyPair::generate();
        let role = PeerRole::Responder {
            permanent: permanent.clone(),
            initiator: qr.initiator_public_key,
            token: Some(token),
        };
        Self::start(config, permanent, role)
    }

    /// Reconnects as an app the client trusts already (no token): `permanent` is the app's
    /// key from the earlier pairing ([`FakeApp::permanent_key`]).
    pub fn trusted(
        config: FakeAppConfig,
        permanent: KeyPair,
        initiator_public_key: [u8; KEY_LENGTH],
    ) -> Result<Self> {
        let role = PeerRole::Responder {
            permanent: permanent.clone(),
            initiator: initiator_public_key,
            token: None,
        };
        Self::start(config, permanent, role)
    }

    fn start(config: FakeAppConfig, permanent: KeyPair, role: PeerRole) -> Result<Self> {
        let (sink, mut updates) =
            notification_channel(config.session.update_buffer, OverflowPolicy::DropNewest);
        let handle = driver::spawn(role, config.server, config.session, sink)?;
        let shared = Arc::new(Shared {
            commands: handle.commands,
            state: handle.state,
            data: Mutex::new(config.data),
            subscribed: Mutex::new(Subscribed::default()),
            received: Mutex::new(Vec::new()),
            events: Mutex::new(Vec::new()),
            changes: watch::channel(0).0,
            permanent,
            page_size: config.page_size.max(1),
            faults: Mutex::new(BTreeMap::new()),
            held: Mutex::new(Vec::new()),
        });
        let app = Self {
            shared: Arc::clone(&shared),
        };
        let answering = app.clone();
        tokio::spawn(async move {
            while let Some(item) = updates.recv().await {
                match item {
                    NotificationItem::Notification(Update::Message(frame)) => {
                        answering.handle(*frame);
                    }
                    NotificationItem::Notification(Update::Session(event)) => {
                        if matches!(event, SessionEvent::NewSession { .. }) {
                            // A new session starts with no subscriptions (as the iOS app).
                            *lock(&answering.shared.subscribed) = Subscribed::default();
                        }
                        lock(&answering.shared.events).push(event);
                        answering.changed();
                    }
                    _ => {
                        tracing::warn!("the fake app lost messages: its buffer overflowed");
                    }
                }
            }
            let _ = handle.task.await;
        });
        Ok(app)
    }

    /// The app's permanent key (for [`FakeApp::trusted`] later).
    pub fn permanent_key(&self) -> &KeyPair {
        &self.shared.permanent
    }

    /// The state of the app's session.
    pub fn state(&self) -> SessionState {
        self.shared.state.borrow().clone()
    }

    /// Waits until the session state satisfies `predicate` (no time limit: wrap it in a
    /// timeout). Returns the state, or `None` if the app's session ended first.
    pub async fn wait_for_state(
        &self,
        predicate: impl FnMut(&SessionState) -> bool,
    ) -> Option<SessionState> {
        let mut state = self.shared.state.clone();
        state.wait_for(predicate).await.ok().map(|s| s.clone())
    }

    /// Waits until the log of received messages satisfies `predicate` (wrap it in a
    /// timeout).
    pub async fn wait_for(&self, mut predicate: impl FnMut(&[Frame]) -> bool) {
        let mut changes = self.shared.changes.subscribe();
        loop {
            if predicate(&lock(&self.shared.received)) {
                return;
            }
            if changes.changed().await.is_err() {
                return;
            }
        }
    }

    /// Every message received from the client, in order.
    pub fn received(&self) -> Vec<Frame> {
        lock(&self.shared.received).clone()
    }

    /// How many messages named `name` (`"create/textMessage"`) were received.
    pub fn count(&self, name: &str) -> usize {
        lock(&self.shared.received)
            .iter()
            .filter(|f| f.message.name() == name)
            .count()
    }

    /// The session events of the app so far.
    pub fn events(&self) -> Vec<SessionEvent> {
        lock(&self.shared.events).clone()
    }

    /// The app's data (locked while the guard lives; do not hold it across an `.await`).
    pub fn data(&self) -> MutexGuard<'_, AppData> {
        lock(&self.shared.data)
    }

    /// Sends any message to the client (an update, a push).
    pub fn push(&self, frame: Frame) {
        self.send(frame);
    }

    /// A message arrives from `from` in the conversation `receiver`: stored, and pushed to a
    /// subscribed client as `update/messages` and `update/conversation`.
    pub fn incoming_message(&self, receiver: &ReceiverRef, from: &str, text: &str) -> Message {
        let message = self.data().store_text(receiver, Some(from), text);
        self.announce(receiver, &message);
        message
    }

    /// Drops the WebSocket abruptly (no close frame); the app reconnects and resumes.
    pub fn drop_connection(&self) {
        let _ = self.shared.commands.send(Command::DropConnection);
    }

    /// From now on, answers requests named `name` (`"request/profile"`) according to
    /// `fault`; see [`FakeApp::clear_faults`].
    pub fn inject(&self, name: &str, fault: Fault) {
        lock(&self.shared.faults).insert(name.to_owned(), fault);
    }

    /// Answers every request normally again (held replies stay held).
    pub fn clear_faults(&self) {
        lock(&self.shared.faults).clear();
    }

    /// How many replies are held ([`Fault::Hold`]).
    pub fn held(&self) -> usize {
        lock(&self.shared.held).len()
    }

    /// Sends the held replies in the **reverse** order of the requests (out of order);
    /// returns how many.
    pub fn release_held(&self) -> usize {
        let held = std::mem::take(&mut *lock(&self.shared.held));
        let count = held.len();
        for frame in held.into_iter().rev() {
            self.send(frame);
        }
        count
    }

    /// Sends `bytes` as one ARP message (chunked and cached as usual) without encoding or
    /// validating them: malformed msgpack, an unknown message, a known one with broken
    /// fields.
    pub fn push_raw(&self, bytes: impl Into<Vec<u8>>) {
        let _ = self.shared.commands.send(Command::SendRawMessage {
            bytes: bytes.into(),
        });
    }

    /// Sends `chunk` as one SaltyRTC `data` payload, bypassing the chunker: a truncated or
    /// malformed chunk.
    pub fn push_raw_chunk(&self, chunk: impl Into<Vec<u8>>) {
        let _ = self.shared.commands.send(Command::SendRawChunk {
            chunk: chunk.into(),
        });
    }

    /// Stops answering on the current connection while its WebSocket stays open: nothing
    /// more reaches the client (not even answers to its keep-alive probes) until the client
    /// reconnects. What the app "sent" meanwhile stays in its chunk cache, so a resumed
    /// session delivers it.
    pub fn stall(&self) {
        let _ = self.shared.commands.send(Command::Stall);
    }

    /// Ends the app's session (`update/connectionDisconnect`, SaltyRTC `close`).
    pub async fn close(&self) {
        let (done, finished) = oneshot::channel();
        if self
            .shared
            .commands
            .send(Command::Close {
                reason: crate::api::DisconnectReason::Stop,
                done,
            })
            .is_ok()
        {
            let _ = finished.await;
        }
    }

    fn changed(&self) {
        self.shared.changes.send_modify(|n| *n += 1);
    }

    fn send(&self, frame: Frame) {
        let (done, _) = oneshot::channel();
        let _ = self.shared.commands.send(Command::Send { frame, done });
    }

    fn announce(&self, receiver: &ReceiverRef, message: &Message) {
        for frame in self.pushes(receiver, message) {
            self.send(frame);
        }
    }

    fn handle(&self, frame: Frame) {
        lock(&self.shared.received).push(frame.clone());
        let id = frame.id.clone();
        let fault = lock(&self.shared.faults)
            .get(&frame.message.name())
            .copied();
        let mut answers = self.answer(frame.message, id.as_deref()).into_iter();
        match fault {
            None => answers.for_each(|answer| self.send(answer)),
            Some(Fault::Silent) => {}
            Some(Fault::Hold) => lock(&self.shared.held).extend(answers),
            Some(fault) => {
                if let Some(first) = answers.next() {
                    self.push_raw(corrupt(&first, fault));
                }
                answers.for_each(|answer| self.send(answer));
            }
        }
        self.changed();
    }

    /// The frames answering one message from the client.
    fn answer(&self, message: ArpMessage, id: Option<&str>) -> Vec<Frame> {
        let ok = |message: ArpMessage| -> Vec<Frame> {
            let frame = Frame::new(message);
            vec![match id {
                Some(id) => frame.with_ack(Ack::success(id)),
                None => frame,
            }]
        };
        let fail = |code: &str| -> Vec<Frame> {
            match id {
                Some(id) => vec![Frame::new(UpdateConfirm::new()).with_ack(Ack::failure(id, code))],
                None => Vec::new(),
            }
        };
        let confirm = || ok(UpdateConfirm::new().into());
        match message {
            ArpMessage::RequestClientInfo(_) => {
                let mut info = ResponseClientInfo::new(
                    "Fake iPhone",
                    crate::api::Os::Ios,
                    "17.0",
                    Capabilities::new(ImageFormat::new("image/png", "image/jpeg")),
                );
                info.data.app_version = Some("5.0-fake".into());
                info.data.capabilities.quotes_v2 = Some(true);
                ok(info.into())
            }
            ArpMessage::RequestProfile(_) => {
                lock(&self.shared.subscribed).profile = true;
                let profile = self.data().profile.clone();
                let mut reply =
                    ResponseProfile::new(profile.identity.clone(), profile.public_key.clone());
                reply.data = profile;
                ok(reply.into())
            }
            ArpMessage::RequestReceivers(_) => {
                lock(&self.shared.subscribed).receivers = true;
                let data = self.data();
                ok(ResponseReceivers::new(
                    data.contacts.clone(),
                    data.groups.clone(),
                    data.distribution_lists.clone(),
                )
                .into())
            }
            ArpMessage::RequestConversations(_) => {
                lock(&self.shared.subscribed).conversations = true;
                ok(ResponseConversations::new(self.data().conversations()).into())
            }
            ArpMessage::RequestMessages(request) => {
                let receiver =
                    ReceiverRef::new(request.args.receiver_type.clone(), request.args.id.clone());
                lock(&self.shared.subscribed)
                    .messages
                    .insert(key(&receiver));
                let all = self
                    .data()
                    .messages
                    .get(&key(&receiver))
                    .cloned()
                    .unwrap_or_default();
                let end = match &request.args.ref_msg_id {
                    Some(reference) => all.iter().position(|m| &m.id == reference).unwrap_or(0),
                    None => all.len(),
                };
                let start = end.saturating_sub(self.shared.page_size);
                let page = all[start..end].to_vec();
                ok(ResponseMessages::new(receiver, start > 0, page).into())
            }
            ArpMessage::CreateTextMessage(create) => {
                let receiver = create.args.clone();
                if !self.data().has_receiver(&receiver) {
                    return fail("invalidIdentity");
                }
                let message = self.data().store_text(&receiver, None, &create.data.text);
                let mut out =
                    ok(TextMessageCreated::new(receiver.clone(), message.id.clone()).into());
                out.extend(self.pushes(&receiver, &message));
                out
            }
            ArpMessage::CreateFileMessage(create) => {
                let receiver = create.args.clone();
                if !self.data().has_receiver(&receiver) {
                    return fail("invalidIdentity");
                }
                let message = self.data().store_file(
                    &receiver,
                    None,
                    &create.data.name,
                    &create.data.file_type,
                    create.data.data.into_vec(),
                );
                let mut out =
                    ok(FileMessageCreated::new(receiver.clone(), message.id.clone()).into());
                out.extend(self.pushes(&receiver, &message));
                out
            }
            ArpMessage::RequestRead(read) => {
                self.mark(&read.args, |m| m.unread = Some(false), id, &fail)
            }
            ArpMessage::RequestAck(ack) => {
                let message = MessageRef::new(
                    ReceiverRef::new(ack.args.receiver_type.clone(), ack.args.id.clone()),
                    ack.args.message_id.clone(),
                );
                let state = if ack.args.acknowledged {
                    MessageState::UserAck
                } else {
                    MessageState::UserDec
                };
                self.mark(&message, move |m| m.state = Some(state.clone()), id, &fail)
            }
            ArpMessage::RequestBlob(request) => {
                let stored = self
                    .data()
                    .blobs
                    .get(&(
                        key(&request.args.receiver()),
                        request.args.message_id.clone(),
                    ))
                    .cloned();
                match stored {
                    Some(blob) => ok(ResponseBlob::new(
                        request.args.clone(),
                        blob.bytes,
                        blob.mime_type,
                        blob.name,
                    )
                    .into()),
                    None => fail("invalidMessage"),
                }
            }
            ArpMessage::RequestThumbnail(request) => {
                let thumbnail = self
                    .data()
                    .thumbnails
                    .get(&(
                        key(&request.args.receiver()),
                        request.args.message_id.clone(),
                    ))
                    .cloned();
                ok(ResponseThumbnail::new(request.args.clone(), thumbnail.map(Into::into)).into())
            }
            ArpMessage::RequestAvatar(request) => {
                let receiver =
                    ReceiverRef::new(request.args.receiver_type.clone(), request.args.id.clone());
                let avatar = self.data().avatars.get(&key(&receiver)).cloned();
                ok(ResponseAvatar::new(
                    receiver,
                    request.args.high_resolution,
                    avatar.map(Into::into),
                )
                .into())
            }
            ArpMessage::CreateContact(create) => {
                let identity = create.data.identity.clone();
                let contact = Contact::new(identity.clone(), identity, vec![0x42; 32]);
                self.data().contacts.push(contact.clone());
                ok(ContactCreated::new(contact).into())
            }
            ArpMessage::UpdateContact(update) => {
                let mut data = self.data();
                let Some(contact) = data
                    .contacts
                    .iter_mut()
                    .find(|c| c.id == update.args.identity)
                else {
                    return fail("invalidContact");
                };
                if let Some(first) = &update.data.first_name {
                    contact.first_name = Some(first.clone());
                }
                if let Some(last) = &update.data.last_name {
                    contact.last_name = Some(last.clone());
                }
                let contact = contact.clone();
                match update.data.avatar {
                    Nullable::Value(avatar) => {
                        data.avatars
                            .insert(key(&ReceiverRef::contact(&contact.id)), avatar.into_vec());
                    }
                    Nullable::Null => {
                        data.avatars
                            .remove(&key(&ReceiverRef::contact(&contact.id)));
                    }
                    Nullable::Absent => {}
                }
                drop(data);
                ok(ContactUpdated::new(contact).into())
            }
            ArpMessage::RequestContactDetail(request) => {
                if !self
                    .data()
                    .contacts
                    .iter()
                    .any(|c| c.id == request.args.identity)
                {
                    return fail("invalidContact");
                }
                ok(ResponseContactDetail::new(
                    request.args.identity.clone(),
                    ContactDetails::default(),
                )
                .into())
            }
            ArpMessage::CreateGroup(create) => {
                let mut data = self.data();
                let id = (data.groups.len() + data.distribution_lists.len() + 100).to_string();
                let identity = data.profile.identity.clone();
                let mut group = Group::new(
                    id,
                    create.data.name.clone().unwrap_or_else(|| "Group".into()),
                    identity,
                );
                group.name = create.data.name.clone();
                group.members = create.data.members.clone();
                data.groups.push(group.clone());
                drop(data);
                ok(GroupCreated::new(group).into())
            }
            ArpMessage::UpdateGroup(update) => {
                let mut data = self.data();
                let Some(group) = data.groups.iter_mut().find(|g| g.id == update.args.id) else {
                    return fail("invalidGroup");
                };
                group.members = update.data.members.clone();
                if let Nullable::Value(name) = &update.data.name {
                    group.name = Some(name.clone());
                    group.display_name = name.clone();
                }
                let group = group.clone();
                drop(data);
                ok(GroupUpdated::new(group).into())
            }
            ArpMessage::DeleteGroup(delete) => {
                let mut data = self.data();
                let before = data.groups.len();
                data.groups.retain(|g| g.id != delete.args.id);
                let found = data.groups.len() != before;
                drop(data);
                if found {
                    confirm()
                } else {
                    fail("invalidGroup")
                }
            }
            ArpMessage::RequestGroupSync(sync) => {
                if self.data().groups.iter().any(|g| g.id == sync.args.id) {
                    confirm()
                } else {
                    fail("invalidGroup")
                }
            }
            ArpMessage::CreateDistributionList(create) => {
                let mut data = self.data();
                let id = (data.groups.len() + data.distribution_lists.len() + 100).to_string();
                let mut list = DistributionList::new(
                    id,
                    create.data.name.clone().unwrap_or_else(|| "List".into()),
                );
                list.members = create.data.members.clone();
                data.distribution_lists.push(list.clone());
                drop(data);
                ok(DistributionListCreated::new(list).into())
            }
            ArpMessage::UpdateDistributionList(update) => {
                let mut data = self.data();
                let Some(list) = data
                    .distribution_lists
                    .iter_mut()
                    .find(|l| l.id == update.args.id)
                else {
                    return fail("invalidDistributionList");
                };
                list.members = update.data.members.clone();
                if let Nullable::Value(name) = &update.data.name {
                    list.display_name = name.clone();
                }
                let list = list.clone();
                drop(data);
                ok(DistributionListUpdated::new(list).into())
            }
            ArpMessage::DeleteDistributionList(delete) => {
                let mut data = self.data();
                let before = data.distribution_lists.len();
                data.distribution_lists.retain(|l| l.id != delete.args.id);
                let found = data.distribution_lists.len() != before;
                drop(data);
                if found {
                    confirm()
                } else {
                    fail("invalidDistributionList")
                }
            }
            ArpMessage::DeleteMessage(delete) => {
                let mut data = self.data();
                let found = data
                    .messages
                    .get_mut(&key(&delete.args.receiver()))
                    .map(|messages| {
                        let before = messages.len();
                        messages.retain(|m| m.id != delete.args.message_id);
                        messages.len() != before
                    })
                    .unwrap_or(false);
                drop(data);
                if found {
                    confirm()
                } else {
                    fail("invalidMessage")
                }
            }
            ArpMessage::DeleteCleanReceiverConversation(delete) => {
                let receiver = delete.args.clone();
                self.data().messages.remove(&key(&receiver));
                confirm()
            }
            ArpMessage::RequestKeyPersisted(_) => confirm(),
            ArpMessage::RequestBatteryStatus(_) => {
                ok(UpdateBatteryStatus::new(Some(80), true).into())
            }
            ArpMessage::UpdateActiveConversation(_) | ArpMessage::UpdateTyping(_) => Vec::new(),
            ArpMessage::UpdateConversation(update) => {
                let receiver =
                    ReceiverRef::new(update.args.receiver_type.clone(), update.args.id.clone());
                if update.data.is_starred == Some(true) {
                    self.data().starred.push(key(&receiver));
                }
                confirm()
            }
            _ => fail("internalError"),
        }
    }

    /// Pushes for a message the app stored on the client's behalf.
    fn pushes(&self, receiver: &ReceiverRef, message: &Message) -> Vec<Frame> {
        let (messages, conversations) = {
            let subscribed = lock(&self.shared.subscribed);
            (
                subscribed.messages.contains(&key(receiver)),
                subscribed.conversations,
            )
        };
        let mut out = Vec::new();
        if messages {
            out.push(Frame::new(UpdateMessages::new(
                receiver.clone(),
                UpdateMode::New,
                vec![message.clone()],
            )));
        }
        if conversations && let Some(conversation) = self.data().conversation(receiver) {
            out.push(Frame::new(ConversationUpdated::new(
                UpdateMode::Modified,
                conversation,
            )));
        }
        out
    }

    /// Changes a message, answering with `update/messages` (the reply type of `read` and
    /// `ack`).
    fn mark(
        &self,
        reference: &MessageRef,
        change: impl FnOnce(&mut Message),
        id: Option<&str>,
        fail: &dyn Fn(&str) -> Vec<Frame>,
    ) -> Vec<Frame> {
        let receiver = reference.receiver();
        let changed = {
            let mut data = self.data();
            data.message_mut(&receiver, &reference.message_id).map(|m| {
                change(m);
                m.clone()
            })
        };
        match changed {
            Some(message) => {
                let frame = Frame::new(UpdateMessages::new(
                    receiver,
                    UpdateMode::Modified,
                    vec![message],
                ));
                vec![match id {
                    Some(id) => frame.with_ack(Ack::success(id)),
                    None => frame,
                }]
            }
            None => fail("invalidMessage"),
        }
    }
}

/// The bytes of `frame` spoiled as `fault` says.
fn corrupt(frame: &Frame, fault: Fault) -> Vec<u8> {
    let Ok(bytes) = frame.encode() else {
        return vec![0xc1];
    };
    match fault {
        Fault::TruncatedReply => bytes[..bytes.len() / 2].to_vec(),
        Fault::MalformedReply => {
            let Ok(mut value) = rmpv::decode::read_value(&mut bytes.as_slice()) else {
                return vec![0xc1];
            };
            if let rmpv::Value::Map(entries) = &mut value {
                entries.retain(|(key, _)| key.as_str() != Some("data"));
                entries.push(("data".into(), "not what the schema says".into()));
            }
            let mut out = Vec::new();
            match rmpv::encode::write_value(&mut out, &value) {
                Ok(()) => out,
                Err(_) => vec![0xc1],
            }
        }
        _ => vec![0xc1],
    }
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

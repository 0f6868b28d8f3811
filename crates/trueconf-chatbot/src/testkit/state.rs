//! The fake server's in-memory state and the Chatbot API's behaviour on it.

use crate::api::Method;
use crate::api::chats::{
    AddChatParticipant, ChangeParticipantRole, ClearHistory, CreateChannel, CreateGroupChat,
    CreateP2pChat, EditChatAvatar, EditChatTitle, GetChatById, GetChatParticipant,
    GetChatParticipants, GetChats, HasChatParticipant, RemoveChat, RemoveChatParticipant,
};
use crate::api::commands::AnswerCommand;
use crate::api::files::{
    GetFileInfo, SendFile, SubscribeFileProgress, UnsubscribeFileProgress, UploadFile,
};
use crate::api::messages::{
    EditMessage, ForwardMessage, GetChatHistory, GetMessageById, RemoveMessage, SendChatActivity,
    SendMessage,
};
use crate::api::notifications::{
    ChatAvatarEdited, ChatHistoryCleared, ChatRemoved, ChatTitleEdited, MessageEdited,
    MessageRemoved, Notification, ParticipantAdded, ParticipantRemoved, ParticipantRoleChanged,
    UploadFileProgress,
};
use crate::api::session::{Auth, GetUserDisplayName};
use crate::api::surveys::{EditSurvey, SendSurvey};
use crate::codec;
use crate::model::{
    AttachmentContent, Author, AuthorType, Chat, ChatId, ChatParticipant, ChatType, Envelope,
    EnvelopeContent, ErrorCode, ExtensionMode, FileId, FileReadyState, FileUploadLimits,
    MessageBox, MessageId, Role, SurveyContent, Timestamp, UserId,
};
use bytes::Bytes;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};
use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::time::{SystemTime, UNIX_EPOCH};
use tokio::sync::mpsc;

/// What a connection's writer is told to do.
#[derive(Debug)]
pub(crate) enum Outbound {
    /// Send a text frame.
    Text(String),
    /// Close with this code.
    Close(u16),
    /// Drop the TCP connection without a close frame.
    Drop,
}

/// A request refused with an error code.
pub(crate) struct Refusal {
    pub(crate) code: ErrorCode,
    pub(crate) description: &'static str,
}

fn refuse<T>(code: ErrorCode, description: &'static str) -> Result<T, Refusal> {
    Err(Refusal { code, description })
}

type Reply = Result<Value, Refusal>;

/// One user account.
#[derive(Debug, Clone)]
pub(crate) struct UserRecord {
    pub(crate) id: String,
    pub(crate) login: String,
    pub(crate) password: String,
    pub(crate) display_name: String,
    pub(crate) disabled: bool,
}

#[derive(Debug, Clone)]
pub(crate) struct TokenRecord {
    pub(crate) user: String,
    pub(crate) exp: u64,
    pub(crate) expired: bool,
}

/// One chat.
#[derive(Debug, Clone)]
pub(crate) struct ChatRecord {
    pub(crate) id: String,
    pub(crate) kind: ChatType,
    pub(crate) title: String,
    pub(crate) participants: BTreeMap<String, Role>,
    pub(crate) messages: Vec<Envelope>,
    pub(crate) avatar_url: Option<String>,
    pub(crate) order: u64,
}

/// One stored file.
#[derive(Debug, Clone)]
pub(crate) struct FileRecord {
    pub(crate) name: String,
    pub(crate) mime_type: String,
    pub(crate) size: u64,
    pub(crate) bytes: Bytes,
    pub(crate) state: FileReadyState,
    pub(crate) uploaded: u64,
    pub(crate) key: String,
}

#[derive(Debug, Clone)]
pub(crate) struct UploadTaskRecord {
    pub(crate) size: u64,
}

#[derive(Debug, Clone)]
pub(crate) struct TemporalFile {
    pub(crate) name: String,
    pub(crate) mime_type: String,
    pub(crate) bytes: Bytes,
}

/// One WebSocket connection.
pub(crate) struct ConnectionRecord {
    pub(crate) user: Option<String>,
    pub(crate) sender: mpsc::UnboundedSender<Outbound>,
    next_notification: u32,
    pub(crate) unacked: BTreeSet<u32>,
    pub(crate) acked: u64,
    subscriptions: BTreeSet<String>,
    /// Requests seen, for `drop_after`.
    pub(crate) requests: u64,
}

/// A request the fake received.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct RecordedRequest {
    /// The connection (numbered from 0).
    pub connection: u64,
    /// The authenticated user, if any (`bot@video.example.com`).
    pub user: Option<String>,
    /// The request id.
    pub id: u32,
    /// The method.
    pub method: String,
    /// The payload (`auth` tokens are replaced by `"[redacted]"`).
    pub payload: Value,
}

/// Settings fixed at start.
#[derive(Debug, Clone)]
pub(crate) struct Options {
    pub(crate) server_name: String,
    pub(crate) version: String,
    pub(crate) token_lifetime: u64,
    pub(crate) record_requests: bool,
}

/// Unread messages kept per user for `receiveUnread` (oldest dropped beyond this).
const UNREAD_LIMIT: usize = 1000;

/// Everything the fake knows.
pub(crate) struct State {
    pub(crate) options: Options,
    pub(crate) base_url: String,
    pub(crate) users: BTreeMap<String, UserRecord>,
    pub(crate) tokens: BTreeMap<String, TokenRecord>,
    pub(crate) password_login: bool,
    pub(crate) oauth_apps: BTreeMap<String, bool>,
    pub(crate) rest_tokens: BTreeMap<String, String>,
    pub(crate) auth_codes: BTreeMap<String, String>,
    pub(crate) chats: BTreeMap<String, ChatRecord>,
    pub(crate) message_chat: BTreeMap<String, String>,
    pub(crate) files: BTreeMap<String, FileRecord>,
    pub(crate) upload_tasks: BTreeMap<String, UploadTaskRecord>,
    pub(crate) temporal: BTreeMap<String, TemporalFile>,
    pub(crate) connections: BTreeMap<u64, ConnectionRecord>,
    pub(crate) unread: BTreeMap<String, VecDeque<Notification>>,
    pub(crate) limits: FileUploadLimits,
    pub(crate) requests: Vec<RecordedRequest>,
    pub(crate) commands: BTreeMap<String, String>,
    pub(crate) answers: Vec<AnswerCommand>,
    pub(crate) authentications: u64,
    pub(crate) acks: u64,
    /// Error codes to answer the next call of a method with.
    pub(crate) fail_next: BTreeMap<String, ErrorCode>,
    /// The unread backlog an `auth` with `receiveUnread` asked for, sent after its answer.
    pending_backlog: Option<(String, Vec<Notification>)>,
    next_id: u64,
    clock_ms: u64,
}

fn now_secs() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or_default()
}

/// Decodes a request payload into its type (399 when it does not fit).
fn payload<T: DeserializeOwned>(payload: &Value) -> Result<T, Refusal> {
    T::deserialize(payload)
        .or_else(|_| refuse(ErrorCode::WrongPayloadFormat, "wrong payload format"))
}

fn to_value<T: serde::Serialize>(value: &T) -> Reply {
    serde_json::to_value(value).or_else(|_| refuse(ErrorCode::InternalError, "internal error"))
}

impl State {
    pub(crate) fn new(options: Options, base_url: String) -> Self {
        let clock_ms = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
            .unwrap_or_default();
        Self {
            options,
            base_url,
            users: BTreeMap::new(),
            tokens: BTreeMap::new(),
            password_login: true,
            oauth_apps: BTreeMap::new(),
            rest_tokens: BTreeMap::new(),
            auth_codes: BTreeMap::new(),
            chats: BTreeMap::new(),
            message_chat: BTreeMap::new(),
            files: BTreeMap::new(),
            upload_tasks: BTreeMap::new(),
            temporal: BTreeMap::new(),
            connections: BTreeMap::new(),
            unread: BTreeMap::new(),
            limits: FileUploadLimits::default(),
            requests: Vec::new(),
            commands: BTreeMap::new(),
            answers: Vec::new(),
            authentications: 0,
            acks: 0,
            fail_next: BTreeMap::new(),
            pending_backlog: None,
            next_id: 0,
            clock_ms,
        }
    }

    fn next(&mut self) -> u64 {
        self.next_id += 1;
        self.next_id
    }

    /// A fresh timestamp (milliseconds, strictly increasing).
    pub(crate) fn tick(&mut self) -> Timestamp {
        self.clock_ms += 1;
        Timestamp::from_millis(self.clock_ms)
    }

    /// A 40-hex-digit id like the server's chat ids.
    fn hex_id(&mut self) -> String {
        let n = self.next();
        let mixed = u128::from(n).wrapping_mul(0x9E37_79B9_7F4A_7C15_F39C_C060_5CED_C835);
        format!("{mixed:032x}{n:08x}")
    }

    /// The full id of a user given a bare or full id (`alice` or `alice@server`), if known.
    pub(crate) fn resolve_user(&self, id: &str) -> Option<String> {
        let bare = id.split_once('/').map_or(id, |(b, _)| b).to_lowercase();
        let full = if bare.contains('@') {
            bare
        } else {
            format!("{bare}@{}", self.options.server_name)
        };
        self.users.contains_key(&full).then_some(full)
    }

    pub(crate) fn add_user(&mut self, login: &str, password: &str, display_name: &str) -> String {
        let id = format!("{}@{}", login.to_lowercase(), self.options.server_name);
        self.users.insert(
            id.clone(),
            UserRecord {
                id: id.clone(),
                login: login.to_owned(),
                password: password.to_owned(),
                display_name: display_name.to_owned(),
                disabled: false,
            },
        );
        id
    }

    pub(crate) fn user_by_login(&self, login: &str) -> Option<&UserRecord> {
        self.users.values().find(|u| u.login == login)
    }

    /// Mints a JWT for `user` valid for `lifetime` seconds (negative: already expired).
    pub(crate) fn mint_token(&mut self, user: &str, lifetime: i64) -> String {
        let n = self.next();
        let exp = now_secs().saturating_add_signed(lifetime);
        let token = super::jwt::mint(user, exp, n);
        self.tokens.insert(
            token.clone(),
            TokenRecord {
                user: user.to_owned(),
                exp,
                expired: false,
            },
        );
        token
    }

    pub(crate) fn rest_token(&mut self, user: &str) -> String {
        let token = format!("rest-{}", self.hex_id());
        self.rest_tokens.insert(token.clone(), user.to_owned());
        token
    }

    pub(crate) fn auth_code(&mut self, user: &str) -> String {
        let code = format!("code-{}", self.hex_id());
        self.auth_codes.insert(code.clone(), user.to_owned());
        code
    }

    // ---- connections and notifications -------------------------------------------------

    pub(crate) fn connect(&mut self, id: u64, sender: mpsc::UnboundedSender<Outbound>) {
        self.connections.insert(
            id,
            ConnectionRecord {
                user: None,
                sender,
                next_notification: 1,
                unacked: BTreeSet::new(),
                acked: 0,
                subscriptions: BTreeSet::new(),
                requests: 0,
            },
        );
    }

    pub(crate) fn disconnect(&mut self, id: u64) {
        self.connections.remove(&id);
    }

    pub(crate) fn ack(&mut self, connection: u64, id: u32) {
        self.acks += 1;
        if let Some(conn) = self.connections.get_mut(&connection) {
            conn.unacked.remove(&id);
            conn.acked += 1;
        }
    }

    /// Sends `notification` to every connection of `user`; keeps `sendMessage`s for later
    /// (`receiveUnread`) when the user has none.
    pub(crate) fn notify(&mut self, user: &str, notification: &Notification) {
        let mut delivered = false;
        for conn in self.connections.values_mut() {
            if conn.user.as_deref() != Some(user) {
                continue;
            }
            let id = conn.next_notification;
            conn.next_notification = conn.next_notification.wrapping_add(1);
            if let Ok(frame) = codec::encode_notification(id, notification) {
                conn.unacked.insert(id);
                delivered |= conn.sender.send(Outbound::Text(frame)).is_ok();
            }
        }
        if !delivered && matches!(notification, Notification::Message(_)) {
            let queue = self.unread.entry(user.to_owned()).or_default();
            if queue.len() >= UNREAD_LIMIT {
                queue.pop_front();
            }
            queue.push_back(notification.clone());
        }
    }

    /// Sends a raw frame to every connection of `user`.
    pub(crate) fn send_raw(&mut self, user: &str, text: &str) -> usize {
        let mut sent = 0;
        for conn in self.connections.values() {
            if conn.user.as_deref() == Some(user)
                && conn.sender.send(Outbound::Text(text.to_owned())).is_ok()
            {
                sent += 1;
            }
        }
        sent
    }

    /// Notifies every participant of `chat` except `except`.
    fn notify_chat(&mut self, chat: &str, except: &str, notification: &Notification) {
        let users: Vec<String> = self
            .chats
            .get(chat)
            .map(|c| {
                c.participants
                    .keys()
                    .filter(|u| *u != except)
                    .cloned()
                    .collect()
            })
            .unwrap_or_default();
        for user in users {
            self.notify(&user, notification);
        }
    }

    // ---- the API -----------------------------------------------------------------------

    /// Handles one request on `connection`.
    pub(crate) fn handle(&mut self, connection: u64, id: u32, method: &str, body: Value) -> Reply {
        let user = self
            .connections
            .get(&connection)
            .and_then(|c| c.user.clone());
        if self.options.record_requests {
            let mut recorded = body.clone();
            if method == Auth::NAME
                && let Some(token) = recorded.get_mut("token")
            {
                *token = Value::from("[redacted]");
            }
            self.requests.push(RecordedRequest {
                connection,
                user: user.clone(),
                id,
                method: method.to_owned(),
                payload: recorded,
            });
        }
        if let Some(code) = self.fail_next.remove(method) {
            return refuse(code, "failure scripted by the test");
        }
        if method == Auth::NAME {
            return self.auth(connection, &body);
        }
        let Some(user) = user else {
            return refuse(ErrorCode::NotAuthorized, "authenticate with `auth` first");
        };
        self.call(connection, &user, method, &body)
    }

    fn auth(&mut self, connection: u64, body: &Value) -> Reply {
        let auth: Auth = payload(body)?;
        if auth.token_type != crate::api::session::TOKEN_TYPE_JWT {
            return refuse(ErrorCode::UnsupportedCredentials, "unsupported token type");
        }
        let Some(token) = self.tokens.get(auth.token.expose()).cloned() else {
            return refuse(ErrorCode::InvalidCredentials, "invalid credentials");
        };
        if token.expired || token.exp <= now_secs() {
            return refuse(ErrorCode::CredentialsExpired, "credentials expired");
        }
        if self.users.get(&token.user).is_none_or(|u| u.disabled) {
            return refuse(ErrorCode::UserDisabled, "user disabled");
        }
        let resource = self.next();
        let Some(conn) = self.connections.get_mut(&connection) else {
            return refuse(ErrorCode::ConnectionError, "connection gone");
        };
        conn.user = Some(token.user.clone());
        self.authentications += 1;
        let answer = json!({
            "userId": format!("{}/{resource:x}", token.user),
            "connectionId": format!("{connection:08x}"),
        });
        if auth.receive_unread {
            // Delivered after the answer (the caller sends the answer first).
            let backlog: Vec<Notification> = self
                .unread
                .remove(&token.user)
                .map(Vec::from)
                .unwrap_or_default();
            self.pending_backlog = Some((token.user, backlog));
        }
        Ok(answer)
    }

    /// Sends the unread backlog that an `auth` with `receiveUnread` asked for.
    pub(crate) fn flush_backlog(&mut self) {
        if let Some((user, backlog)) = self.pending_backlog.take() {
            for notification in backlog {
                self.notify(&user, &notification);
            }
        }
    }

    fn chat_for(&self, chat: &ChatId, user: &str) -> Result<&ChatRecord, Refusal> {
        let Some(record) = self.chats.get(chat.as_str()) else {
            return refuse(ErrorCode::ChatNotFound, "chat not found");
        };
        if !record.participants.contains_key(user) {
            return refuse(ErrorCode::UserIsNotChatParticipant, "not a participant");
        }
        Ok(record)
    }

    fn role_in(&self, chat: &ChatId, user: &str) -> Result<Role, Refusal> {
        self.chat_for(chat, user)
            .map(|c| c.participants.get(user).cloned().unwrap_or(Role::User))
    }

    fn known_user(&self, id: &UserId) -> Result<String, Refusal> {
        self.resolve_user(id.as_str())
            .map_or_else(|| refuse(ErrorCode::AccessDenied, "no such user"), Ok)
    }

    fn chat_view(&self, record: &ChatRecord, user: &str) -> Chat {
        let mut chat = Chat::new(ChatId::new(record.id.clone()), record.kind);
        chat.title = Some(record.title.clone());
        chat.last_message = record.messages.last().cloned();
        chat.avatar_url = record.avatar_url.clone();
        chat.unread_messages = 0;
        let _ = user;
        chat
    }

    fn new_chat(&mut self, kind: ChatType, title: &str, members: &[(&str, Role)]) -> String {
        let id = self.hex_id();
        let order = self.next();
        self.chats.insert(
            id.clone(),
            ChatRecord {
                id: id.clone(),
                kind,
                title: title.to_owned(),
                participants: members
                    .iter()
                    .map(|(u, r)| ((*u).to_owned(), r.clone()))
                    .collect(),
                messages: Vec::new(),
                avatar_url: None,
                order,
            },
        );
        id
    }

    fn can_manage(role: &Role) -> bool {
        matches!(role, Role::Owner | Role::Admin)
    }

    /// Stores a message from `author` and notifies the other participants.
    pub(crate) fn post(
        &mut self,
        chat: &str,
        author: &str,
        content: EnvelopeContent,
        reply_to: Option<MessageId>,
    ) -> Envelope {
        let message_id = MessageId::new(format!("msg-{}", self.next()));
        let timestamp = self.tick();
        let mut envelope = Envelope::new(
            message_id.clone(),
            timestamp,
            Author::new(author, AuthorType::User),
            content,
        )
        .with_chat_id(ChatId::new(chat));
        if let Some(reply_to) = reply_to {
            envelope.reply_message = self.find_message(&reply_to).map(Box::new);
            envelope.reply_message_id = Some(reply_to);
        }
        let position = self.chats.get(chat).map_or(0, |c| c.messages.len());
        envelope.message_box = Some(MessageBox::new(
            i64::try_from(position).unwrap_or(i64::MAX),
            position.to_string(),
        ));
        self.message_chat
            .insert(message_id.into_string(), chat.to_owned());
        if let Some(record) = self.chats.get_mut(chat) {
            record.messages.push(envelope.clone());
        }
        self.notify_chat(
            chat,
            author,
            &Notification::Message(Box::new(envelope.clone())),
        );
        envelope
    }

    pub(crate) fn find_message(&self, id: &MessageId) -> Option<Envelope> {
        let chat = self.message_chat.get(id.as_str())?;
        self.chats
            .get(chat)?
            .messages
            .iter()
            .find(|m| &m.message_id == id)
            .cloned()
    }

    fn message_for(&self, id: &MessageId, user: &str) -> Result<(String, Envelope), Refusal> {
        let Some(envelope) = self.find_message(id) else {
            return refuse(ErrorCode::MessageNotFound, "message not found");
        };
        let chat = self
            .message_chat
            .get(id.as_str())
            .cloned()
            .unwrap_or_default();
        if !self
            .chats
            .get(&chat)
            .is_some_and(|c| c.participants.contains_key(user))
        {
            return refuse(ErrorCode::UserIsNotChatParticipant, "not a participant");
        }
        Ok((chat, envelope))
    }

    fn may_post(&self, chat: &ChatId, user: &str) -> Result<(), Refusal> {
        let record = self.chat_for(chat, user)?;
        let role = record.participants.get(user).cloned().unwrap_or(Role::User);
        if record.kind == ChatType::Channel
            && !matches!(role, Role::Owner | Role::Admin | Role::Writer)
        {
            return refuse(ErrorCode::NotEnoughRights, "only writers post to a channel");
        }
        Ok(())
    }

    #[allow(clippy::too_many_lines)]
    fn call(&mut self, connection: u64, user: &str, method: &str, body: &Value) -> Reply {
        match method {
            GetUserDisplayName::NAME => {
                let r: GetUserDisplayName = payload(body)?;
                let id = self.known_user(&r.user_id)?;
                let name = self.users.get(&id).map(|u| u.display_name.clone());
                Ok(json!({ "displayName": name }))
            }
            CreateP2pChat::NAME => {
                let r: CreateP2pChat = payload(body)?;
                let other = self.known_user(&r.user_id)?;
                let existing = self.chats.values().find(|c| {
                    c.kind == ChatType::P2p
                        && c.participants.contains_key(user)
                        && c.participants.contains_key(&other)
                });
                if let Some(chat) = existing {
                    return Ok(json!({ "chatId": chat.id }));
                }
                let title = self
                    .users
                    .get(&other)
                    .map(|u| u.display_name.clone())
                    .unwrap_or_default();
                let id = self.new_chat(
                    ChatType::P2p,
                    &title,
                    &[(user, Role::User), (&other, Role::User)],
                );
                if other != user
                    && let Some(record) = self.chats.get(&id)
                {
                    let chat = self.chat_view(record, &other);
                    self.notify(&other, &Notification::P2pChatCreated(Box::new(chat)));
                }
                Ok(json!({ "chatId": id }))
            }
            CreateGroupChat::NAME => {
                let r: CreateGroupChat = payload(body)?;
                let id = self.new_chat(ChatType::Group, &r.title, &[(user, Role::Owner)]);
                Ok(json!({ "chatId": id }))
            }
            CreateChannel::NAME => {
                let r: CreateChannel = payload(body)?;
                let id = self.new_chat(ChatType::Channel, &r.title, &[(user, Role::Owner)]);
                Ok(json!({ "chatId": id }))
            }
            "createFavoritesChat" => {
                let existing = self
                    .chats
                    .values()
                    .find(|c| c.kind == ChatType::Favorites && c.participants.contains_key(user));
                if let Some(chat) = existing {
                    return Ok(json!({ "chatId": chat.id }));
                }
                let id = self.new_chat(
                    ChatType::Favorites,
                    "Favorites",
                    &[(user, Role::FavoritesOwner)],
                );
                Ok(json!({ "chatId": id }))
            }
            EditChatTitle::NAME => {
                let r: EditChatTitle = payload(body)?;
                let role = self.role_in(&r.chat_id, user)?;
                let kind = self.chats.get(r.chat_id.as_str()).map(|c| c.kind);
                if kind == Some(ChatType::P2p) || !Self::can_manage(&role) {
                    return refuse(ErrorCode::NotEnoughRights, "not enough rights");
                }
                if let Some(chat) = self.chats.get_mut(r.chat_id.as_str()) {
                    chat.title.clone_from(&r.title);
                }
                let notification = Notification::ChatTitleEdited(ChatTitleEdited::new(
                    r.chat_id.clone(),
                    &r.title,
                ));
                self.notify_chat(r.chat_id.as_str(), user, &notification);
                let timestamp = self.tick();
                Ok(json!({ "chatId": r.chat_id, "timestamp": timestamp }))
            }
            EditChatAvatar::NAME => {
                let r: EditChatAvatar = payload(body)?;
                let role = self.role_in(&r.chat_id, user)?;
                if !Self::can_manage(&role) {
                    return refuse(ErrorCode::NotEnoughRights, "not enough rights");
                }
                let url = match &r.temporal_file_id {
                    Some(temporal) => {
                        if !self.temporal.contains_key(temporal) {
                            return refuse(ErrorCode::FileNotFound, "file not found");
                        }
                        Some(format!("{}/avatars/{temporal}", self.base_url))
                    }
                    None => None,
                };
                if let Some(chat) = self.chats.get_mut(r.chat_id.as_str()) {
                    chat.avatar_url.clone_from(&url);
                }
                let notification =
                    Notification::ChatAvatarEdited(ChatAvatarEdited::new(r.chat_id.clone(), url));
                self.notify_chat(r.chat_id.as_str(), user, &notification);
                let timestamp = self.tick();
                Ok(json!({ "chatId": r.chat_id, "timestamp": timestamp }))
            }
            ClearHistory::NAME => {
                let r: ClearHistory = payload(body)?;
                self.chat_for(&r.chat_id, user)?;
                if let Some(chat) = self.chats.get_mut(r.chat_id.as_str()) {
                    chat.messages.clear();
                }
                if r.for_all == Some(true) {
                    let notification = Notification::HistoryCleared(ChatHistoryCleared::new(
                        r.chat_id.clone(),
                        Some(true),
                    ));
                    self.notify_chat(r.chat_id.as_str(), user, &notification);
                }
                Ok(json!({}))
            }
            RemoveChat::NAME => {
                let r: RemoveChat = payload(body)?;
                let role = self.role_in(&r.chat_id, user)?;
                let kind = self.chats.get(r.chat_id.as_str()).map(|c| c.kind);
                if kind != Some(ChatType::P2p) && role != Role::Owner {
                    return refuse(ErrorCode::NotEnoughRights, "only the owner removes a chat");
                }
                let notification = Notification::ChatRemoved(ChatRemoved::new(r.chat_id.clone()));
                self.notify_chat(r.chat_id.as_str(), user, &notification);
                self.chats.remove(r.chat_id.as_str());
                // Like real servers: no `chatId` in the answer.
                Ok(json!({}))
            }
            AddChatParticipant::NAME => {
                let r: AddChatParticipant = payload(body)?;
                let role = self.role_in(&r.chat_id, user)?;
                let other = self.known_user(&r.user_id)?;
                let Some(chat) = self.chats.get(r.chat_id.as_str()) else {
                    return refuse(ErrorCode::ChatNotFound, "chat not found");
                };
                if !matches!(chat.kind, ChatType::Group | ChatType::Channel)
                    || !Self::can_manage(&role)
                {
                    return refuse(ErrorCode::NotEnoughRights, "not enough rights");
                }
                if chat.participants.contains_key(&other) {
                    return refuse(
                        ErrorCode::UserIsAlreadyChatParticipant,
                        "already a participant",
                    );
                }
                let kind = chat.kind;
                let timestamp = self.tick();
                let mut added =
                    ParticipantAdded::new(r.chat_id.clone(), UserId::new(other.clone()));
                added.user_role = Some(Role::User);
                added.added_by = Some(Author::new(user, AuthorType::User));
                added.timestamp = Some(timestamp);
                self.notify_chat(
                    r.chat_id.as_str(),
                    user,
                    &Notification::ParticipantAdded(added),
                );
                if let Some(chat) = self.chats.get_mut(r.chat_id.as_str()) {
                    chat.participants.insert(other.clone(), Role::User);
                }
                if let Some(record) = self.chats.get(r.chat_id.as_str()) {
                    let view = Box::new(self.chat_view(record, &other));
                    let created = if kind == ChatType::Channel {
                        Notification::ChannelCreated(view)
                    } else {
                        Notification::GroupChatCreated(view)
                    };
                    self.notify(&other, &created);
                }
                Ok(json!({}))
            }
            RemoveChatParticipant::NAME => {
                let r: RemoveChatParticipant = payload(body)?;
                let role = self.role_in(&r.chat_id, user)?;
                let other = self.known_user(&r.user_id)?;
                let Some(chat) = self.chats.get(r.chat_id.as_str()) else {
                    return refuse(ErrorCode::ChatNotFound, "chat not found");
                };
                if !chat.participants.contains_key(&other) {
                    return refuse(ErrorCode::UserIsNotChatParticipant, "not a participant");
                }
                if other != user && !Self::can_manage(&role) {
                    return refuse(ErrorCode::NotEnoughRights, "not enough rights");
                }
                if let Some(chat) = self.chats.get_mut(r.chat_id.as_str()) {
                    chat.participants.remove(&other);
                }
                let mut removed =
                    ParticipantRemoved::new(r.chat_id.clone(), UserId::new(other.clone()));
                removed.removed_by = Some(Author::new(user, AuthorType::User));
                self.notify_chat(
                    r.chat_id.as_str(),
                    user,
                    &Notification::ParticipantRemoved(removed),
                );
                self.notify(
                    &other,
                    &Notification::ChatRemoved(ChatRemoved::new(r.chat_id)),
                );
                Ok(json!({}))
            }
            ChangeParticipantRole::NAME => {
                let r: ChangeParticipantRole = payload(body)?;
                let role = self.role_in(&r.chat_id, user)?;
                if matches!(r.role, Role::Other(_)) {
                    return refuse(ErrorCode::RoleNotFound, "role not found");
                }
                let other = self.known_user(&r.user_id)?;
                if role != Role::Owner {
                    return refuse(ErrorCode::NotEnoughRights, "only the owner changes roles");
                }
                let Some(chat) = self.chats.get_mut(r.chat_id.as_str()) else {
                    return refuse(ErrorCode::ChatNotFound, "chat not found");
                };
                let Some(slot) = chat.participants.get_mut(&other) else {
                    return refuse(ErrorCode::UserIsNotChatParticipant, "not a participant");
                };
                *slot = r.role.clone();
                let changed =
                    ParticipantRoleChanged::new(r.chat_id.clone(), UserId::new(other), r.role);
                self.notify_chat(
                    r.chat_id.as_str(),
                    user,
                    &Notification::ParticipantRoleChanged(changed),
                );
                Ok(json!({}))
            }
            GetChatById::NAME => {
                let r: GetChatById = payload(body)?;
                let chat = self.chat_view(self.chat_for(&r.chat_id, user)?, user);
                to_value(&chat)
            }
            GetChats::NAME => {
                let r: GetChats = payload(body)?;
                if r.page == 0 {
                    return refuse(ErrorCode::WrongPayloadFormat, "pages count from 1");
                }
                let mut mine: Vec<&ChatRecord> = self
                    .chats
                    .values()
                    .filter(|c| c.participants.contains_key(user))
                    .collect();
                mine.sort_by_key(|c| c.order);
                let count = r.count as usize;
                let skip = (r.page as usize - 1).saturating_mul(count);
                let page: Vec<Chat> = mine
                    .into_iter()
                    .skip(skip)
                    .take(count)
                    .map(|c| self.chat_view(c, user))
                    .collect();
                to_value(&page)
            }
            GetChatParticipant::NAME => {
                let r: GetChatParticipant = payload(body)?;
                let chat = self.chat_for(&r.chat_id, user)?;
                let other = self.resolve_user(r.user_id.as_str()).unwrap_or_default();
                match chat.participants.get(&other) {
                    Some(role) => to_value(&ChatParticipant::new(
                        UserId::new(other),
                        role.clone(),
                        AuthorType::User,
                    )),
                    None => refuse(ErrorCode::UserIsNotChatParticipant, "not a participant"),
                }
            }
            GetChatParticipants::NAME => {
                let r: GetChatParticipants = payload(body)?;
                let chat = self.chat_for(&r.chat_id, user)?;
                let size = r.page_size as usize;
                let skip = (r.page_number.max(1) as usize - 1).saturating_mul(size);
                let participants: Vec<ChatParticipant> = chat
                    .participants
                    .iter()
                    .skip(skip)
                    .take(size)
                    .map(|(u, role)| {
                        ChatParticipant::new(UserId::new(u.clone()), role.clone(), AuthorType::User)
                    })
                    .collect();
                Ok(json!({ "participants": to_value(&participants)? }))
            }
            HasChatParticipant::NAME => {
                let r: HasChatParticipant = payload(body)?;
                let chat = self.chat_for(&r.chat_id, user)?;
                let other = self.resolve_user(r.user_id.as_str()).unwrap_or_default();
                Ok(json!({ "result": chat.participants.contains_key(&other) }))
            }
            SendMessage::NAME => {
                let r: SendMessage = payload(body)?;
                self.may_post(&r.chat_id, user)?;
                if let Some(reply) = &r.reply_message_id
                    && self.message_chat.get(reply.as_str()) != Some(&r.chat_id.as_str().to_owned())
                {
                    return refuse(ErrorCode::MessageNotFound, "reply target not found");
                }
                let envelope = self.post(
                    r.chat_id.as_str(),
                    user,
                    EnvelopeContent::Text(r.content),
                    r.reply_message_id,
                );
                Ok(json!({
                    "chatId": r.chat_id,
                    "messageId": envelope.message_id,
                    "timestamp": envelope.timestamp,
                }))
            }
            EditMessage::NAME => {
                let r: EditMessage = payload(body)?;
                let (chat, envelope) = self.message_for(&r.message_id, user)?;
                if envelope.author.id != user {
                    return refuse(ErrorCode::NotEnoughRights, "only the author edits");
                }
                if !matches!(envelope.content, EnvelopeContent::Text(_)) {
                    return refuse(ErrorCode::WrongPayloadFormat, "not a text message");
                }
                let timestamp = self.tick();
                if let Some(stored) = self
                    .chats
                    .get_mut(&chat)
                    .and_then(|c| c.messages.iter_mut().find(|m| m.message_id == r.message_id))
                {
                    stored.content = EnvelopeContent::Text(r.content.clone());
                    stored.is_edited = Some(true);
                }
                let mut edited =
                    MessageEdited::new(ChatId::new(chat.clone()), timestamp, r.content);
                edited.message_id = Some(r.message_id.clone());
                self.notify_chat(&chat, user, &Notification::MessageEdited(edited));
                Ok(json!({ "messageId": r.message_id, "timestamp": timestamp }))
            }
            RemoveMessage::NAME => {
                let r: RemoveMessage = payload(body)?;
                let (chat, envelope) = self.message_for(&r.message_id, user)?;
                let role = self.role_in(&ChatId::new(chat.clone()), user)?;
                if envelope.author.id != user && !Self::can_manage(&role) {
                    return refuse(ErrorCode::NotEnoughRights, "not enough rights");
                }
                if let Some(record) = self.chats.get_mut(&chat) {
                    record.messages.retain(|m| m.message_id != r.message_id);
                }
                self.message_chat.remove(r.message_id.as_str());
                let mut removed = MessageRemoved::new(ChatId::new(chat.clone()), r.message_id);
                removed.removed_by = Some(Author::new(user, AuthorType::User));
                self.notify_chat(&chat, user, &Notification::MessageRemoved(removed));
                Ok(json!({}))
            }
            ForwardMessage::NAME => {
                let r: ForwardMessage = payload(body)?;
                let (_, envelope) = self.message_for(&r.message_id, user)?;
                self.may_post(&r.chat_id, user)?;
                let forwarded = self.post(
                    r.chat_id.as_str(),
                    user,
                    EnvelopeContent::Forwarded(Box::new(envelope)),
                    None,
                );
                Ok(json!({
                    "chatId": r.chat_id,
                    "messageId": forwarded.message_id,
                    "timestamp": forwarded.timestamp,
                }))
            }
            GetChatHistory::NAME => {
                let r: GetChatHistory = payload(body)?;
                let chat = self.chat_for(&r.chat_id, user)?;
                let end = match &r.from_message_id {
                    Some(from) => match chat.messages.iter().position(|m| &m.message_id == from) {
                        Some(at) => at,
                        None => return refuse(ErrorCode::MessageNotFound, "message not found"),
                    },
                    None => chat.messages.len(),
                };
                let start = end.saturating_sub(r.count as usize);
                let messages = &chat.messages[start..end];
                Ok(json!({
                    "chatId": r.chat_id,
                    "count": messages.len(),
                    "messages": to_value(&messages)?,
                }))
            }
            GetMessageById::NAME => {
                let r: GetMessageById = payload(body)?;
                let (_, envelope) = self.message_for(&r.message_id, user)?;
                to_value(&envelope)
            }
            SendChatActivity::NAME => {
                let r: SendChatActivity = payload(body)?;
                self.chat_for(&r.chat_id, user)?;
                Ok(
                    json!({ "chatId": r.chat_id, "activityType": r.activity_type, "retryAfter": 3000 }),
                )
            }
            AnswerCommand::NAME => {
                let r: AnswerCommand = payload(body)?;
                if !self.commands.contains_key(&r.command_id) {
                    return refuse(ErrorCode::UnknownMessage, "unknown command");
                }
                self.answers.push(r);
                Ok(json!({}))
            }
            UploadFile::NAME => {
                let r: UploadFile = payload(body)?;
                if let Err(_limit) = crate::validate::file(&self.limits, &r.file_name, r.file_size)
                {
                    return refuse(
                        ErrorCode::FileUploadFailed,
                        "the file violates the upload limits",
                    );
                }
                let task = format!("task-{}", self.hex_id());
                self.upload_tasks
                    .insert(task.clone(), UploadTaskRecord { size: r.file_size });
                Ok(json!({ "uploadTaskId": task }))
            }
            SendFile::NAME => {
                let r: SendFile = payload(body)?;
                self.may_post(&r.chat_id, user)?;
                let Some(temporal) = self.temporal.remove(&r.content.temporal_file_id) else {
                    return refuse(ErrorCode::FileNotFound, "file not found");
                };
                let file_id = self.store_file(&temporal, FileReadyState::Ready);
                let attachment = self.attachment(&file_id);
                let envelope = self.post(
                    r.chat_id.as_str(),
                    user,
                    EnvelopeContent::Attachment(attachment),
                    r.reply_message_id,
                );
                let mut answer = json!({
                    "chatId": r.chat_id,
                    "messageId": envelope.message_id,
                    "timestamp": envelope.timestamp,
                    "fileId": file_id,
                });
                if let Some(caption) = r.content.caption {
                    let caption = self.post(
                        r.chat_id.as_str(),
                        user,
                        EnvelopeContent::Text(caption),
                        None,
                    );
                    answer["captionMessageId"] = json!(caption.message_id);
                }
                Ok(answer)
            }
            GetFileInfo::NAME => {
                let r: GetFileInfo = payload(body)?;
                let Some(file) = self.files.get(r.file_id.as_str()) else {
                    return refuse(ErrorCode::FileNotFound, "file not found");
                };
                let url = (file.state == FileReadyState::Ready)
                    .then(|| format!("{}/files/{}/{}", self.base_url, r.file_id, file.key));
                Ok(json!({
                    "name": file.name,
                    "size": file.size,
                    "mimeType": file.mime_type,
                    "readyState": file.state,
                    "downloadUrl": url,
                    "previews": [],
                    "fileId": r.file_id,
                }))
            }
            SubscribeFileProgress::NAME => {
                let r: SubscribeFileProgress = payload(body)?;
                if !self.files.contains_key(r.file_id.as_str()) {
                    return refuse(ErrorCode::FileNotFound, "file not found");
                }
                if let Some(conn) = self.connections.get_mut(&connection) {
                    conn.subscriptions.insert(r.file_id.into_string());
                }
                Ok(json!({ "result": true }))
            }
            UnsubscribeFileProgress::NAME => {
                let r: UnsubscribeFileProgress = payload(body)?;
                if !self.files.contains_key(r.file_id.as_str()) {
                    return refuse(ErrorCode::FileNotFound, "file not found");
                }
                if let Some(conn) = self.connections.get_mut(&connection) {
                    conn.subscriptions.remove(r.file_id.as_str());
                }
                Ok(json!({}))
            }
            "getFileUploadLimits" => to_value(&self.limits),
            SendSurvey::NAME => {
                let r: SendSurvey = payload(body)?;
                self.may_post(&r.chat_id, user)?;
                let envelope = self.post(
                    r.chat_id.as_str(),
                    user,
                    EnvelopeContent::Survey(r.content),
                    r.reply_message_id,
                );
                Ok(json!({ "chatId": r.chat_id, "messageId": envelope.message_id }))
            }
            EditSurvey::NAME => {
                let r: EditSurvey = payload(body)?;
                let (chat, envelope) = self.message_for(&r.message_id, user)?;
                if envelope.author.id != user {
                    return refuse(ErrorCode::NotEnoughRights, "only the author edits");
                }
                let Some(stored) = self
                    .chats
                    .get_mut(&chat)
                    .and_then(|c| c.messages.iter_mut().find(|m| m.message_id == r.message_id))
                else {
                    return refuse(ErrorCode::MessageNotFound, "message not found");
                };
                let EnvelopeContent::Survey(survey) = &mut stored.content else {
                    return refuse(ErrorCode::WrongPayloadFormat, "not a survey");
                };
                apply_survey_edit(survey, r.content);
                stored.is_edited = Some(true);
                Ok(json!({ "messageId": r.message_id }))
            }
            _ => refuse(ErrorCode::RouteNotFound, "unknown method"),
        }
    }

    /// Stores a file and returns its id.
    pub(crate) fn store_file(&mut self, file: &TemporalFile, state: FileReadyState) -> String {
        let id = format!("file-{}", self.hex_id());
        let key = format!("k{}", self.next());
        let size = file.bytes.len() as u64;
        self.files.insert(
            id.clone(),
            FileRecord {
                name: file.name.clone(),
                mime_type: file.mime_type.clone(),
                size,
                bytes: file.bytes.clone(),
                state,
                uploaded: if state == FileReadyState::Ready {
                    size
                } else {
                    0
                },
                key,
            },
        );
        id
    }

    pub(crate) fn attachment(&self, file_id: &str) -> AttachmentContent {
        let (name, size, mime, state) = self.files.get(file_id).map_or_else(
            || {
                (
                    String::new(),
                    0,
                    String::new(),
                    FileReadyState::NotAvailable,
                )
            },
            |f| (f.name.clone(), f.size, f.mime_type.clone(), f.state),
        );
        let mut content = AttachmentContent::new(name, size, FileId::new(file_id), mime);
        content.ready_state = Some(state);
        content
    }

    /// Moves an uploading file's progress and tells the subscribed connections.
    pub(crate) fn upload_progress(&mut self, file_id: &str, uploaded: u64) {
        let Some(file) = self.files.get_mut(file_id) else {
            return;
        };
        file.uploaded = uploaded.min(file.size);
        let notification = Notification::UploadProgress(UploadFileProgress::new(
            FileId::new(file_id),
            file.uploaded,
        ));
        for conn in self.connections.values_mut() {
            if !conn.subscriptions.contains(file_id) {
                continue;
            }
            let id = conn.next_notification;
            conn.next_notification = conn.next_notification.wrapping_add(1);
            if let Ok(frame) = codec::encode_notification(id, &notification) {
                conn.unacked.insert(id);
                let _ = conn.sender.send(Outbound::Text(frame));
            }
        }
    }

    /// A multipart upload for `task`: checks and stores the bytes.
    pub(crate) fn upload(
        &mut self,
        task: &str,
        file: TemporalFile,
    ) -> Result<String, (u32, &'static str)> {
        let Some(record) = self.upload_tasks.remove(task) else {
            return Err((407, "upload task not found"));
        };
        if file.bytes.len() as u64 != record.size {
            return Err((
                408,
                "the file size differs from the size given to uploadFile",
            ));
        }
        if let Some(max) = self.limits.max_size
            && record.size > max
        {
            return Err((406, "maximum file size exceeded"));
        }
        if let Some(filter) = &self.limits.extensions
            && filter.mode == ExtensionMode::Block
            && crate::validate::file(&self.limits, &file.name, record.size).is_err()
        {
            return Err((403, "file upload forbidden"));
        }
        let id = format!("tmp-{}", self.hex_id());
        self.temporal.insert(id.clone(), file);
        Ok(id)
    }
}

fn apply_survey_edit(survey: &mut SurveyContent, edit: crate::api::surveys::SurveyEdit) {
    if let Some(title) = edit.title {
        survey.title = title;
    }
    if edit.path.is_some() {
        survey.path = edit.path;
    }
    if edit.description.is_some() {
        survey.description = edit.description;
    }
    if edit.button_text.is_some() {
        survey.button_text = edit.button_text;
    }
    if edit.alt.is_some() {
        survey.alt = edit.alt;
    }
}

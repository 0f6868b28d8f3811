//! The fake server's state and what it does with each request.

use crate::api::notifications::*;
use crate::api::requests::*;
use crate::api::responses::{ResponseFiles, ResponseGetMessages, ResponseStatusMessage};
use crate::api::{Inbound, Notification, Request, Response};
use crate::model::{
    Application, ApplicationId, Base64Data, Contact, Conversation, ConversationUuid,
    EncryptedEnvelope, FileInfo, KeyPairUuid, Message, MessageUuid, Param, PemEncryptedPrivateKey,
    PemPublicKey, SessionKey, SessionKeyUuid, SessionKeyValue, Status, Theme, Timestamp, User,
    UserId,
};
use rand::Rng as _;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use transport_core::Secret;

/// Statuses the fake server answers failures with (the real server's are unknown).
pub(crate) mod status {
    /// The connection is not authenticated, or the application is unknown or unconfirmed.
    pub(crate) const UNAUTHORIZED: &str = "unauthorized";
    /// The user, conversation, message or session key does not exist (for this user).
    pub(crate) const NOT_FOUND: &str = "not_found";
    /// The user is not a member (or not an admin) of the conversation.
    pub(crate) const FORBIDDEN: &str = "forbidden";
    /// The conversation or message uuid is taken.
    pub(crate) const CONFLICT: &str = "conflict";
    /// The SMS code is wrong, or nothing awaits one.
    pub(crate) const WRONG_CODE: &str = "wrong_code";
    /// The request's body did not decode, or its fields contradict each other.
    pub(crate) const BAD_REQUEST: &str = "bad_request";
    /// The wire name is not a request this server knows.
    pub(crate) const UNKNOWN_REQUEST: &str = "unknown_request";
}

/// A registered user.
#[derive(Debug, Clone)]
pub(crate) struct UserRecord {
    pub(crate) user: User,
    pub(crate) phone: String,
}

/// A registered application.
#[derive(Debug, Clone)]
pub(crate) struct AppRecord {
    pub(crate) application: Application,
    pub(crate) sms_code: Secret,
}

/// A conversation and its per-member nicks.
#[derive(Debug, Clone)]
pub(crate) struct ConversationRecord {
    pub(crate) conversation: Conversation,
    pub(crate) nicks: BTreeMap<UserId, EncryptedEnvelope>,
}

impl ConversationRecord {
    fn everyone(&self) -> Vec<UserId> {
        let mut all = self.conversation.admins.clone();
        for member in &self.conversation.members {
            if !all.contains(member) {
                all.push(member.clone());
            }
        }
        all
    }

    fn has(&self, user: &UserId) -> bool {
        self.conversation.admins.contains(user) || self.conversation.members.contains(user)
    }

    fn remove(&mut self, user: &UserId) {
        self.conversation.admins.retain(|u| u != user);
        self.conversation.members.retain(|u| u != user);
    }
}

/// A stored message with who received and read it.
#[derive(Debug, Clone)]
pub(crate) struct MessageRecord {
    pub(crate) message: Message,
    pub(crate) delivered_to: BTreeSet<UserId>,
    pub(crate) read_by: BTreeSet<UserId>,
}

/// A request that waits for an SMS code (account deletion, key update).
#[derive(Debug, Clone)]
enum PendingCode {
    DeleteUser {
        user: UserId,
        code: Secret,
    },
    UpdateKeys {
        user: UserId,
        code: Secret,
        request: Box<RequestUpdateUserKeys>,
    },
}

/// A notification for every connection of `to`, except connection `except`.
#[derive(Debug, Clone)]
pub(crate) struct Push {
    pub(crate) to: UserId,
    pub(crate) except: Option<usize>,
    pub(crate) notification: Notification,
}

/// What handling one request produced.
#[derive(Debug, Default)]
pub(crate) struct Outcome {
    pub(crate) reply: Option<Inbound>,
    pub(crate) pushes: Vec<Push>,
}

impl Outcome {
    fn reply(reply: impl Into<Response>) -> Self {
        Self {
            reply: Some(Inbound::Response(reply.into())),
            pushes: Vec::new(),
        }
    }

    fn ok(request: &str) -> Self {
        Self::status(request, "ok", None)
    }

    fn status(request: &str, status: &str, description: Option<&str>) -> Self {
        let mut message = ResponseStatusMessage::new(request, Status::from(status));
        message.description = description.map(str::to_owned);
        Self::reply(message)
    }

    fn push(mut self, to: &UserId, except: Option<usize>, notification: Notification) -> Self {
        self.pushes.push(Push {
            to: to.clone(),
            except,
            notification,
        });
        self
    }
}

/// Lower-case key of a UUID (the server compares UUIDs ignoring case and returns them as
/// created).
fn key(uuid: &str) -> String {
    uuid.to_ascii_lowercase()
}

/// Everything the fake server knows.
#[derive(Debug)]
pub(crate) struct State {
    pub(crate) server_version: String,
    pub(crate) fixed_sms_code: Option<String>,
    pub(crate) users: BTreeMap<UserId, UserRecord>,
    pub(crate) applications: BTreeMap<ApplicationId, AppRecord>,
    pub(crate) sms: BTreeMap<String, Secret>,
    pub(crate) conversations: BTreeMap<String, ConversationRecord>,
    pub(crate) session_keys: Vec<SessionKey>,
    pub(crate) messages: BTreeMap<String, Vec<MessageRecord>>,
    pub(crate) files: BTreeMap<(String, String), Vec<FileInfo>>,
    pub(crate) contacts: BTreeMap<UserId, Vec<Contact>>,
    pub(crate) params: BTreeMap<UserId, Vec<Param>>,
    pub(crate) blacklists: BTreeMap<UserId, Vec<UserId>>,
    pub(crate) reports: Vec<(String, String)>,
    pending_codes: Vec<PendingCode>,
    /// Connection index → the user it authenticated as.
    pub(crate) sessions: BTreeMap<usize, UserId>,
    pub(crate) settings: ResponseServerSettings,
}

impl State {
    pub(crate) fn new(server_version: String, fixed_sms_code: Option<String>) -> Self {
        let support = UserId::from_wire("c3VwcG9ydC1zdXBwb3J0LXN1cHBvcnQtc3VwcG9ydC0=");
        let admin = UserId::from_wire("YWRtaW4tYWRtaW4tYWRtaW4tYWRtaW4tYWRtaW4tYWQ=");
        let theme = Theme::new(
            "#2e7d32",
            "#FFFFFF",
            "#2e7d32",
            "#FFFFFF",
            "#EEEEEE",
            "#000000",
            "http://127.0.0.1/logo.png",
            "http://127.0.0.1/sound.mp3",
        );
        Self {
            server_version,
            fixed_sms_code,
            users: BTreeMap::new(),
            applications: BTreeMap::new(),
            sms: BTreeMap::new(),
            conversations: BTreeMap::new(),
            session_keys: Vec::new(),
            messages: BTreeMap::new(),
            files: BTreeMap::new(),
            contacts: BTreeMap::new(),
            params: BTreeMap::new(),
            blacklists: BTreeMap::new(),
            reports: Vec::new(),
            pending_codes: Vec::new(),
            sessions: BTreeMap::new(),
            settings: ResponseServerSettings::new(support, admin, theme),
        }
    }

    fn new_code(&self) -> Secret {
        match &self.fixed_sms_code {
            Some(code) => Secret::new(code.clone()),
            None => Secret::new(rand::thread_rng().gen_range(100_000..1_000_000).to_string()),
        }
    }

    /// "Sends" an SMS: the code is kept for tests to read.
    fn send_sms(&mut self, phone: &str) -> Secret {
        let code = self.new_code();
        self.sms.insert(phone.to_owned(), code.clone());
        code
    }

    /// Sends an SMS code to `phone` if it is `me`'s number; else the refusal to answer.
    fn sms_to_own_number(
        &mut self,
        me: &UserId,
        name: &str,
        phone: &str,
    ) -> Result<Secret, Box<Outcome>> {
        match self.users.get(me) {
            None => Err(Box::new(Outcome::status(name, status::NOT_FOUND, None))),
            Some(user) if user.phone != phone => Err(Box::new(Outcome::status(
                name,
                status::BAD_REQUEST,
                Some("not your number"),
            ))),
            Some(_) => Ok(self.send_sms(phone)),
        }
    }

    fn conversation(&self, uuid: &ConversationUuid) -> Option<&ConversationRecord> {
        self.conversations.get(&key(uuid.as_str()))
    }

    /// Users who share a conversation with `user` (for key-change notifications).
    fn peers_of(&self, user: &UserId) -> BTreeSet<UserId> {
        self.conversations
            .values()
            .filter(|c| c.has(user))
            .flat_map(ConversationRecord::everyone)
            .filter(|u| u != user)
            .collect()
    }

    /// `conversation` as `viewer` sees it (unread counter).
    fn render_conversation(&self, record: &ConversationRecord, viewer: &UserId) -> Conversation {
        let mut conversation = record.conversation.clone();
        let unread = self
            .messages
            .get(&key(conversation.uuid.as_str()))
            .map_or(0, |messages| {
                messages
                    .iter()
                    .filter(|m| {
                        !m.message.deleted
                            && &m.message.user_id != viewer
                            && !m.read_by.contains(viewer)
                    })
                    .count()
            });
        conversation.unreaded_counter = u32::try_from(unread).unwrap_or(u32::MAX);
        conversation
    }

    /// `(members, readedMembers, deliveredMembers)` of a message.
    fn counters(&self, record: &MessageRecord) -> (u32, u32, u32) {
        let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        let members = self
            .conversation(&record.message.conversation_uuid)
            .map_or(0, |c| count(c.everyone().len()));
        (
            members,
            count(record.read_by.len()),
            count(record.delivered_to.len()),
        )
    }

    /// A message as `viewer` sees it (read flag, counters).
    fn render_message(&self, record: &MessageRecord, viewer: &UserId) -> Message {
        let mut message = record.message.clone();
        message.readed = record.read_by.contains(viewer);
        (
            message.members,
            message.readed_members,
            message.delivered_members,
        ) = self.counters(record);
        message
    }

    fn updated(&self, record: &MessageRecord) -> UpdatedMessageNotification {
        let message = &record.message;
        let mut update = UpdatedMessageNotification::new(
            message.uuid.clone(),
            message.conversation_uuid.clone(),
        );
        (
            update.members,
            update.readed_members,
            update.delivered_members,
        ) = self.counters(record);
        update.objectionable = message.objectionable;
        update.deleted = message.deleted;
        update
    }

    /// The session key copy of `user` with `uuid`.
    fn session_key(&self, uuid: &SessionKeyUuid, user: &UserId) -> Option<&SessionKey> {
        self.session_keys
            .iter()
            .find(|k| k.uuid.eq_ignore_case(uuid) && &k.user_id == user)
    }

    fn store_copy(
        &mut self,
        uuid: &SessionKeyUuid,
        conversation: &ConversationUuid,
        value: &SessionKeyValue,
    ) -> SessionKey {
        let mut copy = SessionKey::new(
            uuid.clone(),
            conversation.clone(),
            value.user_id.clone(),
            value.key_encrypted_base64.clone(),
            value.signature_base64.clone(),
            Timestamp::now(),
            value.signer_key_pair_uuid.clone(),
        );
        copy.signer_user_id = Some(value.signer_user_id.clone());
        self.session_keys
            .retain(|k| !(k.uuid.eq_ignore_case(uuid) && k.user_id == value.user_id));
        self.session_keys.push(copy.clone());
        copy
    }

    /// Pushes `notification` to every member of `conversation` (`except` one connection).
    fn to_members(
        &self,
        mut outcome: Outcome,
        conversation: &ConversationRecord,
        except: Option<usize>,
        notification: &Notification,
    ) -> Outcome {
        for member in conversation.everyone() {
            outcome = outcome.push(&member, except, notification.clone());
        }
        outcome
    }

    /// Handles one request from connection `conn`.
    pub(crate) fn handle(&mut self, conn: usize, request: Request) -> Outcome {
        let name = request.wire_name().to_owned();
        match request {
            Request::Ping(_) => Outcome::reply(ResponsePong::new(self.server_version.clone())),
            Request::RegisterApplication(r) => self.register(&name, r),
            Request::ConfirmRegistration(r) => self.confirm(&name, r),
            Request::AuthenticationByApplication(r) => self.authenticate(conn, &name, r),
            Request::Unknown { .. } => Outcome::status(
                &name,
                status::UNKNOWN_REQUEST,
                Some("this server does not know the request"),
            ),
            other => match self.sessions.get(&conn).cloned() {
                Some(me) => self.handle_authenticated(conn, &me, &name, other),
                None => Outcome::status(&name, status::UNAUTHORIZED, None),
            },
        }
    }

    fn register(&mut self, name: &str, r: RequestRegisterApplication) -> Outcome {
        if UserId::from_e164(&r.open_user_id).ok().as_ref() != Some(&r.user_id) {
            return Outcome::status(
                name,
                status::BAD_REQUEST,
                Some("userId is not the hash of openUserId"),
            );
        }
        let code = self.send_sms(&r.open_user_id);
        let device = crate::model::DeviceInfo::new(
            r.application_type.clone(),
            r.model.clone(),
            r.os_version.clone(),
            r.vendor.clone(),
        );
        let application =
            Application::new(r.uuid.clone(), r.user_id.clone(), device, Timestamp::now());
        self.applications.insert(
            r.uuid.clone(),
            AppRecord {
                application,
                sms_code: code,
            },
        );
        self.users
            .entry(r.user_id.clone())
            .and_modify(|u| u.phone = r.open_user_id.clone())
            .or_insert_with(|| {
                let now = Timestamp::now();
                UserRecord {
                    user: User::new(r.user_id.clone(), now, now, now, now),
                    phone: r.open_user_id.clone(),
                }
            });
        Outcome::ok(name)
    }

    fn confirm(&mut self, name: &str, r: RequestConfirmRegistration) -> Outcome {
        match self.applications.get_mut(&r.uuid) {
            Some(app) if app.application.user_id == r.user_id && app.sms_code == r.sms_code => {
                app.application.confirmed = true;
                Outcome::ok(name)
            }
            _ => Outcome::status(name, status::WRONG_CODE, None),
        }
    }

    fn authenticate(
        &mut self,
        conn: usize,
        name: &str,
        r: RequestAuthenticationByApplication,
    ) -> Outcome {
        let Some(app) = self.applications.get_mut(&r.uuid) else {
            return Outcome::status(name, status::UNAUTHORIZED, None);
        };
        if !app.application.confirmed || app.application.user_id != r.user_id {
            return Outcome::status(name, status::UNAUTHORIZED, None);
        }
        app.application.online = true;
        app.application.last_login = Timestamp::now();
        let application = app.application.clone();
        if let Some(user) = self.users.get_mut(&r.user_id) {
            user.user.last_login = Timestamp::now();
        }
        self.sessions.insert(conn, r.user_id.clone());
        Outcome::ok(name).push(
            &r.user_id,
            Some(conn),
            AuthenticationByApplicationNotification::new(application).into(),
        )
    }

    #[allow(clippy::too_many_lines)] // one arm per request type
    fn handle_authenticated(
        &mut self,
        conn: usize,
        me: &UserId,
        name: &str,
        request: Request,
    ) -> Outcome {
        match request {
            Request::UpdateDeviceTokenByApplication(r) => {
                match self.applications.get_mut(&r.uuid) {
                    Some(app) if &app.application.user_id == me => {
                        app.application.device_token = Some(r.token);
                        Outcome::ok(name)
                    }
                    _ => Outcome::status(name, status::NOT_FOUND, None),
                }
            }
            Request::GetParams(r) => Outcome::reply(Params::new(
                self.params.get(&r.user_id).cloned().unwrap_or_default(),
            )),
            Request::UpdateParam(r) => {
                let params = self.params.entry(me.clone()).or_default();
                params.retain(|p| p.name != r.name);
                params.push(Param::new(me.clone(), r.name, r.value));
                Outcome::ok(name)
            }
            Request::GetContactList(_) => Outcome::reply(ResponseContactList::new(
                self.contacts.get(me).cloned().unwrap_or_default(),
            )),
            Request::UpdateContact(r) => {
                let contacts = self.contacts.entry(me.clone()).or_default();
                contacts.retain(|c| c.contact_id != r.contact.contact_id);
                let contact_id = r.contact.contact_id.clone();
                contacts.push(r.contact);
                Outcome::ok(name).push(
                    me,
                    Some(conn),
                    UpdateContactNotification::new(me.clone(), contact_id).into(),
                )
            }
            Request::UpdateContactList(r) => {
                let contacts = self.contacts.entry(me.clone()).or_default();
                if !r.merge {
                    contacts.clear();
                }
                for contact in r.contact_list {
                    contacts.retain(|c| c.contact_id != contact.contact_id);
                    contacts.push(contact);
                }
                Outcome::ok(name)
            }
            Request::GetRegisteredUsers(r) => {
                let mut found: Vec<UserId> = Vec::new();
                for user in r.check_user_list {
                    if self.users.contains_key(&user) && !found.contains(&user) {
                        found.push(user);
                    }
                }
                Outcome::reply(ResponseRegisteredUsers::new(found))
            }
            Request::GetUpdatedPublicKeys(r) => {
                // The real shape is unknown (only `{}` is seen); members' keys by user id.
                let mut keys = BTreeMap::new();
                if let Some(conversation) = self.conversation(&r.conversation_uuid) {
                    for member in conversation.everyone() {
                        if let Some(key) = self
                            .users
                            .get(&member)
                            .and_then(|u| u.user.public_key_base64.as_ref())
                        {
                            keys.insert(
                                member.as_str().to_owned(),
                                Value::String(key.as_str().to_owned()),
                            );
                        }
                    }
                }
                Outcome::reply(ResponseGetUpdatedPublicKeys::new(keys))
            }
            Request::AddUserKeys(r) => self.set_keys(
                me,
                name,
                Some(r.public_key_base64),
                r.private_key_encrypted_base64,
                r.meta_data_key_encrypted_base64,
                r.nick,
            ),
            Request::UpdateUserNick(r) => {
                if let Some(user) = self.users.get_mut(me) {
                    user.user.nick = Some(r.nick);
                }
                Outcome::ok(name)
            }
            Request::UpdateUserKeys(r) => {
                let code = match self.sms_to_own_number(me, name, &r.open_user_id) {
                    Ok(code) => code,
                    Err(refused) => return *refused,
                };
                self.pending_codes
                    .retain(|p| !matches!(p, PendingCode::UpdateKeys { user, .. } if user == me));
                self.pending_codes.push(PendingCode::UpdateKeys {
                    user: me.clone(),
                    code,
                    request: Box::new(r),
                });
                Outcome::ok(name)
            }
            Request::ConfirmUpdateUserKeys(r) => {
                let at = self.pending_codes.iter().position(|p| {
                    matches!(p, PendingCode::UpdateKeys { user, code, .. } if user == me && *code == r.sms_code)
                });
                let Some(PendingCode::UpdateKeys { request, .. }) =
                    at.map(|at| self.pending_codes.remove(at))
                else {
                    return Outcome::status(name, status::WRONG_CODE, None);
                };
                let request = *request;
                self.set_keys(
                    me,
                    name,
                    request.public_key_base64,
                    request.private_key_encrypted_base64,
                    request.meta_data_key_encrypted_base64,
                    request.nick,
                )
            }
            Request::DeleteUser(r) => {
                let code = match self.sms_to_own_number(me, name, &r.open_user_id) {
                    Ok(code) => code,
                    Err(refused) => return *refused,
                };
                self.pending_codes.push(PendingCode::DeleteUser {
                    user: me.clone(),
                    code,
                });
                Outcome::ok(name)
            }
            Request::DeleteUserConfirmation(r) => {
                let at = self.pending_codes.iter().position(|p| {
                    matches!(p, PendingCode::DeleteUser { user, code } if user == me && *code == r.code)
                });
                if at.map(|at| self.pending_codes.remove(at)).is_none() {
                    return Outcome::status(name, status::WRONG_CODE, None);
                }
                self.users.remove(me);
                self.applications
                    .retain(|_, a| &a.application.user_id != me);
                self.sessions.retain(|_, user| user != me);
                Outcome::ok(name)
            }
            Request::GetApplicationsFull(r) => {
                let applications = self
                    .applications
                    .values()
                    .filter(|a| &a.application.user_id == me)
                    .filter(|a| !r.confirmed || a.application.confirmed)
                    .map(|a| a.application.clone())
                    .collect();
                Outcome::reply(ResponseApplicationsFull::new(applications))
            }
            Request::DeleteApplication(r) => match self.applications.get(&r.uuid) {
                Some(app) if &app.application.user_id == me => {
                    self.applications.remove(&r.uuid);
                    Outcome::ok(name)
                }
                _ => Outcome::status(name, status::NOT_FOUND, None),
            },
            Request::GetUserInfo(r) => match self.users.get(&r.user_id) {
                Some(record) => Outcome::reply(ResponseUserInfo::new(public_view(record, me))),
                None => Outcome::status(name, status::NOT_FOUND, None),
            },
            Request::GetUserInfoMulti(r) => {
                let users = r
                    .user_ids
                    .iter()
                    .filter_map(|id| self.users.get(id))
                    .map(|record| public_view(record, me))
                    .collect();
                Outcome::reply(ResponseUserInfoMulti::new(users))
            }
            Request::GetServerSettings(_) => Outcome::reply(self.settings.clone()),
            Request::AddBlackList(r) => {
                let list = self.blacklists.entry(me.clone()).or_default();
                if !list.contains(&r.user_id) {
                    list.push(r.user_id);
                }
                Outcome::ok(name)
            }
            Request::RemoveBlackList(r) => {
                self.blacklists
                    .entry(me.clone())
                    .or_default()
                    .retain(|u| u != &r.user_id);
                Outcome::ok(name)
            }
            Request::GetBlackList(_) => Outcome::reply(BlackList::new(
                self.blacklists
                    .get(me)
                    .map(|list| {
                        list.iter()
                            .map(|u| Value::String(u.as_str().to_owned()))
                            .collect()
                    })
                    .unwrap_or_default(),
            )),
            Request::AddUserReport(r) => {
                self.reports
                    .push((name.to_owned(), r.user_id.as_str().to_owned()));
                Outcome::ok(name)
            }
            Request::CreateConversationFull(r) => self.create_conversation(conn, me, name, r),
            Request::GetConversationsFull(_) => self.conversations_of(me),
            other => self.handle_in_conversation(conn, me, name, other),
        }
    }

    /// Stores `me`'s keys; a new public key is announced to everyone sharing a conversation.
    fn set_keys(
        &mut self,
        me: &UserId,
        name: &str,
        public_key: Option<PemPublicKey>,
        private_key: PemEncryptedPrivateKey,
        meta_data_key: Base64Data,
        nick: EncryptedEnvelope,
    ) -> Outcome {
        if let Some(record) = self.users.get_mut(me) {
            let user = &mut record.user;
            if let Some(public_key) = &public_key {
                user.public_key_base64 = Some(public_key.clone());
                user.key_pair_uuid = Some(KeyPairUuid::random());
            }
            user.private_key_encrypted_base64 = Some(private_key);
            user.meta_data_key_encrypted_base64 = Some(meta_data_key);
            user.nick = Some(nick);
            user.keys_updated = Timestamp::now();
        }
        let mut outcome = Outcome::ok(name);
        if let Some(key) = public_key {
            for peer in self.peers_of(me) {
                outcome = outcome.push(
                    &peer,
                    None,
                    NotificationNewPublicKey::new(me.clone(), key.clone()).into(),
                );
            }
        }
        outcome
    }

    fn create_conversation(
        &mut self,
        conn: usize,
        me: &UserId,
        name: &str,
        r: RequestCreateConversationFull,
    ) -> Outcome {
        let id = key(r.conversation_uuid.as_str());
        if self.conversations.contains_key(&id) {
            return Outcome::status(name, status::CONFLICT, None);
        }
        if &r.session_key_value.user_id != me {
            return Outcome::status(
                name,
                status::BAD_REQUEST,
                Some("sessionKeyValue must be the creator's copy"),
            );
        }
        let now = Timestamp::now();
        let mut conversation = Conversation::new(
            r.conversation_uuid.clone(),
            r.session_key_uuid.clone(),
            now,
            now,
            now,
        );
        conversation.is_dialog = r.is_dialog;
        conversation.title = r.title.clone();
        // Admins: those named in the request, then the creator (the seed's order).
        conversation.admins = r.admins.keys().cloned().collect();
        if !conversation.admins.contains(me) {
            conversation.admins.push(me.clone());
        }
        conversation.members = r
            .members
            .keys()
            .filter(|m| !conversation.admins.contains(m))
            .cloned()
            .collect();
        // The creator's signed copy, and one copy per other member: the map values are the
        // key wrapped for that member; the signature covers nothing recipient-specific.
        self.store_copy(
            &r.session_key_uuid,
            &r.conversation_uuid,
            &r.session_key_value,
        );
        for (user, wrapped) in r.admins.iter().chain(r.members.iter()) {
            if user == me {
                continue;
            }
            let mut value = r.session_key_value.clone();
            value.user_id = user.clone();
            value.key_encrypted_base64 = Base64Data::from_wire(wrapped.clone());
            self.store_copy(&r.session_key_uuid, &r.conversation_uuid, &value);
        }
        let mut nicks = BTreeMap::new();
        nicks.insert(me.clone(), r.nick_encrypted);
        let record = ConversationRecord {
            conversation,
            nicks,
        };
        let reply = Outcome::reply(ResponseCreateConversation::new(record.conversation.clone()));
        let outcome = self.announce_members(reply, &record, None, conn);
        self.conversations.insert(id, record);
        outcome
    }

    fn conversations_of(&self, me: &UserId) -> Outcome {
        let mut reply = ResponseGetConversationsFull::new();
        let mut members: BTreeSet<UserId> = BTreeSet::new();
        for record in self.conversations.values().filter(|c| c.has(me)) {
            reply
                .conversations
                .push(self.render_conversation(record, me));
            members.extend(record.everyone());
            if let Some(last) = self
                .messages
                .get(&key(record.conversation.uuid.as_str()))
                .and_then(|m| m.last())
            {
                reply.last_messages.push(self.render_message(last, me));
            }
            if let Some(copy) = self.session_key(&record.conversation.session_key_uuid, me) {
                reply.session_keys.push(copy.clone());
            }
        }
        reply.members = members
            .iter()
            .filter_map(|id| self.users.get(id))
            .map(|record| public_view(record, me))
            .collect();
        Outcome::reply(reply)
    }

    #[allow(clippy::too_many_lines)] // one arm per request type
    fn handle_in_conversation(
        &mut self,
        conn: usize,
        me: &UserId,
        name: &str,
        request: Request,
    ) -> Outcome {
        let Some(uuid) = conversation_of(&request) else {
            return Outcome::status(
                name,
                status::UNKNOWN_REQUEST,
                Some("the fake server does not handle this request"),
            );
        };
        let id = key(uuid.as_str());
        let Some(record) = self.conversations.get(&id).cloned() else {
            return Outcome::status(name, status::NOT_FOUND, None);
        };
        if !record.has(me) {
            return Outcome::status(name, status::FORBIDDEN, None);
        }
        let is_admin = record.conversation.admins.contains(me);
        match request {
            Request::GetConversationFull(_) => {
                let Some(copy) = self.session_key(&record.conversation.session_key_uuid, me) else {
                    return Outcome::status(
                        name,
                        status::NOT_FOUND,
                        Some("no session key for you"),
                    );
                };
                let mut reply = ResponseGetConversationFull::new(
                    self.render_conversation(&record, me),
                    copy.clone(),
                );
                reply.last_message = self
                    .messages
                    .get(&id)
                    .and_then(|m| m.last())
                    .map(|last| self.render_message(last, me));
                Outcome::reply(reply)
            }
            Request::GetSessionKey(r) => match self.session_key(&r.session_key_uuid, me) {
                Some(copy) => Outcome::reply(ResponseSessionKeyByUuid::new(copy.clone())),
                None => Outcome::status(name, status::NOT_FOUND, None),
            },
            Request::AddNewSessionKeys(r) => {
                let uuid = SessionKeyUuid::random();
                let mut outcome = Outcome::reply(ResponseAddedSessionKey::new(uuid.clone()));
                for value in &r.session_keys {
                    let copy = self.store_copy(&uuid, &r.conversation_uuid, value);
                    outcome = outcome.push(
                        &value.user_id,
                        None,
                        NotificationNewSessionKey::new(copy).into(),
                    );
                }
                if let Some(record) = self.conversations.get_mut(&id) {
                    record.conversation.session_key_uuid = uuid;
                }
                outcome
            }
            Request::AddMessage(r) => self.add_message(conn, me, name, &record, r),
            Request::GetMessages(r) => {
                let all = self.messages.get(&id).cloned().unwrap_or_default();
                // Older than `fromMessageUuid`, the newest `size` of them, oldest first (the
                // real paging is undocumented).
                let end = all
                    .iter()
                    .position(|m| m.message.uuid.eq_ignore_case(&r.from_message_uuid))
                    .unwrap_or(all.len());
                let start = end.saturating_sub(r.size as usize);
                self.page(&all[start..end], me)
            }
            Request::GetMessagesFromUuid(r) => {
                let all = self.messages.get(&id).cloned().unwrap_or_default();
                // Newer than `uuid`, the first `size` of them.
                let start = all
                    .iter()
                    .position(|m| m.message.uuid.eq_ignore_case(&r.uuid))
                    .map_or(0, |at| at + 1);
                let end = (start + r.size as usize).min(all.len());
                self.page(&all[start..end], me)
            }
            Request::GetMessagesByUuids(r) => {
                let all = self.messages.get(&id).cloned().unwrap_or_default();
                let chosen: Vec<MessageRecord> = all
                    .into_iter()
                    .filter(|m| r.uuids.iter().any(|u| u.eq_ignore_case(&m.message.uuid)))
                    .collect();
                self.page(&chosen, me)
            }
            Request::MessageDelivered(r) => self.mark(
                &record,
                name,
                &[r.message_uuid],
                |m, me| m.delivered_to.insert(me.clone()),
                me,
            ),
            Request::MessagesReaded(r) => self.mark(&record, name, &r.message_uuids, read_by, me),
            Request::MarkAllReaded(_) => {
                let all: Vec<MessageUuid> = self
                    .messages
                    .get(&id)
                    .map(|m| m.iter().map(|m| m.message.uuid.clone()).collect())
                    .unwrap_or_default();
                self.mark(&record, name, &all, read_by, me)
            }
            Request::Typing(r) => {
                let typing: Notification =
                    NotificationTyping::new(r.conversation_uuid, me.clone()).into();
                let mut outcome = Outcome::ok(name);
                for member in record.everyone().iter().filter(|m| *m != me) {
                    outcome = outcome.push(member, None, typing.clone());
                }
                outcome
            }
            Request::GetFiles(r) => self.files_of(&r.conversation_uuid, &r.message_uuid),
            Request::GetFilesFast(r) => self.files_of(&r.conversation_uuid, &r.message_uuid),
            Request::GetMembersList(_) => Outcome::reply(ResponseGetMembersList::new(
                record.conversation.admins.clone(),
                record.conversation.members.clone(),
            )),
            Request::GetNicks(_) => Outcome::reply(NicksList::new(record.nicks.clone())),
            Request::UpdateMemberNick(r) => {
                if &r.user_id != me {
                    return Outcome::status(name, status::FORBIDDEN, Some("only your own nick"));
                }
                if let Some(stored) = self.conversations.get_mut(&id) {
                    stored.nicks.insert(me.clone(), r.nick_encrypted);
                }
                let notification: Notification =
                    ConversationNickUpdatedNotification::new(r.conversation_uuid, me.clone())
                        .into();
                self.to_members(Outcome::ok(name), &record, Some(conn), &notification)
            }
            Request::RenameConversation(r) => {
                if let Some(stored) = self.conversations.get_mut(&id) {
                    stored.conversation.title = Some(r.title.clone());
                }
                let notification: Notification =
                    NotificationRenameConversation::new(r.conversation_uuid, r.title).into();
                self.to_members(Outcome::ok(name), &record, Some(conn), &notification)
            }
            Request::LeaveConversation(r) => {
                if let Some(stored) = self.conversations.get_mut(&id) {
                    stored.remove(me);
                }
                let notification: Notification =
                    NotificationConversationLeaved::new(r.conversation_uuid, me.clone()).into();
                self.to_members(Outcome::ok(name), &record, Some(conn), &notification)
            }
            Request::DeleteConversation(r) => {
                if !is_admin {
                    return Outcome::status(name, status::FORBIDDEN, None);
                }
                self.conversations.remove(&id);
                self.messages.remove(&id);
                let notification: Notification =
                    NotificationConversationDeleted::new(r.conversation_uuid).into();
                self.to_members(Outcome::ok(name), &record, Some(conn), &notification)
            }
            Request::KickUser(r) => {
                if !is_admin {
                    return Outcome::status(name, status::FORBIDDEN, None);
                }
                if let Some(stored) = self.conversations.get_mut(&id) {
                    stored.remove(&r.user_id);
                }
                let notification: Notification =
                    NotificationConversationLeaved::new(r.conversation_uuid, r.user_id).into();
                self.to_members(Outcome::ok(name), &record, Some(conn), &notification)
            }
            Request::ChangeToAdmin(r) => {
                if !is_admin {
                    return Outcome::status(name, status::FORBIDDEN, None);
                }
                if let Some(stored) = self.conversations.get_mut(&id) {
                    stored.conversation.members.retain(|u| u != &r.user_id);
                    if !stored.conversation.admins.contains(&r.user_id) {
                        stored.conversation.admins.push(r.user_id);
                    }
                }
                Outcome::ok(name)
            }
            Request::AddMember(r) => self.add_member(
                conn,
                name,
                &id,
                &r.conversation_uuid,
                &r.session_key_uuid,
                &r.session_key_value,
                false,
            ),
            Request::AddAdmin(r) => {
                if !is_admin {
                    return Outcome::status(name, status::FORBIDDEN, None);
                }
                self.add_member(
                    conn,
                    name,
                    &id,
                    &r.conversation_uuid,
                    &r.session_key_uuid,
                    &r.session_key_value,
                    true,
                )
            }
            Request::DeleteMessage(r) => self.delete_messages(conn, me, name, &record, &[r.uuid]),
            Request::DeleteMessages(r) => self.delete_messages(conn, me, name, &record, &r.uuids),
            Request::AddMessageReport(r) => {
                self.reports
                    .push((name.to_owned(), r.message_uuid.as_str().to_owned()));
                let mut outcome = Outcome::ok(name);
                if let Some(message) = self.messages.get_mut(&id).and_then(|m| {
                    m.iter_mut()
                        .find(|m| m.message.uuid.eq_ignore_case(&r.message_uuid))
                }) {
                    message.message.objectionable = true;
                    let update: Notification = {
                        let snapshot = message.clone();
                        self.updated(&snapshot).into()
                    };
                    outcome = self.to_members(outcome, &record, None, &update);
                }
                outcome
            }
            Request::AddConversationReport(r) => {
                self.reports
                    .push((name.to_owned(), r.conversation_uuid.as_str().to_owned()));
                Outcome::ok(name)
            }
            _ => Outcome::status(
                name,
                status::UNKNOWN_REQUEST,
                Some("the fake server does not handle this request"),
            ),
        }
    }

    fn page(&self, records: &[MessageRecord], me: &UserId) -> Outcome {
        Outcome::reply(ResponseGetMessages::new(
            records.iter().map(|m| self.render_message(m, me)).collect(),
        ))
    }

    fn files_of(&self, conversation: &ConversationUuid, message: &MessageUuid) -> Outcome {
        let files = self
            .files
            .get(&(key(conversation.as_str()), key(message.as_str())))
            .cloned()
            .unwrap_or_default();
        Outcome::reply(ResponseFiles::new(files))
    }

    fn add_message(
        &mut self,
        conn: usize,
        me: &UserId,
        name: &str,
        record: &ConversationRecord,
        r: RequestAddMessage,
    ) -> Outcome {
        let id = key(r.conversation_uuid.as_str());
        let messages = self.messages.entry(id.clone()).or_default();
        if messages
            .iter()
            .any(|m| m.message.uuid.eq_ignore_case(&r.message_uuid))
        {
            return Outcome::status(name, status::CONFLICT, None);
        }
        let nick = record
            .nicks
            .get(me)
            .cloned()
            .unwrap_or_else(|| EncryptedEnvelope::from_wire(""));
        let mut message = Message::new(
            r.message_uuid,
            r.conversation_uuid,
            r.session_key_uuid,
            me.clone(),
            Timestamp::now(),
            nick,
        );
        message.iv_base64 = Some(r.iv_base64);
        message.body_encrypted_base64 = Some(r.body_encrypted_base64);
        message.has_files = r.has_files;
        message.reply_message_uuid = r.reply_message_uuid;
        let mut stored = MessageRecord {
            message,
            delivered_to: BTreeSet::new(),
            read_by: BTreeSet::new(),
        };
        stored.delivered_to.insert(me.clone());
        stored.read_by.insert(me.clone());
        messages.push(stored.clone());
        if let Some(conversation) = self.conversations.get_mut(&id) {
            conversation.conversation.last_message = stored.message.created;
        }
        let mut outcome =
            Outcome::reply(ResponseAddedMessage::new(self.render_message(&stored, me)));
        for member in record.everyone() {
            let seen = self.render_message(&stored, &member);
            outcome = outcome.push(
                &member,
                Some(conn),
                NotificationAddedMessageToConversation::new(seen).into(),
            );
        }
        outcome
    }

    /// Applies `change` to the listed messages of `record` for `me`; every message it changed
    /// is announced to the members with an `UpdatedMessageNotification` (read receipts).
    fn mark(
        &mut self,
        record: &ConversationRecord,
        name: &str,
        uuids: &[MessageUuid],
        change: impl Fn(&mut MessageRecord, &UserId) -> bool,
        me: &UserId,
    ) -> Outcome {
        let id = key(record.conversation.uuid.as_str());
        let mut changed = Vec::new();
        if let Some(messages) = self.messages.get_mut(&id) {
            for message in messages
                .iter_mut()
                .filter(|m| uuids.iter().any(|u| u.eq_ignore_case(&m.message.uuid)))
            {
                if change(message, me) {
                    changed.push(message.clone());
                }
            }
        }
        let mut outcome = Outcome::ok(name);
        for message in changed {
            let update: Notification = self.updated(&message).into();
            outcome = self.to_members(outcome, record, None, &update);
        }
        outcome
    }

    fn delete_messages(
        &mut self,
        conn: usize,
        me: &UserId,
        name: &str,
        record: &ConversationRecord,
        uuids: &[MessageUuid],
    ) -> Outcome {
        let id = key(record.conversation.uuid.as_str());
        let mut deleted = Vec::new();
        if let Some(messages) = self.messages.get_mut(&id) {
            for message in messages.iter_mut().filter(|m| {
                &m.message.user_id == me && uuids.iter().any(|u| u.eq_ignore_case(&m.message.uuid))
            }) {
                message.message.deleted = true;
                message.message.body_encrypted_base64 = None;
                message.message.iv_base64 = None;
                deleted.push(message.message.uuid.clone());
            }
        }
        if deleted.is_empty() {
            return Outcome::status(name, status::NOT_FOUND, None);
        }
        let mut outcome = Outcome::ok(name);
        for uuid in deleted {
            let notification: Notification =
                DeleteMessageNotification::new(record.conversation.uuid.clone(), uuid, me.clone())
                    .into();
            outcome = self.to_members(outcome, record, Some(conn), &notification);
        }
        outcome
    }

    #[allow(clippy::too_many_arguments)]
    fn add_member(
        &mut self,
        conn: usize,
        name: &str,
        id: &str,
        conversation_uuid: &ConversationUuid,
        session_key_uuid: &SessionKeyUuid,
        value: &SessionKeyValue,
        admin: bool,
    ) -> Outcome {
        let newcomer = value.user_id.clone();
        if !self.users.contains_key(&newcomer) {
            return Outcome::status(name, status::NOT_FOUND, Some("no such user"));
        }
        self.store_copy(session_key_uuid, conversation_uuid, value);
        let Some(stored) = self.conversations.get_mut(id) else {
            return Outcome::status(name, status::NOT_FOUND, None);
        };
        stored.remove(&newcomer);
        if admin {
            stored.conversation.admins.push(newcomer.clone());
        } else {
            stored.conversation.members.push(newcomer.clone());
        }
        let record = stored.clone();
        self.announce_members(Outcome::ok(name), &record, Some(&newcomer), conn)
    }

    /// Tells every member (except on connection `conn`) who joined `record`: `newcomer`, or
    /// each member themselves for a new conversation.
    fn announce_members(
        &self,
        mut outcome: Outcome,
        record: &ConversationRecord,
        newcomer: Option<&UserId>,
        conn: usize,
    ) -> Outcome {
        for member in record.everyone() {
            let seen = self.render_conversation(record, &member);
            let joined = newcomer.unwrap_or(&member).clone();
            outcome = outcome.push(
                &member,
                Some(conn),
                NotificationAddMemberToConversation::new(seen, joined).into(),
            );
        }
        outcome
    }
}

/// Marks `message` read (and so delivered) by `user`; true if it was unread.
fn read_by(message: &mut MessageRecord, user: &UserId) -> bool {
    message.delivered_to.insert(user.clone());
    message.read_by.insert(user.clone())
}

/// A user as others see them: without the encrypted private key and metadata key.
fn public_view(record: &UserRecord, viewer: &UserId) -> User {
    let mut user = record.user.clone();
    if &user.user_id != viewer {
        user.private_key_encrypted_base64 = None;
        user.meta_data_key_encrypted_base64 = None;
    }
    user
}

/// The conversation a request is about, for the requests that name one.
fn conversation_of(request: &Request) -> Option<&ConversationUuid> {
    Some(match request {
        Request::GetConversationFull(r) => &r.conversation_uuid,
        Request::GetSessionKey(r) => &r.conversation_uuid,
        Request::AddNewSessionKeys(r) => &r.conversation_uuid,
        Request::AddMessage(r) => &r.conversation_uuid,
        Request::GetMessages(r) => &r.conversation_uuid,
        Request::GetMessagesFromUuid(r) => &r.conversation_uuid,
        Request::GetMessagesByUuids(r) => &r.conversation_uuid,
        Request::MessageDelivered(r) => &r.conversation_uuid,
        Request::MessagesReaded(r) => &r.conversation_uuid,
        Request::MarkAllReaded(r) => &r.conversation_uuid,
        Request::Typing(r) => &r.conversation_uuid,
        Request::GetFiles(r) => &r.conversation_uuid,
        Request::GetFilesFast(r) => &r.conversation_uuid,
        Request::GetMembersList(r) => &r.conversation_uuid,
        Request::GetNicks(r) => &r.conversation_uuid,
        Request::UpdateMemberNick(r) => &r.conversation_uuid,
        Request::RenameConversation(r) => &r.conversation_uuid,
        Request::LeaveConversation(r) => &r.conversation_uuid,
        Request::DeleteConversation(r) => &r.conversation_uuid,
        Request::KickUser(r) => &r.conversation_uuid,
        Request::ChangeToAdmin(r) => &r.conversation_uuid,
        Request::AddMember(r) => &r.conversation_uuid,
        Request::AddAdmin(r) => &r.conversation_uuid,
        Request::DeleteMessage(r) => &r.conversation_uuid,
        Request::DeleteMessages(r) => &r.conversation_uuid,
        Request::AddMessageReport(r) => &r.conversation_uuid,
        Request::AddConversationReport(r) => &r.conversation_uuid,
        _ => return None,
    })
}

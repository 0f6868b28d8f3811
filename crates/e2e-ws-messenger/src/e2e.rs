//! [`Chat`]: the end-to-end encrypted flow on a [`Client`] and its
//! [`CryptoProvider`]: publish keys, create a conversation with a fresh session key wrapped for
//! each member, send encrypted texts, decrypt received messages and nicks, mark them read,
//! rotate the session key.
//!
//! The server only ever sees ciphertext: message bodies, nicks and titles are encrypted with
//! the conversation's session key before they leave the client, and session keys travel only
//! wrapped with each member's RSA public key and signed by their creator.
//!
//! Where the protocol leaves choices open (see `docs/decisions.md`):
//! - a dialog is created with the partner's wrapped copy in `admins` (the seed's create request
//!   names the partner there, with a raw base64 value) and the creator's signed copy in
//!   `sessionKeyValue`; group members go into `members` the same way. One signature covers all
//!   copies (the seed shows copies of one key with one signature);
//! - copies are verified with the signer's **current** public key (`RequestGetUserInfo`): the
//!   protocol offers no way to fetch older key pairs (notes §6.3), so a key signed before the
//!   signer rotated their keys cannot be verified and is refused;
//! - the user's own nick (`RequestAddUserKeys.nick`) is encrypted with a fresh per-user
//!   "metadata key", wrapped for the user's own public key in `metaDataKeyEncryptedBase64` (a
//!   GUESS of the notes, §6.4).

use crate::api::Notification;
use crate::api::requests::{
    MessageDelivered, RequestAddMessage, RequestAddNewSessionKeys, RequestAddUserKeys,
    RequestCreateConversationFull, RequestGetConversationFull, RequestGetMembersList,
    RequestGetSessionKey, RequestGetUserInfo, RequestMessagesReaded,
};
use crate::client::Client;
use crate::crypto::{CryptoProvider, SymmetricKey};
use crate::error::{CryptoError, Error};
use crate::model::{
    Conversation, ConversationUuid, EncryptedEnvelope, EnvelopeStyle, KeyPairUuid, Message,
    MessageUuid, PemEncryptedPrivateKey, PemPublicKey, SessionKey, SessionKeyUuid, UserId,
};
use std::collections::BTreeMap;
use std::fmt;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

/// A user's published key: the PEM and the key pair's uuid (`keyPairUuid`).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct PublishedKey {
    /// The public key.
    pub public_key: PemPublicKey,
    /// The key pair's uuid, which signatures name as `signerKeyPairUuid`.
    pub key_pair_uuid: Option<KeyPairUuid>,
}

#[derive(Default)]
struct Cache {
    /// Session keys by lower-case uuid.
    session_keys: BTreeMap<String, SymmetricKey>,
    /// The current session key of each conversation (by lower-case conversation uuid).
    current: BTreeMap<String, SessionKeyUuid>,
    public_keys: BTreeMap<UserId, PublishedKey>,
    meta_data_key: Option<SymmetricKey>,
}

/// The end-to-end encrypted flow of one user (see the [module docs](self)).
///
/// Cheap to clone; clones share the key cache.
#[derive(Clone)]
pub struct Chat {
    client: Client,
    crypto: Arc<dyn CryptoProvider>,
    me: UserId,
    style: EnvelopeStyle,
    cache: Arc<Mutex<Cache>>,
}

impl fmt::Debug for Chat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let cache = self.cache();
        f.debug_struct("Chat")
            .field("me", &self.me)
            .field("style", &self.style)
            .field("session_keys", &cache.session_keys.len())
            .field("public_keys", &cache.public_keys.len())
            .finish_non_exhaustive()
    }
}

fn lower(uuid: &str) -> String {
    uuid.to_ascii_lowercase()
}

impl Chat {
    /// The flow for `client`'s user, with the client's crypto provider.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInput`] when the client has no crypto provider
    /// ([`ClientBuilder::crypto`](crate::ClientBuilder::crypto)) or no credentials yet
    /// (register or authenticate first).
    pub fn new(client: &Client) -> Result<Self, Error> {
        let crypto = client
            .crypto()
            .cloned()
            .ok_or_else(|| Error::invalid_input("crypto", "the client has no crypto provider"))?;
        let me = client
            .credentials()
            .ok_or_else(|| {
                Error::invalid_input("credentials", "register or authenticate the client first")
            })?
            .user_id;
        Ok(Self {
            client: client.clone(),
            crypto,
            me,
            style: EnvelopeStyle::Compact,
            cache: Arc::new(Mutex::new(Cache::default())),
        })
    }

    /// The style of the envelopes this chat writes (nicks, titles): `Compact` (Android, the
    /// default) or `Pretty` (iOS).
    #[must_use]
    pub fn with_envelope_style(mut self, style: EnvelopeStyle) -> Self {
        self.style = style;
        self
    }

    fn cache(&self) -> MutexGuard<'_, Cache> {
        self.cache.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// This user.
    pub fn me(&self) -> &UserId {
        &self.me
    }

    /// The client underneath.
    pub fn client(&self) -> &Client {
        &self.client
    }

    /// Publishes this user's keys (`RequestAddUserKeys`): the public key, the password-encrypted
    /// private key backup (for example from
    /// [`ReferenceProvider::encrypted_private_key_pem`](crate::crypto::ReferenceProvider::encrypted_private_key_pem)),
    /// a fresh metadata key wrapped for this user, and `nick` encrypted with it. Returns the key
    /// pair's uuid the server assigned.
    ///
    /// # Errors
    ///
    /// [`Error::Crypto`] when wrapping fails; otherwise as [`Client::request`].
    pub async fn publish_keys(
        &self,
        nick: &str,
        private_key_backup: PemEncryptedPrivateKey,
    ) -> Result<Option<KeyPairUuid>, Error> {
        let public_key = self.crypto.public_key();
        let meta_data_key = SymmetricKey::generate();
        let wrapped = self.crypto.wrap_session_key(&meta_data_key, &public_key)?;
        let nick = self
            .crypto
            .seal_envelope(&meta_data_key, None, nick.as_bytes(), self.style)?;
        self.client
            .request(RequestAddUserKeys::new(
                wrapped,
                nick,
                private_key_backup,
                public_key,
            ))
            .await?;
        self.cache().meta_data_key = Some(meta_data_key);
        self.cache().public_keys.remove(&self.me);
        Ok(self.published_key(&self.me).await?.key_pair_uuid)
    }

    /// `user`'s published key (cached; fetched with `RequestGetUserInfo`).
    ///
    /// # Errors
    ///
    /// [`CryptoError::NoPublicKey`] when the user has none; otherwise as [`Client::request`].
    pub async fn published_key(&self, user: &UserId) -> Result<PublishedKey, Error> {
        if let Some(key) = self.cache().public_keys.get(user) {
            return Ok(key.clone());
        }
        let info = self
            .client
            .request(RequestGetUserInfo::new(user.clone()))
            .await?;
        let public_key = info
            .user
            .public_key_base64
            .ok_or_else(|| CryptoError::NoPublicKey {
                user_id: user.to_string(),
            })?;
        let key = PublishedKey {
            public_key,
            key_pair_uuid: info.user.key_pair_uuid,
        };
        self.cache().public_keys.insert(user.clone(), key.clone());
        Ok(key)
    }

    /// Creates a dialog with `partner`: a fresh session key, wrapped for both and signed by
    /// this user; `my_nick` encrypted with it.
    ///
    /// # Errors
    ///
    /// As [`create_conversation`](Self::create_conversation).
    pub async fn create_dialog(
        &self,
        partner: &UserId,
        my_nick: &str,
    ) -> Result<Conversation, Error> {
        self.create_conversation(std::slice::from_ref(partner), true, None, my_nick)
            .await
    }

    /// Creates a conversation with `others`: a fresh session key wrapped for every member and
    /// signed once by this user; `my_nick` and `title` encrypted with it. In a dialog the
    /// partner is an admin, in a group the others are members.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInput`] when `others` is empty or a dialog has more than one partner;
    /// [`CryptoError::NoPublicKey`] when a member (or this user) has published no key;
    /// otherwise as [`Client::request`].
    pub async fn create_conversation(
        &self,
        others: &[UserId],
        dialog: bool,
        title: Option<&str>,
        my_nick: &str,
    ) -> Result<Conversation, Error> {
        if others.is_empty() || others.contains(&self.me) {
            return Err(Error::invalid_input(
                "members",
                "at least one other user, not including yourself",
            ));
        }
        if dialog && others.len() != 1 {
            return Err(Error::invalid_input(
                "members",
                "a dialog has exactly one partner",
            ));
        }
        let mine = self.published_key(&self.me).await?;
        let signer_key_pair =
            mine.key_pair_uuid
                .clone()
                .ok_or_else(|| CryptoError::NoPublicKey {
                    user_id: self.me.to_string(),
                })?;
        let mut recipients = vec![(self.me.clone(), mine.public_key)];
        for other in others {
            recipients.push((other.clone(), self.published_key(other).await?.public_key));
        }
        let conversation = ConversationUuid::random();
        let session_key_uuid = SessionKeyUuid::random();
        let key = SymmetricKey::generate();
        let mut copies = self
            .crypto
            .session_key_copies(&conversation, &key, &self.me, &signer_key_pair, &recipients)?
            .into_iter();
        let Some(my_copy) = copies.next() else {
            return Err(CryptoError::Wrap {
                reason: "no copy for the creator".into(),
            }
            .into());
        };
        let scope = Some((&conversation, &session_key_uuid));
        let nick = self
            .crypto
            .seal_envelope(&key, scope, my_nick.as_bytes(), self.style)?;
        let mut request = RequestCreateConversationFull::new(
            conversation.clone(),
            nick,
            session_key_uuid.clone(),
            my_copy,
        );
        request.is_dialog = dialog;
        request.title = title
            .map(|title| {
                self.crypto
                    .seal_envelope(&key, scope, title.as_bytes(), self.style)
            })
            .transpose()?;
        for copy in copies {
            let wrapped = copy.key_encrypted_base64.as_str().to_owned();
            if dialog {
                request.admins.insert(copy.user_id, wrapped);
            } else {
                request.members.insert(copy.user_id, wrapped);
            }
        }
        let created = self.client.request(request).await?;
        let mut cache = self.cache();
        cache
            .session_keys
            .insert(lower(session_key_uuid.as_str()), key);
        cache
            .current
            .insert(lower(conversation.as_str()), session_key_uuid);
        Ok(created.conversation)
    }

    /// Unwraps this user's copy of a session key and verifies its signature with the signer's
    /// current public key; caches it.
    ///
    /// # Errors
    ///
    /// [`CryptoError::UnknownSigner`] when the copy names no signer; [`CryptoError::Unwrap`] or
    /// [`CryptoError::BadSignature`]; otherwise as [`Client::request`].
    pub async fn open_session_key(&self, copy: &SessionKey) -> Result<SymmetricKey, Error> {
        if let Some(key) = self.cache().session_keys.get(&lower(copy.uuid.as_str())) {
            return Ok(key.clone());
        }
        let signer = copy
            .signer_user_id
            .as_ref()
            .ok_or_else(|| CryptoError::UnknownSigner {
                session_key_uuid: copy.uuid.to_string(),
            })?;
        let signer_key = self.published_key(signer).await?.public_key;
        let key = self.crypto.open_session_key(copy, &signer_key)?;
        self.cache()
            .session_keys
            .insert(lower(copy.uuid.as_str()), key.clone());
        Ok(key)
    }

    /// The session key `uuid` of `conversation` (cached; fetched with `RequestGetSessionKey`).
    ///
    /// # Errors
    ///
    /// As [`open_session_key`](Self::open_session_key).
    pub async fn session_key(
        &self,
        conversation: &ConversationUuid,
        uuid: &SessionKeyUuid,
    ) -> Result<SymmetricKey, Error> {
        if let Some(key) = self.cache().session_keys.get(&lower(uuid.as_str())) {
            return Ok(key.clone());
        }
        let reply = self
            .client
            .request(RequestGetSessionKey::new(
                conversation.clone(),
                uuid.clone(),
            ))
            .await?;
        self.open_session_key(&reply.session_key).await
    }

    /// The conversation's current session key (cached; fetched with
    /// `RequestGetConversationFull`).
    ///
    /// # Errors
    ///
    /// As [`open_session_key`](Self::open_session_key).
    pub async fn current_key(
        &self,
        conversation: &ConversationUuid,
    ) -> Result<(SessionKeyUuid, SymmetricKey), Error> {
        let known = self
            .cache()
            .current
            .get(&lower(conversation.as_str()))
            .cloned();
        if let Some(uuid) = known {
            let key = self.session_key(conversation, &uuid).await?;
            return Ok((uuid, key));
        }
        let full = self
            .client
            .request(RequestGetConversationFull::new(conversation.clone()))
            .await?;
        let key = self.open_session_key(&full.session_key).await?;
        let uuid = full.session_key.uuid;
        self.cache()
            .current
            .insert(lower(conversation.as_str()), uuid.clone());
        Ok((uuid, key))
    }

    /// Takes note of a notification that changes keys: a new session key
    /// (`NotificationNewSessionKey`, which becomes the conversation's current key), a new
    /// member's conversation (`NotificationAddMemberToConversation`), a user's new public key
    /// (`NotificationNewPublicKey`). Other notifications are ignored.
    ///
    /// # Errors
    ///
    /// As [`open_session_key`](Self::open_session_key) for a new session key.
    pub async fn observe(&self, notification: &Notification) -> Result<(), Error> {
        match notification {
            Notification::NewSessionKey(new) if new.session_key.user_id == self.me => {
                self.open_session_key(&new.session_key).await?;
                self.cache().current.insert(
                    lower(new.session_key.conversation_uuid.as_str()),
                    new.session_key.uuid.clone(),
                );
            }
            Notification::AddMemberToConversation(added) => {
                self.cache().current.insert(
                    lower(added.conversation.uuid.as_str()),
                    added.conversation.session_key_uuid.clone(),
                );
            }
            Notification::NewPublicKey(new) => {
                self.cache().public_keys.remove(&new.user_id);
            }
            _ => {}
        }
        Ok(())
    }

    /// Encrypts `text` with the conversation's current session key and sends it
    /// (`RequestAddMessage`); returns the stored message.
    ///
    /// # Errors
    ///
    /// As [`current_key`](Self::current_key) and [`Client::request`].
    pub async fn send_text(
        &self,
        conversation: &ConversationUuid,
        text: &str,
    ) -> Result<Message, Error> {
        let (uuid, key) = self.current_key(conversation).await?;
        let (iv, body) = self.crypto.encrypt_body(&key, text.as_bytes())?;
        let request =
            RequestAddMessage::new(body, conversation.clone(), iv, MessageUuid::random(), uuid);
        Ok(self.client.request(request).await?.message)
    }

    /// Decrypts a message's body; `None` for a system message (which has none).
    ///
    /// # Errors
    ///
    /// [`CryptoError::NotUtf8`] when the plaintext is not text (a wrong key decrypts to
    /// garbage: there is no MAC); as [`session_key`](Self::session_key) otherwise.
    pub async fn decrypt_text(&self, message: &Message) -> Result<Option<String>, Error> {
        let key = self
            .session_key(&message.conversation_uuid, &message.session_key_uuid)
            .await?;
        let Some(body) = self.crypto.decrypt_body(&key, message)? else {
            return Ok(None);
        };
        String::from_utf8(body).map(Some).map_err(|_| {
            CryptoError::NotUtf8 {
                field: "bodyEncryptedBase64".into(),
            }
            .into()
        })
    }

    /// Decrypts a conversation-scoped envelope (a member's nick, a title), with the session key
    /// it names.
    ///
    /// # Errors
    ///
    /// [`CryptoError::Envelope`] for a malformed envelope, [`CryptoError::NoSessionKey`] when
    /// it names no session key, [`CryptoError::NotUtf8`]; as [`session_key`](Self::session_key)
    /// otherwise.
    pub async fn decrypt_envelope(&self, envelope: &EncryptedEnvelope) -> Result<String, Error> {
        let fields = envelope.parse().map_err(CryptoError::from)?;
        let (Some(conversation), Some(uuid)) = (fields.conversation_uuid, fields.session_key_uuid)
        else {
            return Err(CryptoError::NoSessionKey.into());
        };
        let key = self.session_key(&conversation, &uuid).await?;
        let plain = self.crypto.open_envelope(&key, Some(&uuid), envelope)?;
        String::from_utf8(plain).map_err(|_| {
            CryptoError::NotUtf8 {
                field: "envelope".into(),
            }
            .into()
        })
    }

    /// Reports messages as delivered to this user (`MessageDelivered`, one per message).
    ///
    /// # Errors
    ///
    /// As [`Client::request`].
    pub async fn mark_delivered(
        &self,
        conversation: &ConversationUuid,
        message: &MessageUuid,
    ) -> Result<(), Error> {
        self.client
            .request(MessageDelivered::new(conversation.clone(), message.clone()))
            .await?;
        Ok(())
    }

    /// Marks messages as read (`RequestMessagesReaded`); the senders get read receipts
    /// (`UpdatedMessageNotification` with the new `readedMembers`).
    ///
    /// # Errors
    ///
    /// As [`Client::request`].
    pub async fn mark_read(
        &self,
        conversation: &ConversationUuid,
        messages: &[MessageUuid],
    ) -> Result<(), Error> {
        self.client
            .request(RequestMessagesReaded::new(
                conversation.clone(),
                messages.to_vec(),
            ))
            .await?;
        Ok(())
    }

    /// Replaces the conversation's session key: a fresh key wrapped for every member
    /// (`RequestAddNewSessionKeys`); the server assigns its uuid and notifies the members.
    /// Earlier messages stay readable with the earlier key.
    ///
    /// # Errors
    ///
    /// [`CryptoError::NoPublicKey`] when a member has none; otherwise as [`Client::request`].
    pub async fn rotate_key(
        &self,
        conversation: &ConversationUuid,
    ) -> Result<SessionKeyUuid, Error> {
        let members = self
            .client
            .request(RequestGetMembersList::new(conversation.clone()))
            .await?;
        let mine = self.published_key(&self.me).await?;
        let signer_key_pair = mine.key_pair_uuid.ok_or_else(|| CryptoError::NoPublicKey {
            user_id: self.me.to_string(),
        })?;
        let mut recipients = Vec::new();
        for user in members.admins.iter().chain(&members.members) {
            if recipients
                .iter()
                .all(|(u, _): &(UserId, PemPublicKey)| u != user)
            {
                recipients.push((user.clone(), self.published_key(user).await?.public_key));
            }
        }
        let key = SymmetricKey::generate();
        let copies = self.crypto.session_key_copies(
            conversation,
            &key,
            &self.me,
            &signer_key_pair,
            &recipients,
        )?;
        let added = self
            .client
            .request(RequestAddNewSessionKeys::new(conversation.clone(), copies))
            .await?;
        let mut cache = self.cache();
        cache
            .session_keys
            .insert(lower(added.session_key_uuid.as_str()), key);
        cache
            .current
            .insert(lower(conversation.as_str()), added.session_key_uuid.clone());
        Ok(added.session_key_uuid)
    }

    /// This user's own nick as published with [`publish_keys`](Self::publish_keys) (decrypted
    /// with the metadata key kept since).
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInput`] when no metadata key is known in this session; otherwise as
    /// [`decrypt_envelope`](Self::decrypt_envelope).
    pub fn decrypt_own_nick(&self, nick: &EncryptedEnvelope) -> Result<String, Error> {
        let Some(key) = self.cache().meta_data_key.clone() else {
            return Err(Error::invalid_input(
                "metaDataKey",
                "unknown in this session: publish_keys was not called",
            ));
        };
        let plain = self.crypto.open_envelope(&key, None, nick)?;
        String::from_utf8(plain).map_err(|_| {
            CryptoError::NotUtf8 {
                field: "nick".into(),
            }
            .into()
        })
    }
}

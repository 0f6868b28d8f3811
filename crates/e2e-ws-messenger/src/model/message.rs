//! [`Message`]: the `Message` object shared by several messages.

use crate::model::unknown_fields::{UnknownFields, collect_extra};
use crate::model::{
    Base64Data, ConversationUuid, EncryptedEnvelope, EventType, MessageUuid, SessionKeyUuid,
    Timestamp, UserId,
};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// A message of a conversation, as the server returns it (`ResponseGetMessages.messages[]`,
/// `ResponseAddedMessage.message`, `ResponseGetConversationFull.lastMessage`,
/// `ResponseGetConversationsFull.lastMessages[]`, `NotificationAddedMessageToConversation.message`).
///
/// The body is encrypted with the session key `session_key_uuid` (AES keystream, same length as the
/// plaintext); system messages (`isEvent`) have no body and no IV.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Message {
    /// The message id, chosen by the sending client (in that platform's case).
    pub uuid: MessageUuid,
    /// The conversation.
    pub conversation_uuid: ConversationUuid,
    /// The session key that encrypts the body; can be older than the conversation's current one
    /// (fetch it with `RequestGetSessionKey`).
    pub session_key_uuid: SessionKeyUuid,
    /// The sender.
    pub user_id: UserId,
    /// The 16-byte IV of the body; `null` for system messages.
    #[serde(default)]
    pub iv_base64: Option<Base64Data>,
    /// The encrypted body; `null` for system messages.
    #[serde(default)]
    pub body_encrypted_base64: Option<Base64Data>,
    /// When the server stored the message.
    pub created: Timestamp,
    /// True if files are attached (fetch them with `RequestGetFiles`).
    pub has_files: bool,
    /// True if the requesting user has read the message (wire spelling `readed`).
    pub readed: bool,
    /// The sender's per-conversation nick, an envelope encrypted with a conversation session key.
    pub user_nick: EncryptedEnvelope,
    /// True for a system (event) message; see also [`Message::event`] and [`Message::is_event`].
    pub is_event: bool,
    /// What a system message reports.
    #[serde(default)]
    pub event_type: Option<EventType>,
    /// The subject of a system message (the user added, …).
    #[serde(default)]
    pub event_user_id: Option<UserId>,
    /// How many members the conversation had (a count, unlike `Conversation.members`).
    pub members: u32,
    /// How many members have read the message.
    pub readed_members: u32,
    /// How many members the message was delivered to.
    pub delivered_members: u32,
    /// True if the message was reported.
    pub objectionable: bool,
    /// True if the message was deleted.
    pub deleted: bool,
    /// The message this one replies to.
    #[serde(default)]
    pub reply_message_uuid: Option<MessageUuid>,
    /// Undocumented duplicate of `isEvent` (Jackson `is…` artefact) seen only in
    /// `ResponseGetConversationsFull.lastMessages[]`; kept separately, never aliased.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event: Option<bool>,
    /// Fields this crate does not know, kept so that re-serializing loses nothing.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

impl Message {
    /// A `Message` with the given fields; the others start empty, `false` or `0`.
    pub fn new(
        uuid: MessageUuid,
        conversation_uuid: ConversationUuid,
        session_key_uuid: SessionKeyUuid,
        user_id: UserId,
        created: Timestamp,
        user_nick: EncryptedEnvelope,
    ) -> Self {
        Self {
            uuid,
            conversation_uuid,
            session_key_uuid,
            user_id,
            iv_base64: None,
            body_encrypted_base64: None,
            created,
            has_files: false,
            readed: false,
            user_nick,
            is_event: false,
            event_type: None,
            event_user_id: None,
            members: 0,
            readed_members: 0,
            delivered_members: 0,
            objectionable: false,
            deleted: false,
            reply_message_uuid: None,
            event: None,
            extra: BTreeMap::new(),
        }
    }

    /// True for a system (event) message: `isEvent`, or the duplicate `event` when only that
    /// one is present.
    pub fn is_event(&self) -> bool {
        self.is_event || self.event.unwrap_or(false)
    }
}

impl UnknownFields for Message {
    fn collect_unknown_fields(&self, path: &str, out: &mut Vec<String>) {
        collect_extra(&self.extra, path, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{Kind, round_trip, seed};

    #[test]
    fn seed_response_get_messages_messages_0() {
        let sample = seed::sample(Kind::Response, "ResponseGetMessages");
        let value: Message = round_trip(
            sample
                .pointer("/messages/0")
                .expect("seed sample has /messages/0"),
        );
        assert_eq!(value.uuid.as_str(), "eaa5835e-30ff-498f-9a95-eb8a8ae93564");
        assert_eq!(
            value.conversation_uuid.as_str(),
            "2A22B9FB-3F79-4839-A3D6-B25B234E76F1"
        );
        assert_eq!(
            value.session_key_uuid.as_str(),
            "A9C9C789-87D9-4750-8685-FCAAA37C8E04"
        );
        assert_eq!(
            value.user_id.as_str(),
            "/4DZItfW2uZQyMCcxDboGMF0SjJs5sfedl9SXWNaO8Y="
        );
        assert_eq!(
            value.iv_base64.as_ref().map(|v| v.as_str()),
            Some("b6FKE/t/H1p9bgLiVg4y/w==")
        );
        assert_eq!(
            value.body_encrypted_base64.as_ref().map(|v| v.as_str()),
            Some("Pu9sMJY=")
        );
        assert_eq!(value.created.as_millis(), 1732795319618);
        assert!(value.has_files);
        assert!(value.readed);
        assert!(
            value
                .user_nick
                .as_str()
                .starts_with("ewogICJlbmNyeXB0ZWRCb2R5QmFzZTY0IiA6ICJD")
        );
        assert_eq!(value.user_nick.as_str().len(), 288);
        assert!(!value.is_event);
        assert!(value.event_type.is_none());
        assert!(value.event_user_id.is_none());
        assert_eq!(value.members, 2);
        assert_eq!(value.readed_members, 1);
        assert_eq!(value.delivered_members, 1);
        assert!(!value.objectionable);
        assert!(!value.deleted);
        assert!(value.reply_message_uuid.is_none());
        assert!(value.event.is_none());
    }

    #[test]
    fn seed_response_get_conversations_full_lastmessages_0() {
        let sample = seed::sample(Kind::Response, "ResponseGetConversationsFull");
        let value: Message = round_trip(
            sample
                .pointer("/lastMessages/0")
                .expect("seed sample has /lastMessages/0"),
        );
        assert_eq!(value.uuid.as_str(), "ce7701d5-7586-49e7-b7f1-0efba864a941");
        assert_eq!(
            value.conversation_uuid.as_str(),
            "181309f7-2b47-4da6-a506-17f04cd6671c"
        );
        assert_eq!(
            value.session_key_uuid.as_str(),
            "20962b1d-e0e5-42d4-840d-64d6c11e90ce"
        );
        assert!(value.iv_base64.is_none());
        assert!(value.body_encrypted_base64.is_none());
        assert_eq!(value.created.as_millis(), 1730893198093);
        assert!(!value.has_files);
        assert_eq!(
            value.user_nick.as_str(),
            "ewogICJjb252ZXJzYXRpb25VdWlkIiA6ICIxODEzMDlmNy0yYjQ3LTRkYTYtYTUw..."
        );
        assert!(value.is_event);
        assert_eq!(
            value.event_type.as_ref().map(|v| v.as_str()),
            Some("SessionKeyRegenerated")
        );
        assert_eq!(value.readed_members, 2);
        assert_eq!(value.delivered_members, 2);
        assert_eq!(value.event, Some(true));
    }

    #[test]
    fn seed_response_get_conversation_full_lastmessage() {
        let sample = seed::sample(Kind::Response, "ResponseGetConversationFull");
        let value: Message = round_trip(
            sample
                .pointer("/lastMessage")
                .expect("seed sample has /lastMessage"),
        );
        assert_eq!(value.uuid.as_str(), "88207239-224b-4e12-a8fa-5132a3070756");
        assert_eq!(
            value.conversation_uuid.as_str(),
            "6921d2fd-e88c-4802-bb70-d7a18770939e"
        );
        assert_eq!(
            value.session_key_uuid.as_str(),
            "b8322f5c-92e7-4810-90da-8b167223e496"
        );
        assert!(value.iv_base64.is_none());
        assert!(value.body_encrypted_base64.is_none());
        assert_eq!(value.created.as_millis(), 1732795359507);
        assert!(!value.has_files);
        assert!(
            value
                .user_nick
                .as_str()
                .starts_with("eyJjb252ZXJzYXRpb25VdWlkIjoiNjkyMWQyZmQt")
        );
        assert_eq!(value.user_nick.as_str().len(), 260);
        assert!(value.is_event);
        assert_eq!(value.event_type.as_ref().map(|v| v.as_str()), Some("Added"));
        assert_eq!(
            value.event_user_id.as_ref().map(|v| v.as_str()),
            Some("upItfdN1OtNK50oxC5YQtGi2E9h1P862YnEVnNUhVA8=")
        );
    }
}

//! [`Conversation`]: the `Conversation` object shared by several messages.

use crate::model::unknown_fields::{UnknownFields, collect_extra};
use crate::model::{ConversationUuid, EncryptedEnvelope, SessionKeyUuid, Timestamp, UserId};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// A conversation (dialog or group), as the server returns it
/// (`ResponseCreateConversation.conversation`, `ResponseGetConversationFull.conversation`,
/// `ResponseGetConversationsFull.conversations[]`, `NotificationAddMemberToConversation.conversation`).
///
/// Lists in notifications are not trustworthy (the seed shows `admins: []` for a dialog with two
/// admins); refetch with `RequestGetConversationFull` when they matter.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Conversation {
    /// The conversation id, chosen by the creating client.
    pub uuid: ConversationUuid,
    /// True for a 1:1 dialog; see also [`Conversation::dialog`] and [`Conversation::is_dialog`].
    pub is_dialog: bool,
    /// The group title, an envelope encrypted with a session key; `null` for dialogs.
    #[serde(default)]
    pub title: Option<EncryptedEnvelope>,
    /// The current session key.
    pub session_key_uuid: SessionKeyUuid,
    /// When the conversation was created.
    pub created: Timestamp,
    /// When the last message was sent (a number here; `ResponseGetConversationFull.lastMessage` is
    /// a message object).
    pub last_message: Timestamp,
    /// How many messages the requesting user has not read (wire spelling `unreaded`).
    pub unreaded_counter: u32,
    /// The admins.
    #[serde(default)]
    pub admins: Vec<UserId>,
    /// The members who are not admins.
    #[serde(default)]
    pub members: Vec<UserId>,
    /// True if the conversation has an avatar.
    pub has_avatar: bool,
    /// When the avatar last changed.
    pub avatar_updated: Timestamp,
    /// Undocumented; only `null` seen.
    #[serde(default)]
    pub joined_user_id: Option<UserId>,
    /// True if the conversation is blocked.
    pub blocked: bool,
    /// Undocumented duplicate of `isDialog` seen only in
    /// `ResponseGetConversationsFull.conversations[]`; kept separately, never aliased.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dialog: Option<bool>,
    /// Fields this crate does not know, kept so that re-serializing loses nothing.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

impl Conversation {
    /// A `Conversation` with the given fields; the others start empty, `false` or `0`.
    pub fn new(
        uuid: ConversationUuid,
        session_key_uuid: SessionKeyUuid,
        created: Timestamp,
        last_message: Timestamp,
        avatar_updated: Timestamp,
    ) -> Self {
        Self {
            uuid,
            is_dialog: false,
            title: None,
            session_key_uuid,
            created,
            last_message,
            unreaded_counter: 0,
            admins: Vec::new(),
            members: Vec::new(),
            has_avatar: false,
            avatar_updated,
            joined_user_id: None,
            blocked: false,
            dialog: None,
            extra: BTreeMap::new(),
        }
    }

    /// True for a 1:1 dialog: `isDialog`, or the duplicate `dialog` when only that one is set.
    pub fn is_dialog(&self) -> bool {
        self.is_dialog || self.dialog.unwrap_or(false)
    }
}

impl UnknownFields for Conversation {
    fn collect_unknown_fields(&self, path: &str, out: &mut Vec<String>) {
        collect_extra(&self.extra, path, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{Kind, round_trip, seed};

    #[test]
    fn seed_response_create_conversation_conversation() {
        let sample = seed::sample(Kind::Response, "ResponseCreateConversation");
        let value: Conversation = round_trip(
            sample
                .pointer("/conversation")
                .expect("seed sample has /conversation"),
        );
        assert_eq!(value.uuid.as_str(), "6921d2fd-e88c-4802-bb70-d7a18770939e");
        assert!(value.is_dialog);
        assert!(value.title.is_none());
        assert_eq!(
            value.session_key_uuid.as_str(),
            "b8322f5c-92e7-4810-90da-8b167223e496"
        );
        assert_eq!(value.created.as_millis(), 1732795356441);
        assert_eq!(value.last_message.as_millis(), 1732795359460);
        assert_eq!(value.unreaded_counter, 0);
        assert_eq!(value.admins.len(), 2);
        assert_eq!(
            value.admins[0].as_str(),
            "upItfdN1OtNK50oxC5YQtGi2E9h1P862YnEVnNUhVA8="
        );
        assert_eq!(value.members.len(), 0);
        assert!(!value.has_avatar);
        assert_eq!(value.avatar_updated.as_millis(), 1732795356441);
        assert!(value.joined_user_id.is_none());
        assert!(!value.blocked);
        assert!(value.dialog.is_none());
    }

    #[test]
    fn seed_response_get_conversations_full_conversations_1() {
        let sample = seed::sample(Kind::Response, "ResponseGetConversationsFull");
        let value: Conversation = round_trip(
            sample
                .pointer("/conversations/1")
                .expect("seed sample has /conversations/1"),
        );
        assert_eq!(value.uuid.as_str(), "408ECE6D-A15C-46DF-A181-E74087255781");
        assert!(!value.is_dialog);
        assert_eq!(
            value.title.as_ref().map(|v| v.as_str()),
            Some("ewogICJzZXNzaW9uS2V5VXVpZCIgOiAiREY5MkU2NEMtNjM2My00RjJFLTk5MkYt...")
        );
        assert_eq!(
            value.session_key_uuid.as_str(),
            "DF92E64C-6363-4F2E-992F-83A842849897"
        );
        assert_eq!(value.created.as_millis(), 1726559990430);
        assert_eq!(value.last_message.as_millis(), 1726560094263);
        assert_eq!(value.admins.len(), 1);
        assert_eq!(
            value.admins[0].as_str(),
            "yyfrLmLb1BlZuC6QOWC/7j41aJAq9+MVcmL0dpfvr74="
        );
        assert_eq!(value.members.len(), 1);
        assert_eq!(
            value.members[0].as_str(),
            "/4DZItfW2uZQyMCcxDboGMF0SjJs5sfedl9SXWNaO8Y="
        );
        assert_eq!(value.avatar_updated.as_millis(), 1726559990000);
        assert_eq!(value.dialog, Some(false));
    }
}

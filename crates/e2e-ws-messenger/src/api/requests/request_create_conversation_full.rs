//! `RequestCreateConversationFull` → `ResponseCreateConversation`.

use crate::api::{WireMessage, WireRequest, WireResponse};
use crate::model::unknown_fields::{UnknownFields, collect_extra, join};
use crate::model::{
    Conversation, ConversationUuid, EncryptedEnvelope, SessionKeyUuid, SessionKeyValue, UserId,
};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// `RequestCreateConversationFull` → `ResponseCreateConversation`: create a dialog or group with its first
/// session key.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct RequestCreateConversationFull {
    /// The other admins, each mapped to a raw base64 value (cut short in the seed; presumably the
    /// session key wrapped for that admin). Documented as a list, but an object.
    #[serde(default)]
    pub admins: BTreeMap<UserId, String>,
    /// The new conversation's id, chosen by the client; echoed as `conversation.uuid`.
    pub conversation_uuid: ConversationUuid,
    /// True for a 1:1 dialog.
    pub is_dialog: bool,
    /// The members, shaped like `admins` (only `{}` seen).
    #[serde(default)]
    pub members: BTreeMap<UserId, String>,
    /// The creator's nick in this conversation, an envelope.
    pub nick_encrypted: EncryptedEnvelope,
    /// The first session key's id, chosen by the client.
    pub session_key_uuid: SessionKeyUuid,
    /// The creator's own copy of the session key.
    pub session_key_value: SessionKeyValue,
    /// The group title, an envelope; `null` for a dialog.
    #[serde(default)]
    pub title: Option<EncryptedEnvelope>,
    /// Fields this crate does not know, kept so that re-serializing loses nothing.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

impl RequestCreateConversationFull {
    /// A `RequestCreateConversationFull` with the given fields; the others start empty, `false` or `0`.
    pub fn new(
        conversation_uuid: ConversationUuid,
        nick_encrypted: EncryptedEnvelope,
        session_key_uuid: SessionKeyUuid,
        session_key_value: SessionKeyValue,
    ) -> Self {
        Self {
            admins: BTreeMap::new(),
            conversation_uuid,
            is_dialog: false,
            members: BTreeMap::new(),
            nick_encrypted,
            session_key_uuid,
            session_key_value,
            title: None,
            extra: BTreeMap::new(),
        }
    }
}

impl UnknownFields for RequestCreateConversationFull {
    fn collect_unknown_fields(&self, path: &str, out: &mut Vec<String>) {
        collect_extra(&self.extra, path, out);
        self.session_key_value
            .collect_unknown_fields(&join(path, "sessionKeyValue"), out);
    }
}

impl WireMessage for RequestCreateConversationFull {
    const WIRE_NAME: &'static str = "RequestCreateConversationFull";
}

impl WireRequest for RequestCreateConversationFull {
    type Reply = ResponseCreateConversation;
}

/// `ResponseCreateConversation`: the new conversation; answers `RequestCreateConversationFull`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ResponseCreateConversation {
    /// The conversation.
    pub conversation: Conversation,
    /// Fields this crate does not know, kept so that re-serializing loses nothing.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

impl ResponseCreateConversation {
    /// A `ResponseCreateConversation` with the given fields.
    pub fn new(conversation: Conversation) -> Self {
        Self {
            conversation,
            extra: BTreeMap::new(),
        }
    }
}

impl UnknownFields for ResponseCreateConversation {
    fn collect_unknown_fields(&self, path: &str, out: &mut Vec<String>) {
        collect_extra(&self.extra, path, out);
        self.conversation
            .collect_unknown_fields(&join(path, "conversation"), out);
    }
}

impl WireMessage for ResponseCreateConversation {
    const WIRE_NAME: &'static str = "ResponseCreateConversation";
}

impl WireResponse for ResponseCreateConversation {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{Kind, round_trip, seed};

    #[test]
    fn request_seed_sample_round_trips() {
        let value: RequestCreateConversationFull = round_trip(&seed::sample(
            Kind::Request,
            "RequestCreateConversationFull",
        ));
        assert_eq!(value.admins.len(), 1);
        assert!(value.admins.contains_key(&UserId::from_wire(
            "upItfdN1OtNK50oxC5YQtGi2E9h1P862YnEVnNUhVA8="
        )));
        assert_eq!(
            value.conversation_uuid.as_str(),
            "6921d2fd-e88c-4802-bb70-d7a18770939e"
        );
        assert!(value.is_dialog);
        assert_eq!(value.members.len(), 0);
        assert_eq!(
            value.nick_encrypted.as_str(),
            "eyJjb252ZXJzYXRpb25VdWlkIjoiNjkyMWQyZmQtZTg4Yy00ODAyLWJiNzAtZDdh..."
        );
        assert_eq!(
            value.session_key_uuid.as_str(),
            "b8322f5c-92e7-4810-90da-8b167223e496"
        );
        assert_eq!(
            value.session_key_value.user_id.as_str(),
            "/4DZItfW2uZQyMCcxDboGMF0SjJs5sfedl9SXWNaO8Y="
        );
        assert!(value.title.is_none());
        value.validate().expect("the seed sample is valid");
    }

    #[test]
    fn response_seed_sample_round_trips() {
        let value: ResponseCreateConversation =
            round_trip(&seed::sample(Kind::Response, "ResponseCreateConversation"));
        assert_eq!(
            value.conversation.uuid.as_str(),
            "6921d2fd-e88c-4802-bb70-d7a18770939e"
        );
    }
}

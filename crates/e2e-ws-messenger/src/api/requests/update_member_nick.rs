//! `UpdateMemberNick` → `ResponseStatusMessage`.

use crate::api::{ResponseStatusMessage, WireMessage, WireRequest};
use crate::model::unknown_fields::{UnknownFields, collect_extra};
use crate::model::{ConversationUuid, EncryptedEnvelope, UserId};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// `UpdateMemberNick` → `ResponseStatusMessage`: change the user's nick in a conversation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct UpdateMemberNick {
    /// The conversation.
    pub conversation_uuid: ConversationUuid,
    /// The new nick, an envelope.
    pub nick_encrypted: EncryptedEnvelope,
    /// The user.
    pub user_id: UserId,
    /// Fields this crate does not know, kept so that re-serializing loses nothing.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

impl UpdateMemberNick {
    /// A `UpdateMemberNick` with the given fields.
    pub fn new(
        conversation_uuid: ConversationUuid,
        nick_encrypted: EncryptedEnvelope,
        user_id: UserId,
    ) -> Self {
        Self {
            conversation_uuid,
            nick_encrypted,
            user_id,
            extra: BTreeMap::new(),
        }
    }
}

impl UnknownFields for UpdateMemberNick {
    fn collect_unknown_fields(&self, path: &str, out: &mut Vec<String>) {
        collect_extra(&self.extra, path, out);
    }
}

impl WireMessage for UpdateMemberNick {
    const WIRE_NAME: &'static str = "UpdateMemberNick";
}

impl WireRequest for UpdateMemberNick {
    type Reply = ResponseStatusMessage;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{Kind, round_trip, seed};

    #[test]
    fn request_seed_sample_round_trips() {
        let value: UpdateMemberNick = round_trip(&seed::sample(Kind::Request, "UpdateMemberNick"));
        assert_eq!(
            value.conversation_uuid.as_str(),
            "6921d2fd-e88c-4802-bb70-d7a18770939e"
        );
        assert_eq!(
            value.nick_encrypted.as_str(),
            "eyJjb252ZXJzYXRpb25VdWlkIjoiNjkyMWQyZmQtZTg4Yy00ODAyLWJiNzAtZDdh..."
        );
        assert_eq!(
            value.user_id.as_str(),
            "/4DZItfW2uZQyMCcxDboGMF0SjJs5sfedl9SXWNaO8Y="
        );
        value.validate().expect("the seed sample is valid");
    }
}

//! `RequestKickUser` → `ResponseStatusMessage`.

use crate::api::{ResponseStatusMessage, WireMessage, WireRequest};
use crate::model::unknown_fields::{UnknownFields, collect_extra};
use crate::model::{ConversationUuid, UserId};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// `RequestKickUser` → `ResponseStatusMessage`: remove a member from a conversation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct RequestKickUser {
    /// The conversation.
    pub conversation_uuid: ConversationUuid,
    /// The member to remove.
    pub user_id: UserId,
    /// Fields this crate does not know, kept so that re-serializing loses nothing.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

impl RequestKickUser {
    /// A `RequestKickUser` with the given fields.
    pub fn new(conversation_uuid: ConversationUuid, user_id: UserId) -> Self {
        Self {
            conversation_uuid,
            user_id,
            extra: BTreeMap::new(),
        }
    }
}

impl UnknownFields for RequestKickUser {
    fn collect_unknown_fields(&self, path: &str, out: &mut Vec<String>) {
        collect_extra(&self.extra, path, out);
    }
}

impl WireMessage for RequestKickUser {
    const WIRE_NAME: &'static str = "RequestKickUser";
}

impl WireRequest for RequestKickUser {
    type Reply = ResponseStatusMessage;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{Kind, round_trip, seed};

    #[test]
    fn request_seed_sample_round_trips() {
        let value: RequestKickUser = round_trip(&seed::sample(Kind::Request, "RequestKickUser"));
        assert_eq!(
            value.conversation_uuid.as_str(),
            "66CE10E5-969D-41E0-9F2A-C279B095F822"
        );
        assert_eq!(
            value.user_id.as_str(),
            "oQgiIm3BqaOyRYioV0HM/3r2U5D8eopjFsvWU+lvw4Y="
        );
        value.validate().expect("the seed sample is valid");
    }
}

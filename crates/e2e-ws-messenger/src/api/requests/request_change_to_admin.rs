//! `RequestChangeToAdmin` → `ResponseStatusMessage`.

use crate::api::{ResponseStatusMessage, WireMessage, WireRequest};
use crate::model::unknown_fields::{UnknownFields, collect_extra};
use crate::model::{ConversationUuid, UserId};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// `RequestChangeToAdmin` → `ResponseStatusMessage`: make a member an admin.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct RequestChangeToAdmin {
    /// The conversation.
    pub conversation_uuid: ConversationUuid,
    /// The member to promote.
    pub user_id: UserId,
    /// Fields this crate does not know, kept so that re-serializing loses nothing.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

impl RequestChangeToAdmin {
    /// A `RequestChangeToAdmin` with the given fields.
    pub fn new(conversation_uuid: ConversationUuid, user_id: UserId) -> Self {
        Self {
            conversation_uuid,
            user_id,
            extra: BTreeMap::new(),
        }
    }
}

impl UnknownFields for RequestChangeToAdmin {
    fn collect_unknown_fields(&self, path: &str, out: &mut Vec<String>) {
        collect_extra(&self.extra, path, out);
    }
}

impl WireMessage for RequestChangeToAdmin {
    const WIRE_NAME: &'static str = "RequestChangeToAdmin";
}

impl WireRequest for RequestChangeToAdmin {
    type Reply = ResponseStatusMessage;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{Kind, round_trip, seed};

    #[test]
    fn request_seed_sample_round_trips() {
        let value: RequestChangeToAdmin =
            round_trip(&seed::sample(Kind::Request, "RequestChangeToAdmin"));
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

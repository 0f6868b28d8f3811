//! `RequestAddMember` → `ResponseStatusMessage`.

use crate::api::{ResponseStatusMessage, WireMessage, WireRequest};
use crate::model::unknown_fields::{UnknownFields, collect_extra, join};
use crate::model::{ConversationUuid, SessionKeyUuid, SessionKeyValue};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// `RequestAddMember` → `ResponseStatusMessage`: add a member, with their copy of the current session key.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct RequestAddMember {
    /// The conversation.
    pub conversation_uuid: ConversationUuid,
    /// The session key.
    pub session_key_uuid: SessionKeyUuid,
    /// The new member's copy (`userId` = the new member).
    pub session_key_value: SessionKeyValue,
    /// Fields this crate does not know, kept so that re-serializing loses nothing.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

impl RequestAddMember {
    /// A `RequestAddMember` with the given fields.
    pub fn new(
        conversation_uuid: ConversationUuid,
        session_key_uuid: SessionKeyUuid,
        session_key_value: SessionKeyValue,
    ) -> Self {
        Self {
            conversation_uuid,
            session_key_uuid,
            session_key_value,
            extra: BTreeMap::new(),
        }
    }
}

impl UnknownFields for RequestAddMember {
    fn collect_unknown_fields(&self, path: &str, out: &mut Vec<String>) {
        collect_extra(&self.extra, path, out);
        self.session_key_value
            .collect_unknown_fields(&join(path, "sessionKeyValue"), out);
    }
}

impl WireMessage for RequestAddMember {
    const WIRE_NAME: &'static str = "RequestAddMember";
}

impl WireRequest for RequestAddMember {
    type Reply = ResponseStatusMessage;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{Kind, round_trip, seed};

    #[test]
    fn request_seed_sample_round_trips() {
        let value: RequestAddMember = round_trip(&seed::sample(Kind::Request, "RequestAddMember"));
        assert_eq!(
            value.conversation_uuid.as_str(),
            "f4a74867-290c-4841-aa02-5f4d01603af4"
        );
        assert_eq!(
            value.session_key_uuid.as_str(),
            "9c034e8e-0c3a-4003-8385-5cf4bbbd0e33"
        );
        assert_eq!(
            value.session_key_value.user_id.as_str(),
            "gjSz6SR6CnUTFlx1fI0BVE863u9RlgAH0wTlW8udJQM="
        );
        value.validate().expect("the seed sample is valid");
    }
}

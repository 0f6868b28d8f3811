//! `RequestAddAdmin` → `ResponseStatusMessage`.

use crate::api::{ResponseStatusMessage, WireMessage, WireRequest};
use crate::model::unknown_fields::{UnknownFields, collect_extra, join};
use crate::model::{ConversationUuid, SessionKeyUuid, SessionKeyValue};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// `RequestAddAdmin` → `ResponseStatusMessage`: add an admin, with their copy of the current session key.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct RequestAddAdmin {
    /// The conversation.
    pub conversation_uuid: ConversationUuid,
    /// The session key.
    pub session_key_uuid: SessionKeyUuid,
    /// The new admin's copy (`userId` = the new admin).
    pub session_key_value: SessionKeyValue,
    /// Fields this crate does not know, kept so that re-serializing loses nothing.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

impl RequestAddAdmin {
    /// A `RequestAddAdmin` with the given fields.
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

impl UnknownFields for RequestAddAdmin {
    fn collect_unknown_fields(&self, path: &str, out: &mut Vec<String>) {
        collect_extra(&self.extra, path, out);
        self.session_key_value
            .collect_unknown_fields(&join(path, "sessionKeyValue"), out);
    }
}

impl WireMessage for RequestAddAdmin {
    const WIRE_NAME: &'static str = "RequestAddAdmin";
}

impl WireRequest for RequestAddAdmin {
    type Reply = ResponseStatusMessage;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{Kind, round_trip, seed};

    #[test]
    fn request_seed_sample_round_trips() {
        let value: RequestAddAdmin = round_trip(&seed::sample(Kind::Request, "RequestAddAdmin"));
        assert_eq!(
            value.conversation_uuid.as_str(),
            "FF1EACD0-E337-4AD1-B476-8D69D1E0F28F"
        );
        assert_eq!(
            value.session_key_uuid.as_str(),
            "DC9E97B3-6004-41C4-BB0F-8399B1C8D6C2"
        );
        assert_eq!(
            value.session_key_value.user_id.as_str(),
            "f9vrQ7Uuvix9wd7Ee73RhD+lUjaouyNf1vNxIA3apGo="
        );
        value.validate().expect("the seed sample is valid");
    }
}

//! `RequestGetSessionKey` → `ResponseSessionKeyByUuid`.

use crate::api::{WireMessage, WireRequest, WireResponse};
use crate::model::unknown_fields::{UnknownFields, collect_extra, join};
use crate::model::{ConversationUuid, SessionKey, SessionKeyUuid};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// `RequestGetSessionKey` → `ResponseSessionKeyByUuid`: the user's copy of one session key.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct RequestGetSessionKey {
    /// The conversation.
    pub conversation_uuid: ConversationUuid,
    /// The session key; echoed as `sessionKey.uuid`.
    pub session_key_uuid: SessionKeyUuid,
    /// Fields this crate does not know, kept so that re-serializing loses nothing.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

impl RequestGetSessionKey {
    /// A `RequestGetSessionKey` with the given fields.
    pub fn new(conversation_uuid: ConversationUuid, session_key_uuid: SessionKeyUuid) -> Self {
        Self {
            conversation_uuid,
            session_key_uuid,
            extra: BTreeMap::new(),
        }
    }
}

impl UnknownFields for RequestGetSessionKey {
    fn collect_unknown_fields(&self, path: &str, out: &mut Vec<String>) {
        collect_extra(&self.extra, path, out);
    }
}

impl WireMessage for RequestGetSessionKey {
    const WIRE_NAME: &'static str = "RequestGetSessionKey";
}

impl WireRequest for RequestGetSessionKey {
    type Reply = ResponseSessionKeyByUuid;
}

/// `ResponseSessionKeyByUuid`: the answer to `RequestGetSessionKey`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ResponseSessionKeyByUuid {
    /// The session key.
    pub session_key: SessionKey,
    /// Fields this crate does not know, kept so that re-serializing loses nothing.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

impl ResponseSessionKeyByUuid {
    /// A `ResponseSessionKeyByUuid` with the given fields.
    pub fn new(session_key: SessionKey) -> Self {
        Self {
            session_key,
            extra: BTreeMap::new(),
        }
    }
}

impl UnknownFields for ResponseSessionKeyByUuid {
    fn collect_unknown_fields(&self, path: &str, out: &mut Vec<String>) {
        collect_extra(&self.extra, path, out);
        self.session_key
            .collect_unknown_fields(&join(path, "sessionKey"), out);
    }
}

impl WireMessage for ResponseSessionKeyByUuid {
    const WIRE_NAME: &'static str = "ResponseSessionKeyByUuid";
}

impl WireResponse for ResponseSessionKeyByUuid {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{Kind, round_trip, seed};

    #[test]
    fn request_seed_sample_round_trips() {
        let value: RequestGetSessionKey =
            round_trip(&seed::sample(Kind::Request, "RequestGetSessionKey"));
        assert_eq!(
            value.conversation_uuid.as_str(),
            "6921d2fd-e88c-4802-bb70-d7a18770939e"
        );
        assert_eq!(
            value.session_key_uuid.as_str(),
            "b8322f5c-92e7-4810-90da-8b167223e496"
        );
        value.validate().expect("the seed sample is valid");
    }

    #[test]
    fn response_seed_sample_round_trips() {
        let value: ResponseSessionKeyByUuid =
            round_trip(&seed::sample(Kind::Response, "ResponseSessionKeyByUuid"));
        assert_eq!(
            value.session_key.uuid.as_str(),
            "b8322f5c-92e7-4810-90da-8b167223e496"
        );
    }
}

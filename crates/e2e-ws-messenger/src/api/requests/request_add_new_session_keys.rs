//! `RequestAddNewSessionKeys` → `ResponseAddedSessionKey`.

use crate::api::validate::non_empty_list;
use crate::api::{WireMessage, WireRequest, WireResponse};
use crate::error::Error;
use crate::model::unknown_fields::{UnknownFields, collect_extra, index};
use crate::model::{ConversationUuid, SessionKeyUuid, SessionKeyValue};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// `RequestAddNewSessionKeys` → `ResponseAddedSessionKey`: rotate a conversation's session key, one copy
/// per recipient; the server assigns the key's uuid.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct RequestAddNewSessionKeys {
    /// The conversation.
    pub conversation_uuid: ConversationUuid,
    /// One copy per recipient.
    #[serde(default)]
    pub session_keys: Vec<SessionKeyValue>,
    /// Fields this crate does not know, kept so that re-serializing loses nothing.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

impl RequestAddNewSessionKeys {
    /// A `RequestAddNewSessionKeys` with the given fields.
    pub fn new(conversation_uuid: ConversationUuid, session_keys: Vec<SessionKeyValue>) -> Self {
        Self {
            conversation_uuid,
            session_keys,
            extra: BTreeMap::new(),
        }
    }
}

impl UnknownFields for RequestAddNewSessionKeys {
    fn collect_unknown_fields(&self, path: &str, out: &mut Vec<String>) {
        collect_extra(&self.extra, path, out);
        for (i, value) in self.session_keys.iter().enumerate() {
            value.collect_unknown_fields(&index(path, "sessionKeys", i), out);
        }
    }
}

impl WireMessage for RequestAddNewSessionKeys {
    const WIRE_NAME: &'static str = "RequestAddNewSessionKeys";

    fn validate(&self) -> Result<(), Error> {
        non_empty_list("sessionKeys", &self.session_keys)
    }
}

impl WireRequest for RequestAddNewSessionKeys {
    type Reply = ResponseAddedSessionKey;
}

/// `ResponseAddedSessionKey`: the server-assigned id of the new session key; answers
/// `RequestAddNewSessionKeys` (a `NotificationNewSessionKey` with the same id follows).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ResponseAddedSessionKey {
    /// The new session key.
    pub session_key_uuid: SessionKeyUuid,
    /// Fields this crate does not know, kept so that re-serializing loses nothing.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

impl ResponseAddedSessionKey {
    /// A `ResponseAddedSessionKey` with the given fields.
    pub fn new(session_key_uuid: SessionKeyUuid) -> Self {
        Self {
            session_key_uuid,
            extra: BTreeMap::new(),
        }
    }
}

impl UnknownFields for ResponseAddedSessionKey {
    fn collect_unknown_fields(&self, path: &str, out: &mut Vec<String>) {
        collect_extra(&self.extra, path, out);
    }
}

impl WireMessage for ResponseAddedSessionKey {
    const WIRE_NAME: &'static str = "ResponseAddedSessionKey";
}

impl WireResponse for ResponseAddedSessionKey {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{Kind, round_trip, seed};

    #[test]
    fn request_seed_sample_round_trips() {
        let value: RequestAddNewSessionKeys =
            round_trip(&seed::sample(Kind::Request, "RequestAddNewSessionKeys"));
        assert_eq!(
            value.conversation_uuid.as_str(),
            "f4a74867-290c-4841-aa02-5f4d01603af4"
        );
        assert_eq!(value.session_keys.len(), 2);
        assert_eq!(
            value.session_keys[0].user_id.as_str(),
            "/4DZItfW2uZQyMCcxDboGMF0SjJs5sfedl9SXWNaO8Y="
        );
        value.validate().expect("the seed sample is valid");
    }

    #[test]
    fn response_seed_sample_round_trips() {
        let value: ResponseAddedSessionKey =
            round_trip(&seed::sample(Kind::Response, "ResponseAddedSessionKey"));
        assert_eq!(
            value.session_key_uuid.as_str(),
            "e0aae1c4-a82c-4c50-81a2-b4372dc302db"
        );
    }
}

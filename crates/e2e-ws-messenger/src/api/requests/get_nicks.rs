//! `GetNicks` → `NicksList`.

use crate::api::{WireMessage, WireRequest, WireResponse};
use crate::model::unknown_fields::{UnknownFields, collect_extra};
use crate::model::{ConversationUuid, EncryptedEnvelope, UserId};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// `GetNicks` → `NicksList`: the members' nicks in a conversation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct GetNicks {
    /// The conversation.
    pub conversation_uuid: ConversationUuid,
    /// Fields this crate does not know, kept so that re-serializing loses nothing.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

impl GetNicks {
    /// A `GetNicks` with the given fields.
    pub fn new(conversation_uuid: ConversationUuid) -> Self {
        Self {
            conversation_uuid,
            extra: BTreeMap::new(),
        }
    }
}

impl UnknownFields for GetNicks {
    fn collect_unknown_fields(&self, path: &str, out: &mut Vec<String>) {
        collect_extra(&self.extra, path, out);
    }
}

impl WireMessage for GetNicks {
    const WIRE_NAME: &'static str = "GetNicks";
}

impl WireRequest for GetNicks {
    type Reply = NicksList;
}

/// `NicksList`: the answer to `GetNicks`: user id → nick envelope (the document describes
/// pseudo-fields `userId`/`nickname`; the samples show a map).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct NicksList {
    /// The nicks by user.
    #[serde(default)]
    pub nicks: BTreeMap<UserId, EncryptedEnvelope>,
    /// Fields this crate does not know, kept so that re-serializing loses nothing.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

impl NicksList {
    /// A `NicksList` with the given fields.
    pub fn new(nicks: BTreeMap<UserId, EncryptedEnvelope>) -> Self {
        Self {
            nicks,
            extra: BTreeMap::new(),
        }
    }
}

impl UnknownFields for NicksList {
    fn collect_unknown_fields(&self, path: &str, out: &mut Vec<String>) {
        collect_extra(&self.extra, path, out);
    }
}

impl WireMessage for NicksList {
    const WIRE_NAME: &'static str = "NicksList";
}

impl WireResponse for NicksList {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{Kind, round_trip, seed};

    #[test]
    fn request_seed_sample_round_trips() {
        let value: GetNicks = round_trip(&seed::sample(Kind::Request, "GetNicks"));
        assert_eq!(
            value.conversation_uuid.as_str(),
            "2A22B9FB-3F79-4839-A3D6-B25B234E76F1"
        );
        value.validate().expect("the seed sample is valid");
    }

    #[test]
    fn response_seed_sample_round_trips() {
        let value: NicksList = round_trip(&seed::sample(Kind::Response, "NicksList"));
        assert_eq!(value.nicks.len(), 2);
        assert!(value.nicks.contains_key(&UserId::from_wire(
            "/4DZItfW2uZQyMCcxDboGMF0SjJs5sfedl9SXWNaO8Y="
        )));
    }
}

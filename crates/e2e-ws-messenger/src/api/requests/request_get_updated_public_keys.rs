//! `RequestGetUpdatedPublicKeys` → `ResponseGetUpdatedPublicKeys`.

use crate::api::{WireMessage, WireRequest, WireResponse};
use crate::model::ConversationUuid;
use crate::model::unknown_fields::{UnknownFields, collect_extra};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// `RequestGetUpdatedPublicKeys` → `ResponseGetUpdatedPublicKeys`: public keys of a conversation's members
/// that changed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct RequestGetUpdatedPublicKeys {
    /// The conversation.
    pub conversation_uuid: ConversationUuid,
    /// Fields this crate does not know, kept so that re-serializing loses nothing.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

impl RequestGetUpdatedPublicKeys {
    /// A `RequestGetUpdatedPublicKeys` with the given fields.
    pub fn new(conversation_uuid: ConversationUuid) -> Self {
        Self {
            conversation_uuid,
            extra: BTreeMap::new(),
        }
    }
}

impl UnknownFields for RequestGetUpdatedPublicKeys {
    fn collect_unknown_fields(&self, path: &str, out: &mut Vec<String>) {
        collect_extra(&self.extra, path, out);
    }
}

impl WireMessage for RequestGetUpdatedPublicKeys {
    const WIRE_NAME: &'static str = "RequestGetUpdatedPublicKeys";
}

impl WireRequest for RequestGetUpdatedPublicKeys {
    type Reply = ResponseGetUpdatedPublicKeys;
}

/// `ResponseGetUpdatedPublicKeys`: the answer to `RequestGetUpdatedPublicKeys`. Only `{}` is seen, so
/// keys and values are kept as JSON (presumably user id → PEM).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ResponseGetUpdatedPublicKeys {
    /// The changed keys.
    #[serde(default)]
    pub public_keys: BTreeMap<String, Value>,
    /// Fields this crate does not know, kept so that re-serializing loses nothing.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

impl ResponseGetUpdatedPublicKeys {
    /// A `ResponseGetUpdatedPublicKeys` with the given fields.
    pub fn new(public_keys: BTreeMap<String, Value>) -> Self {
        Self {
            public_keys,
            extra: BTreeMap::new(),
        }
    }
}

impl UnknownFields for ResponseGetUpdatedPublicKeys {
    fn collect_unknown_fields(&self, path: &str, out: &mut Vec<String>) {
        collect_extra(&self.extra, path, out);
    }
}

impl WireMessage for ResponseGetUpdatedPublicKeys {
    const WIRE_NAME: &'static str = "ResponseGetUpdatedPublicKeys";
}

impl WireResponse for ResponseGetUpdatedPublicKeys {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{Kind, round_trip, seed};

    #[test]
    fn request_seed_sample_round_trips() {
        let value: RequestGetUpdatedPublicKeys =
            round_trip(&seed::sample(Kind::Request, "RequestGetUpdatedPublicKeys"));
        assert_eq!(
            value.conversation_uuid.as_str(),
            "2A22B9FB-3F79-4839-A3D6-B25B234E76F1"
        );
        value.validate().expect("the seed sample is valid");
    }

    #[test]
    fn response_seed_sample_round_trips() {
        let value: ResponseGetUpdatedPublicKeys = round_trip(&seed::sample(
            Kind::Response,
            "ResponseGetUpdatedPublicKeys",
        ));
        assert_eq!(value.public_keys.len(), 0);
    }
}

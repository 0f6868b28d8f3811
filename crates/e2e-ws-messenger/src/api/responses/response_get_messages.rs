//! `ResponseGetMessages`: a page of messages, shared by three requests.

use crate::api::{WireMessage, WireResponse};
use crate::model::Message;
use crate::model::unknown_fields::{UnknownFields, collect_extra, index};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// `ResponseGetMessages`: a page of messages; answers `RequestGetMessages`,
/// `RequestGetMessagesFromUuid` and `RequestGetMessagesByUuids`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ResponseGetMessages {
    /// The messages.
    #[serde(default)]
    pub messages: Vec<Message>,
    /// Fields this crate does not know, kept so that re-serializing loses nothing.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

impl ResponseGetMessages {
    /// A `ResponseGetMessages` with the given fields.
    pub fn new(messages: Vec<Message>) -> Self {
        Self {
            messages,
            extra: BTreeMap::new(),
        }
    }
}

impl UnknownFields for ResponseGetMessages {
    fn collect_unknown_fields(&self, path: &str, out: &mut Vec<String>) {
        collect_extra(&self.extra, path, out);
        for (i, value) in self.messages.iter().enumerate() {
            value.collect_unknown_fields(&index(path, "messages", i), out);
        }
    }
}

impl WireMessage for ResponseGetMessages {
    const WIRE_NAME: &'static str = "ResponseGetMessages";
}

impl WireResponse for ResponseGetMessages {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{Kind, round_trip, seed};

    #[test]
    fn seed_samples_round_trip() {
        let value: ResponseGetMessages =
            round_trip(&seed::sample(Kind::Response, "ResponseGetMessages"));
        assert_eq!(value.messages.len(), 2);
        assert_eq!(
            value.messages[0].uuid.as_str(),
            "eaa5835e-30ff-498f-9a95-eb8a8ae93564"
        );
        // Every occurrence in the seed (3).
        for sample in seed::samples(Kind::Response, "ResponseGetMessages") {
            round_trip::<ResponseGetMessages>(&sample);
        }
    }
}

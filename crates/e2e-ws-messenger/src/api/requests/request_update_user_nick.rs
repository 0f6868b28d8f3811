//! `RequestUpdateUserNick` → `ResponseStatusMessage`.

use crate::api::{ResponseStatusMessage, WireMessage, WireRequest};
use crate::model::EncryptedEnvelope;
use crate::model::unknown_fields::{UnknownFields, collect_extra};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// `RequestUpdateUserNick` → `ResponseStatusMessage`: change the user's global nick.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct RequestUpdateUserNick {
    /// The new nick, an envelope.
    pub nick: EncryptedEnvelope,
    /// Fields this crate does not know, kept so that re-serializing loses nothing.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

impl RequestUpdateUserNick {
    /// A `RequestUpdateUserNick` with the given fields.
    pub fn new(nick: EncryptedEnvelope) -> Self {
        Self {
            nick,
            extra: BTreeMap::new(),
        }
    }
}

impl UnknownFields for RequestUpdateUserNick {
    fn collect_unknown_fields(&self, path: &str, out: &mut Vec<String>) {
        collect_extra(&self.extra, path, out);
    }
}

impl WireMessage for RequestUpdateUserNick {
    const WIRE_NAME: &'static str = "RequestUpdateUserNick";
}

impl WireRequest for RequestUpdateUserNick {
    type Reply = ResponseStatusMessage;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{Kind, round_trip, seed};

    #[test]
    fn request_seed_sample_round_trips() {
        let value: RequestUpdateUserNick =
            round_trip(&seed::sample(Kind::Request, "RequestUpdateUserNick"));
        assert_eq!(
            value.nick.as_str(),
            "eyJlbmNyeXB0ZWRCb2R5QmFzZTY0IjoiaVZvVFlQQW1zRHUwIiwiaXZCYXNlNjQi..."
        );
        value.validate().expect("the seed sample is valid");
    }
}

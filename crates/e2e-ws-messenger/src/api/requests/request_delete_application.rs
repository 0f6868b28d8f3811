//! `RequestDeleteApplication` → `ResponseStatusMessage`.

use crate::api::{ResponseStatusMessage, WireMessage, WireRequest};
use crate::model::ApplicationId;
use crate::model::unknown_fields::{UnknownFields, collect_extra};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// `RequestDeleteApplication` → `ResponseStatusMessage`: unregister an application (device).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct RequestDeleteApplication {
    /// The application.
    pub uuid: ApplicationId,
    /// Fields this crate does not know, kept so that re-serializing loses nothing.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

impl RequestDeleteApplication {
    /// A `RequestDeleteApplication` with the given fields.
    pub fn new(uuid: ApplicationId) -> Self {
        Self {
            uuid,
            extra: BTreeMap::new(),
        }
    }
}

impl UnknownFields for RequestDeleteApplication {
    fn collect_unknown_fields(&self, path: &str, out: &mut Vec<String>) {
        collect_extra(&self.extra, path, out);
    }
}

impl WireMessage for RequestDeleteApplication {
    const WIRE_NAME: &'static str = "RequestDeleteApplication";
}

impl WireRequest for RequestDeleteApplication {
    type Reply = ResponseStatusMessage;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{Kind, round_trip, seed};

    #[test]
    fn request_seed_sample_round_trips() {
        let value: RequestDeleteApplication =
            round_trip(&seed::sample(Kind::Request, "RequestDeleteApplication"));
        assert_eq!(value.uuid.as_str(), "3b5d2a96-e111-4f8e-84ef-e0ef2c160f73");
        value.validate().expect("the seed sample is valid");
    }
}

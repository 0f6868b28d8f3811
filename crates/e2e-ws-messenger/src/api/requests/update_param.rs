//! `UpdateParam` → `ResponseStatusMessage`.

use crate::api::validate::non_empty;
use crate::api::{ResponseStatusMessage, WireMessage, WireRequest};
use crate::error::Error;
use crate::model::EncryptedEnvelope;
use crate::model::unknown_fields::{UnknownFields, collect_extra};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// `UpdateParam` → `ResponseStatusMessage`: store a user parameter.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct UpdateParam {
    /// The parameter name (`"params"`).
    pub name: String,
    /// The value, an envelope.
    pub value: EncryptedEnvelope,
    /// Fields this crate does not know, kept so that re-serializing loses nothing.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

impl UpdateParam {
    /// A `UpdateParam` with the given fields.
    pub fn new(name: impl Into<String>, value: EncryptedEnvelope) -> Self {
        Self {
            name: name.into(),
            value,
            extra: BTreeMap::new(),
        }
    }
}

impl UnknownFields for UpdateParam {
    fn collect_unknown_fields(&self, path: &str, out: &mut Vec<String>) {
        collect_extra(&self.extra, path, out);
    }
}

impl WireMessage for UpdateParam {
    const WIRE_NAME: &'static str = "UpdateParam";

    fn validate(&self) -> Result<(), Error> {
        non_empty("name", &self.name)
    }
}

impl WireRequest for UpdateParam {
    type Reply = ResponseStatusMessage;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{Kind, round_trip, seed};

    #[test]
    fn request_seed_sample_round_trips() {
        let value: UpdateParam = round_trip(&seed::sample(Kind::Request, "UpdateParam"));
        assert_eq!(value.name, "params");
        assert_eq!(
            value.value.as_str(),
            "eyJlbmNyeXB0ZWRCb2R5QmFzZTY0IjoiNko5YmxNd1NYL0pwbWprWWhtdmxmKzAz..."
        );
        value.validate().expect("the seed sample is valid");
    }
}

//! `AddUserReport` → `ResponseStatusMessage`.

use crate::api::validate::non_empty;
use crate::api::{ResponseStatusMessage, WireMessage, WireRequest};
use crate::error::Error;
use crate::model::UserId;
use crate::model::unknown_fields::{UnknownFields, collect_extra};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// `AddUserReport` → `ResponseStatusMessage`: report a user (the seed's heading has a stray colon; the
/// wire name has none).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct AddUserReport {
    /// Why (`"Spam"`).
    pub reason: String,
    /// The user.
    pub user_id: UserId,
    /// Fields this crate does not know, kept so that re-serializing loses nothing.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

impl AddUserReport {
    /// A `AddUserReport` with the given fields.
    pub fn new(reason: impl Into<String>, user_id: UserId) -> Self {
        Self {
            reason: reason.into(),
            user_id,
            extra: BTreeMap::new(),
        }
    }
}

impl UnknownFields for AddUserReport {
    fn collect_unknown_fields(&self, path: &str, out: &mut Vec<String>) {
        collect_extra(&self.extra, path, out);
    }
}

impl WireMessage for AddUserReport {
    const WIRE_NAME: &'static str = "AddUserReport";

    fn validate(&self) -> Result<(), Error> {
        non_empty("reason", &self.reason)
    }
}

impl WireRequest for AddUserReport {
    type Reply = ResponseStatusMessage;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{Kind, round_trip, seed};

    #[test]
    fn request_seed_sample_round_trips() {
        let value: AddUserReport = round_trip(&seed::sample(Kind::Request, "AddUserReport"));
        assert_eq!(value.reason, "Spam");
        assert_eq!(
            value.user_id.as_str(),
            "we+Z5bF3KlEyQsUGpRbazkzWGje/NcvXTxRcR5b15VA="
        );
        value.validate().expect("the seed sample is valid");
    }
}

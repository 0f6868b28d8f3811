//! `AddBlackList` → `ResponseStatusMessage`.

use crate::api::{ResponseStatusMessage, WireMessage, WireRequest};
use crate::model::UserId;
use crate::model::unknown_fields::{UnknownFields, collect_extra};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// `AddBlackList` → `ResponseStatusMessage`: block a user.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct AddBlackList {
    /// The user to block.
    pub user_id: UserId,
    /// Fields this crate does not know, kept so that re-serializing loses nothing.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

impl AddBlackList {
    /// A `AddBlackList` with the given fields.
    pub fn new(user_id: UserId) -> Self {
        Self {
            user_id,
            extra: BTreeMap::new(),
        }
    }
}

impl UnknownFields for AddBlackList {
    fn collect_unknown_fields(&self, path: &str, out: &mut Vec<String>) {
        collect_extra(&self.extra, path, out);
    }
}

impl WireMessage for AddBlackList {
    const WIRE_NAME: &'static str = "AddBlackList";
}

impl WireRequest for AddBlackList {
    type Reply = ResponseStatusMessage;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{Kind, round_trip, seed};

    #[test]
    fn request_seed_sample_round_trips() {
        let value: AddBlackList = round_trip(&seed::sample(Kind::Request, "AddBlackList"));
        assert_eq!(
            value.user_id.as_str(),
            "upItfdN1OtNK50oxC5YQtGi2E9h1P862YnEVnNUhVA8="
        );
        value.validate().expect("the seed sample is valid");
    }
}

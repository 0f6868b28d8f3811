//! `GetBlackList` → `BlackList`.

use crate::api::{WireMessage, WireRequest, WireResponse};
use crate::model::UserId;
use crate::model::unknown_fields::{UnknownFields, collect_extra};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// `GetBlackList` → `BlackList`: the blocked users.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct GetBlackList {
    /// Whose list; only `null` seen.
    #[serde(default)]
    pub user_id: Option<UserId>,
    /// Fields this crate does not know, kept so that re-serializing loses nothing.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

impl GetBlackList {
    /// An empty `GetBlackList`.
    pub fn new() -> Self {
        Self::default()
    }
}

impl UnknownFields for GetBlackList {
    fn collect_unknown_fields(&self, path: &str, out: &mut Vec<String>) {
        collect_extra(&self.extra, path, out);
    }
}

impl WireMessage for GetBlackList {
    const WIRE_NAME: &'static str = "GetBlackList";
}

impl WireRequest for GetBlackList {
    type Reply = BlackList;
}

/// `BlackList`: the answer to `GetBlackList`. Only `[]` is seen, so the elements are kept as JSON
/// (presumably user ids).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct BlackList {
    /// The blocked users.
    #[serde(default)]
    pub users: Vec<Value>,
    /// Fields this crate does not know, kept so that re-serializing loses nothing.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

impl BlackList {
    /// A `BlackList` with the given fields.
    pub fn new(users: Vec<Value>) -> Self {
        Self {
            users,
            extra: BTreeMap::new(),
        }
    }
}

impl UnknownFields for BlackList {
    fn collect_unknown_fields(&self, path: &str, out: &mut Vec<String>) {
        collect_extra(&self.extra, path, out);
    }
}

impl WireMessage for BlackList {
    const WIRE_NAME: &'static str = "BlackList";
}

impl WireResponse for BlackList {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{Kind, round_trip, seed};

    #[test]
    fn request_seed_sample_round_trips() {
        let value: GetBlackList = round_trip(&seed::sample(Kind::Request, "GetBlackList"));
        assert!(value.user_id.is_none());
        value.validate().expect("the seed sample is valid");
    }

    #[test]
    fn response_seed_sample_round_trips() {
        let value: BlackList = round_trip(&seed::sample(Kind::Response, "BlackList"));
        assert_eq!(value.users.len(), 0);
    }
}

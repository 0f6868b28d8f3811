//! `RequestGetRegisteredUsers` → `ResponseRegisteredUsers`.

use crate::api::{WireMessage, WireRequest, WireResponse};
use crate::model::UserId;
use crate::model::unknown_fields::{UnknownFields, collect_extra};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// `RequestGetRegisteredUsers` → `ResponseRegisteredUsers`: contact discovery by hashed phone numbers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct RequestGetRegisteredUsers {
    /// The user ids to check (duplicates allowed).
    #[serde(default)]
    pub check_user_list: Vec<UserId>,
    /// Fields this crate does not know, kept so that re-serializing loses nothing.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

impl RequestGetRegisteredUsers {
    /// A `RequestGetRegisteredUsers` with the given fields.
    pub fn new(check_user_list: Vec<UserId>) -> Self {
        Self {
            check_user_list,
            extra: BTreeMap::new(),
        }
    }
}

impl UnknownFields for RequestGetRegisteredUsers {
    fn collect_unknown_fields(&self, path: &str, out: &mut Vec<String>) {
        collect_extra(&self.extra, path, out);
    }
}

impl WireMessage for RequestGetRegisteredUsers {
    const WIRE_NAME: &'static str = "RequestGetRegisteredUsers";
}

impl WireRequest for RequestGetRegisteredUsers {
    type Reply = ResponseRegisteredUsers;
}

/// `ResponseRegisteredUsers`: the subset of `checkUserList` that is registered.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ResponseRegisteredUsers {
    /// The registered user ids.
    #[serde(default)]
    pub users: Vec<UserId>,
    /// Fields this crate does not know, kept so that re-serializing loses nothing.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

impl ResponseRegisteredUsers {
    /// A `ResponseRegisteredUsers` with the given fields.
    pub fn new(users: Vec<UserId>) -> Self {
        Self {
            users,
            extra: BTreeMap::new(),
        }
    }
}

impl UnknownFields for ResponseRegisteredUsers {
    fn collect_unknown_fields(&self, path: &str, out: &mut Vec<String>) {
        collect_extra(&self.extra, path, out);
    }
}

impl WireMessage for ResponseRegisteredUsers {
    const WIRE_NAME: &'static str = "ResponseRegisteredUsers";
}

impl WireResponse for ResponseRegisteredUsers {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{Kind, round_trip, seed};

    #[test]
    fn request_seed_sample_round_trips() {
        let value: RequestGetRegisteredUsers =
            round_trip(&seed::sample(Kind::Request, "RequestGetRegisteredUsers"));
        assert_eq!(value.check_user_list.len(), 49);
        assert_eq!(
            value.check_user_list[0].as_str(),
            "1aez3p7q6mB9gekta1qzrZ5lkLZ551kY+n5x7eILUO8="
        );
        value.validate().expect("the seed sample is valid");
    }

    #[test]
    fn response_seed_sample_round_trips() {
        let value: ResponseRegisteredUsers =
            round_trip(&seed::sample(Kind::Response, "ResponseRegisteredUsers"));
        assert_eq!(value.users.len(), 4);
        assert_eq!(
            value.users[0].as_str(),
            "gjSz6SR6CnUTFlx1fI0BVE863u9RlgAH0wTlW8udJQM="
        );
    }
}

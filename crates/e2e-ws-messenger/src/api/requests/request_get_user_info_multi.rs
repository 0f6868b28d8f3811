//! `RequestGetUserInfoMulti` → `ResponseUserInfoMulti`.

use crate::api::validate::non_empty_list;
use crate::api::{WireMessage, WireRequest, WireResponse};
use crate::error::Error;
use crate::model::unknown_fields::{UnknownFields, collect_extra, index};
use crate::model::{User, UserId};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// `RequestGetUserInfoMulti` → `ResponseUserInfoMulti`: several users' records.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct RequestGetUserInfoMulti {
    /// The users.
    #[serde(default)]
    pub user_ids: Vec<UserId>,
    /// Fields this crate does not know, kept so that re-serializing loses nothing.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

impl RequestGetUserInfoMulti {
    /// A `RequestGetUserInfoMulti` with the given fields.
    pub fn new(user_ids: Vec<UserId>) -> Self {
        Self {
            user_ids,
            extra: BTreeMap::new(),
        }
    }
}

impl UnknownFields for RequestGetUserInfoMulti {
    fn collect_unknown_fields(&self, path: &str, out: &mut Vec<String>) {
        collect_extra(&self.extra, path, out);
    }
}

impl WireMessage for RequestGetUserInfoMulti {
    const WIRE_NAME: &'static str = "RequestGetUserInfoMulti";

    fn validate(&self) -> Result<(), Error> {
        non_empty_list("userIds", &self.user_ids)
    }
}

impl WireRequest for RequestGetUserInfoMulti {
    type Reply = ResponseUserInfoMulti;
}

/// `ResponseUserInfoMulti`: the answer to `RequestGetUserInfoMulti`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ResponseUserInfoMulti {
    /// The users.
    #[serde(default)]
    pub users: Vec<User>,
    /// Fields this crate does not know, kept so that re-serializing loses nothing.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

impl ResponseUserInfoMulti {
    /// A `ResponseUserInfoMulti` with the given fields.
    pub fn new(users: Vec<User>) -> Self {
        Self {
            users,
            extra: BTreeMap::new(),
        }
    }
}

impl UnknownFields for ResponseUserInfoMulti {
    fn collect_unknown_fields(&self, path: &str, out: &mut Vec<String>) {
        collect_extra(&self.extra, path, out);
        for (i, value) in self.users.iter().enumerate() {
            value.collect_unknown_fields(&index(path, "users", i), out);
        }
    }
}

impl WireMessage for ResponseUserInfoMulti {
    const WIRE_NAME: &'static str = "ResponseUserInfoMulti";
}

impl WireResponse for ResponseUserInfoMulti {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{Kind, round_trip, seed};

    #[test]
    fn request_seed_sample_round_trips() {
        let value: RequestGetUserInfoMulti =
            round_trip(&seed::sample(Kind::Request, "RequestGetUserInfoMulti"));
        assert_eq!(value.user_ids.len(), 2);
        assert_eq!(
            value.user_ids[0].as_str(),
            "2dCjIfc8/3qVOm5I7CXANeUVxUGBGT1XKd2ZVzOvhGc="
        );
        value.validate().expect("the seed sample is valid");
    }

    #[test]
    fn response_seed_sample_round_trips() {
        let value: ResponseUserInfoMulti =
            round_trip(&seed::sample(Kind::Response, "ResponseUserInfoMulti"));
        assert_eq!(value.users.len(), 2);
        assert_eq!(
            value.users[0].user_id.as_str(),
            "2dCjIfc8/3qVOm5I7CXANeUVxUGBGT1XKd2ZVzOvhGc="
        );
    }
}

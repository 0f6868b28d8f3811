//! `RequestGetUserInfo` → `ResponseUserInfo`.

use crate::api::{WireMessage, WireRequest, WireResponse};
use crate::model::unknown_fields::{UnknownFields, collect_extra, join};
use crate::model::{User, UserId};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// `RequestGetUserInfo` → `ResponseUserInfo`: one user's record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct RequestGetUserInfo {
    /// The user; echoed as `user.userId`.
    pub user_id: UserId,
    /// Fields this crate does not know, kept so that re-serializing loses nothing.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

impl RequestGetUserInfo {
    /// A `RequestGetUserInfo` with the given fields.
    pub fn new(user_id: UserId) -> Self {
        Self {
            user_id,
            extra: BTreeMap::new(),
        }
    }
}

impl UnknownFields for RequestGetUserInfo {
    fn collect_unknown_fields(&self, path: &str, out: &mut Vec<String>) {
        collect_extra(&self.extra, path, out);
    }
}

impl WireMessage for RequestGetUserInfo {
    const WIRE_NAME: &'static str = "RequestGetUserInfo";
}

impl WireRequest for RequestGetUserInfo {
    type Reply = ResponseUserInfo;
}

/// `ResponseUserInfo`: the answer to `RequestGetUserInfo`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ResponseUserInfo {
    /// The user.
    pub user: User,
    /// Fields this crate does not know, kept so that re-serializing loses nothing.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

impl ResponseUserInfo {
    /// A `ResponseUserInfo` with the given fields.
    pub fn new(user: User) -> Self {
        Self {
            user,
            extra: BTreeMap::new(),
        }
    }
}

impl UnknownFields for ResponseUserInfo {
    fn collect_unknown_fields(&self, path: &str, out: &mut Vec<String>) {
        collect_extra(&self.extra, path, out);
        self.user.collect_unknown_fields(&join(path, "user"), out);
    }
}

impl WireMessage for ResponseUserInfo {
    const WIRE_NAME: &'static str = "ResponseUserInfo";
}

impl WireResponse for ResponseUserInfo {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{Kind, round_trip, seed};

    #[test]
    fn request_seed_sample_round_trips() {
        let value: RequestGetUserInfo =
            round_trip(&seed::sample(Kind::Request, "RequestGetUserInfo"));
        assert_eq!(
            value.user_id.as_str(),
            "upItfdN1OtNK50oxC5YQtGi2E9h1P862YnEVnNUhVA8="
        );
        value.validate().expect("the seed sample is valid");
    }

    #[test]
    fn response_seed_sample_round_trips() {
        let value: ResponseUserInfo = round_trip(&seed::sample(Kind::Response, "ResponseUserInfo"));
        assert_eq!(
            value.user.user_id.as_str(),
            "upItfdN1OtNK50oxC5YQtGi2E9h1P862YnEVnNUhVA8="
        );
    }
}

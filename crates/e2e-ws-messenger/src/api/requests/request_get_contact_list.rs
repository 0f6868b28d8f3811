//! `RequestGetContactList` → `ResponseContactList`.

use crate::api::{WireMessage, WireRequest, WireResponse};
use crate::model::unknown_fields::{UnknownFields, collect_extra, index};
use crate::model::{Contact, UserId};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// `RequestGetContactList` → `ResponseContactList`: the user's contact list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct RequestGetContactList {
    /// Whose contact list.
    pub user_id: UserId,
    /// Fields this crate does not know, kept so that re-serializing loses nothing.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

impl RequestGetContactList {
    /// A `RequestGetContactList` with the given fields.
    pub fn new(user_id: UserId) -> Self {
        Self {
            user_id,
            extra: BTreeMap::new(),
        }
    }
}

impl UnknownFields for RequestGetContactList {
    fn collect_unknown_fields(&self, path: &str, out: &mut Vec<String>) {
        collect_extra(&self.extra, path, out);
    }
}

impl WireMessage for RequestGetContactList {
    const WIRE_NAME: &'static str = "RequestGetContactList";
}

impl WireRequest for RequestGetContactList {
    type Reply = ResponseContactList;
}

/// `ResponseContactList`: the answer to `RequestGetContactList`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ResponseContactList {
    /// The contacts.
    #[serde(default)]
    pub users: Vec<Contact>,
    /// Fields this crate does not know, kept so that re-serializing loses nothing.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

impl ResponseContactList {
    /// A `ResponseContactList` with the given fields.
    pub fn new(users: Vec<Contact>) -> Self {
        Self {
            users,
            extra: BTreeMap::new(),
        }
    }
}

impl UnknownFields for ResponseContactList {
    fn collect_unknown_fields(&self, path: &str, out: &mut Vec<String>) {
        collect_extra(&self.extra, path, out);
        for (i, value) in self.users.iter().enumerate() {
            value.collect_unknown_fields(&index(path, "users", i), out);
        }
    }
}

impl WireMessage for ResponseContactList {
    const WIRE_NAME: &'static str = "ResponseContactList";
}

impl WireResponse for ResponseContactList {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{Kind, round_trip, seed};

    #[test]
    fn request_seed_sample_round_trips() {
        let value: RequestGetContactList =
            round_trip(&seed::sample(Kind::Request, "RequestGetContactList"));
        assert_eq!(
            value.user_id.as_str(),
            "/4DZItfW2uZQyMCcxDboGMF0SjJs5sfedl9SXWNaO8Y="
        );
        value.validate().expect("the seed sample is valid");
    }

    #[test]
    fn response_seed_sample_round_trips() {
        let value: ResponseContactList =
            round_trip(&seed::sample(Kind::Response, "ResponseContactList"));
        assert_eq!(value.users.len(), 4);
        assert_eq!(
            value.users[0].contact_id.as_str(),
            "/4DZItfW2uZQyMCcxDboGMF0SjJs5sfedl9SXWNaO8Y="
        );
    }
}

//! `RequestGetMembersList` → `ResponseGetMembersList`.

use crate::api::{WireMessage, WireRequest, WireResponse};
use crate::model::unknown_fields::{UnknownFields, collect_extra};
use crate::model::{ConversationUuid, UserId};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// `RequestGetMembersList` → `ResponseGetMembersList`: the admins and members of a conversation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct RequestGetMembersList {
    /// The conversation.
    pub conversation_uuid: ConversationUuid,
    /// Fields this crate does not know, kept so that re-serializing loses nothing.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

impl RequestGetMembersList {
    /// A `RequestGetMembersList` with the given fields.
    pub fn new(conversation_uuid: ConversationUuid) -> Self {
        Self {
            conversation_uuid,
            extra: BTreeMap::new(),
        }
    }
}

impl UnknownFields for RequestGetMembersList {
    fn collect_unknown_fields(&self, path: &str, out: &mut Vec<String>) {
        collect_extra(&self.extra, path, out);
    }
}

impl WireMessage for RequestGetMembersList {
    const WIRE_NAME: &'static str = "RequestGetMembersList";
}

impl WireRequest for RequestGetMembersList {
    type Reply = ResponseGetMembersList;
}

/// `ResponseGetMembersList`: the answer to `RequestGetMembersList`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ResponseGetMembersList {
    /// The admins.
    #[serde(default)]
    pub admins: Vec<UserId>,
    /// The members who are not admins.
    #[serde(default)]
    pub members: Vec<UserId>,
    /// Fields this crate does not know, kept so that re-serializing loses nothing.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

impl ResponseGetMembersList {
    /// A `ResponseGetMembersList` with the given fields.
    pub fn new(admins: Vec<UserId>, members: Vec<UserId>) -> Self {
        Self {
            admins,
            members,
            extra: BTreeMap::new(),
        }
    }
}

impl UnknownFields for ResponseGetMembersList {
    fn collect_unknown_fields(&self, path: &str, out: &mut Vec<String>) {
        collect_extra(&self.extra, path, out);
    }
}

impl WireMessage for ResponseGetMembersList {
    const WIRE_NAME: &'static str = "ResponseGetMembersList";
}

impl WireResponse for ResponseGetMembersList {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{Kind, round_trip, seed};

    #[test]
    fn request_seed_sample_round_trips() {
        let value: RequestGetMembersList =
            round_trip(&seed::sample(Kind::Request, "RequestGetMembersList"));
        assert_eq!(
            value.conversation_uuid.as_str(),
            "2A22B9FB-3F79-4839-A3D6-B25B234E76F1"
        );
        value.validate().expect("the seed sample is valid");
    }

    #[test]
    fn response_seed_sample_round_trips() {
        let value: ResponseGetMembersList =
            round_trip(&seed::sample(Kind::Response, "ResponseGetMembersList"));
        assert_eq!(value.admins.len(), 1);
        assert_eq!(
            value.admins[0].as_str(),
            "upItfdN1OtNK50oxC5YQtGi2E9h1P862YnEVnNUhVA8="
        );
        assert_eq!(value.members.len(), 1);
        assert_eq!(
            value.members[0].as_str(),
            "/4DZItfW2uZQyMCcxDboGMF0SjJs5sfedl9SXWNaO8Y="
        );
    }
}

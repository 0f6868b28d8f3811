//! `RequestGetApplicationsFull` → `ResponseApplicationsFull`.

use crate::api::{WireMessage, WireRequest, WireResponse};
use crate::model::Application;
use crate::model::unknown_fields::{UnknownFields, collect_extra, index};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// `RequestGetApplicationsFull` → `ResponseApplicationsFull`: the user's registered applications.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct RequestGetApplicationsFull {
    /// True for confirmed applications only.
    pub confirmed: bool,
    /// Fields this crate does not know, kept so that re-serializing loses nothing.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

impl RequestGetApplicationsFull {
    /// A `RequestGetApplicationsFull` with the given fields.
    pub fn new(confirmed: bool) -> Self {
        Self {
            confirmed,
            extra: BTreeMap::new(),
        }
    }
}

impl UnknownFields for RequestGetApplicationsFull {
    fn collect_unknown_fields(&self, path: &str, out: &mut Vec<String>) {
        collect_extra(&self.extra, path, out);
    }
}

impl WireMessage for RequestGetApplicationsFull {
    const WIRE_NAME: &'static str = "RequestGetApplicationsFull";
}

impl WireRequest for RequestGetApplicationsFull {
    type Reply = ResponseApplicationsFull;
}

/// `ResponseApplicationsFull`: the answer to `RequestGetApplicationsFull`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ResponseApplicationsFull {
    /// The applications.
    #[serde(default)]
    pub applications: Vec<Application>,
    /// Fields this crate does not know, kept so that re-serializing loses nothing.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

impl ResponseApplicationsFull {
    /// A `ResponseApplicationsFull` with the given fields.
    pub fn new(applications: Vec<Application>) -> Self {
        Self {
            applications,
            extra: BTreeMap::new(),
        }
    }
}

impl UnknownFields for ResponseApplicationsFull {
    fn collect_unknown_fields(&self, path: &str, out: &mut Vec<String>) {
        collect_extra(&self.extra, path, out);
        for (i, value) in self.applications.iter().enumerate() {
            value.collect_unknown_fields(&index(path, "applications", i), out);
        }
    }
}

impl WireMessage for ResponseApplicationsFull {
    const WIRE_NAME: &'static str = "ResponseApplicationsFull";
}

impl WireResponse for ResponseApplicationsFull {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{Kind, round_trip, seed};

    #[test]
    fn request_seed_sample_round_trips() {
        let value: RequestGetApplicationsFull =
            round_trip(&seed::sample(Kind::Request, "RequestGetApplicationsFull"));
        assert!(value.confirmed);
        value.validate().expect("the seed sample is valid");
    }

    #[test]
    fn response_seed_sample_round_trips() {
        let value: ResponseApplicationsFull =
            round_trip(&seed::sample(Kind::Response, "ResponseApplicationsFull"));
        assert_eq!(value.applications.len(), 3);
        assert_eq!(
            value.applications[0].uuid.as_str(),
            "00872601-aee3-41c0-bf21-5cde7b2c48f9"
        );
    }
}

//! `GetParams` → `Params`.

use crate::api::{WireMessage, WireRequest, WireResponse};
use crate::model::unknown_fields::{UnknownFields, collect_extra, index};
use crate::model::{Param, UserId};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// `GetParams` → `Params`: the user's stored parameters.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct GetParams {
    /// Whose parameters.
    pub user_id: UserId,
    /// Fields this crate does not know, kept so that re-serializing loses nothing.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

impl GetParams {
    /// A `GetParams` with the given fields.
    pub fn new(user_id: UserId) -> Self {
        Self {
            user_id,
            extra: BTreeMap::new(),
        }
    }
}

impl UnknownFields for GetParams {
    fn collect_unknown_fields(&self, path: &str, out: &mut Vec<String>) {
        collect_extra(&self.extra, path, out);
    }
}

impl WireMessage for GetParams {
    const WIRE_NAME: &'static str = "GetParams";
}

impl WireRequest for GetParams {
    type Reply = Params;
}

/// `Params`: the answer to `GetParams`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Params {
    /// The parameters.
    #[serde(default)]
    pub params: Vec<Param>,
    /// Fields this crate does not know, kept so that re-serializing loses nothing.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

impl Params {
    /// A `Params` with the given fields.
    pub fn new(params: Vec<Param>) -> Self {
        Self {
            params,
            extra: BTreeMap::new(),
        }
    }
}

impl UnknownFields for Params {
    fn collect_unknown_fields(&self, path: &str, out: &mut Vec<String>) {
        collect_extra(&self.extra, path, out);
        for (i, value) in self.params.iter().enumerate() {
            value.collect_unknown_fields(&index(path, "params", i), out);
        }
    }
}

impl WireMessage for Params {
    const WIRE_NAME: &'static str = "Params";
}

impl WireResponse for Params {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{Kind, round_trip, seed};

    #[test]
    fn request_seed_sample_round_trips() {
        let value: GetParams = round_trip(&seed::sample(Kind::Request, "GetParams"));
        assert_eq!(
            value.user_id.as_str(),
            "/4DZItfW2uZQyMCcxDboGMF0SjJs5sfedl9SXWNaO8Y="
        );
        value.validate().expect("the seed sample is valid");
    }

    #[test]
    fn response_seed_sample_round_trips() {
        let value: Params = round_trip(&seed::sample(Kind::Response, "Params"));
        assert_eq!(value.params.len(), 1);
        assert_eq!(
            value.params[0].user_id.as_str(),
            "/4DZItfW2uZQyMCcxDboGMF0SjJs5sfedl9SXWNaO8Y="
        );
    }
}

//! `RequestAuthenticationByApplication` → `ResponseStatusMessage`.

use crate::api::{ResponseStatusMessage, WireMessage, WireRequest};
use crate::model::unknown_fields::{UnknownFields, collect_extra};
use crate::model::{ApplicationId, UserId};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// `RequestAuthenticationByApplication` → `ResponseStatusMessage`: log in as a registered application; sent
/// after every connect. The body carries no secret besides the application id (notes §6.4).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct RequestAuthenticationByApplication {
    /// The user.
    pub user_id: UserId,
    /// The registered application.
    pub uuid: ApplicationId,
    /// Fields this crate does not know, kept so that re-serializing loses nothing.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

impl RequestAuthenticationByApplication {
    /// A `RequestAuthenticationByApplication` with the given fields.
    pub fn new(user_id: UserId, uuid: ApplicationId) -> Self {
        Self {
            user_id,
            uuid,
            extra: BTreeMap::new(),
        }
    }
}

impl UnknownFields for RequestAuthenticationByApplication {
    fn collect_unknown_fields(&self, path: &str, out: &mut Vec<String>) {
        collect_extra(&self.extra, path, out);
    }
}

impl WireMessage for RequestAuthenticationByApplication {
    const WIRE_NAME: &'static str = "RequestAuthenticationByApplication";
}

impl WireRequest for RequestAuthenticationByApplication {
    type Reply = ResponseStatusMessage;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{Kind, round_trip, seed};

    #[test]
    fn request_seed_sample_round_trips() {
        let value: RequestAuthenticationByApplication = round_trip(&seed::sample(
            Kind::Request,
            "RequestAuthenticationByApplication",
        ));
        assert_eq!(
            value.user_id.as_str(),
            "/4DZItfW2uZQyMCcxDboGMF0SjJs5sfedl9SXWNaO8Y="
        );
        assert_eq!(value.uuid.as_str(), "db2553bb-3308-4a53-8c32-30dc3b55dece");
        value.validate().expect("the seed sample is valid");
    }
}

//! `GET /v1/subscription/boost/badges` — the badges of the one-time donation levels.

use crate::api::{Operation, OperationInfo, no_account_auth};
use crate::auth::AuthMode;
use crate::model::Badge;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::BTreeMap;
use transport_core::http::{Endpoint, EndpointAuth, Method, RawResponse};

/// `GET /v1/subscription/boost/badges` (`getBoostBadges`) — the badges of the one-time donation
/// levels.
///
/// The spec documents no response; the server sends `GetBoostBadgesResponse`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct GetBoostBadges {}

impl GetBoostBadges {
    /// The request.
    pub fn new() -> Self {
        Self {}
    }
}

/// The answer (`GetBoostBadgesResponse`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct GetBoostBadgesResponse {
    /// Level (as text) → its badge.
    #[serde(default)]
    pub levels: BTreeMap<String, BoostLevel>,
}

/// One one-time donation level.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct BoostLevel {
    /// The badge (with its `duration`).
    #[serde(default)]
    pub badge: Badge,
}

impl Endpoint for GetBoostBadges {
    type Response = GetBoostBadgesResponse;
    const METHOD: Method = Method::GET;

    fn path(&self) -> Cow<'_, str> {
        "/v1/subscription/boost/badges".into()
    }

    fn auth(&self) -> EndpointAuth {
        no_account_auth()
    }

    fn parse(&self, response: RawResponse) -> transport_core::Result<Self::Response> {
        response.json()
    }
}

impl Operation for GetBoostBadges {
    const INFO: OperationInfo = OperationInfo::new(
        "getBoostBadges",
        "Subscriptions",
        Self::METHOD,
        "/v1/subscription/boost/badges",
        AuthMode::None,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::*;

    #[test]
    fn request_and_response() {
        let op = GetBoostBadges::new();
        assert_consistent(&op);
        let r = parse(
            &op,
            200,
            r#"{"levels":{"1":{"badge":{"id":"BOOST","name":"Boost","duration":2592000}}}}"#,
        )
        .unwrap();
        assert_eq!(r.levels["1"].badge.duration, Some(2_592_000));
    }
}

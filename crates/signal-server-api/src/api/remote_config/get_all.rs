//! `GET /v1/config` — the remote configuration (feature flags) for this account.

use crate::api::{Operation, OperationInfo};
use crate::auth::AuthMode;
use crate::model::ServerTime;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use transport_core::http::{Endpoint, Method, RawResponse};

/// `GET /v1/config` (`getAll`) — the remote configuration (feature flags) for this account.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct GetAll {}

impl GetAll {
    /// The request.
    pub fn new() -> Self {
        Self {}
    }
}

/// The spec's `UserRemoteConfigList`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct UserRemoteConfigList {
    /// The flags.
    #[serde(default)]
    pub config: Vec<UserRemoteConfig>,
    /// The server's time. The spec says date-time; servers send epoch seconds. Either decodes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub server_epoch_time: Option<ServerTime>,
}

/// The spec's `UserRemoteConfig`: one flag.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct UserRemoteConfig {
    /// The flag's name (`android.someFeature`).
    #[serde(default)]
    pub name: String,
    /// Whether it is on for this account.
    #[serde(default)]
    pub enabled: bool,
    /// Its value, for valued flags.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
}

impl Endpoint for GetAll {
    type Response = UserRemoteConfigList;
    const METHOD: Method = Method::GET;

    fn path(&self) -> Cow<'_, str> {
        "/v1/config".into()
    }

    fn parse(&self, response: RawResponse) -> transport_core::Result<Self::Response> {
        response.json()
    }
}

impl Operation for GetAll {
    const INFO: OperationInfo = OperationInfo::new(
        "getAll",
        "Remote Config",
        Self::METHOD,
        "/v1/config",
        AuthMode::Basic,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::*;

    #[test]
    fn response_with_epoch_seconds() {
        let op = GetAll::new();
        assert_consistent(&op);
        let r = parse(
            &op,
            200,
            r#"{"config":[{"name":"global.groupsv2.maxGroupSize","enabled":true,"value":"32"},{"name":"x","enabled":false,"value":null}],"serverEpochTime":1712230000}"#,
        )
        .unwrap();
        assert_eq!(r.config[0].value.as_deref(), Some("32"));
        assert!(!r.config[1].enabled);
        assert_eq!(
            r.server_epoch_time.unwrap().as_unix_seconds(),
            Some(1_712_230_000)
        );
    }
}

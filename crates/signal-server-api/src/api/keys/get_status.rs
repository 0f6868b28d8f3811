//! `GET /v2/keys` — how many one-time pre-keys are left for this device.

use crate::api::{Operation, OperationInfo};
use crate::auth::AuthMode;
use crate::model::IdentityType;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use transport_core::http::{Endpoint, Method, RawResponse};

/// `GET /v2/keys` (`getStatus`) — how many one-time pre-keys are left for this device.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct GetStatus {
    /// Which identity (`identity` query parameter, `aci` by default).
    pub identity: IdentityType,
}

impl GetStatus {
    /// Counts for `identity`.
    pub fn new(identity: IdentityType) -> Self {
        Self { identity }
    }
}

/// The spec's `PreKeyCount`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct PreKeyCount {
    /// Stored one-time EC pre-keys.
    #[serde(default)]
    pub count: u32,
    /// Stored one-time Kyber pre-keys.
    #[serde(default)]
    pub pq_count: u32,
}

impl Endpoint for GetStatus {
    type Response = PreKeyCount;
    const METHOD: Method = Method::GET;

    fn path(&self) -> Cow<'_, str> {
        "/v2/keys".into()
    }

    fn query(&self) -> Vec<(Cow<'static, str>, String)> {
        vec![("identity".into(), self.identity.as_query().to_owned())]
    }

    fn parse(&self, response: RawResponse) -> transport_core::Result<Self::Response> {
        response.json()
    }
}

impl Operation for GetStatus {
    const INFO: OperationInfo = OperationInfo::new(
        "getStatus",
        "Keys",
        Self::METHOD,
        "/v2/keys",
        AuthMode::Basic,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::*;

    #[test]
    fn request_and_response() {
        let op = GetStatus::new(IdentityType::Pni);
        assert_consistent(&op);
        assert_eq!(query_string(&op), "identity=pni");
        let r = parse(&op, 200, r#"{"count":50,"pqCount":25}"#).unwrap();
        assert_eq!((r.count, r.pq_count), (50, 25));
    }
}

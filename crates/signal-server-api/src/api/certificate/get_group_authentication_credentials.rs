//! `GET /v1/certificate/auth/group` — group and call-link auth credentials for a range of days.

use crate::api::{Operation, OperationInfo};
use crate::auth::AuthMode;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use transport_core::http::{Endpoint, Method, RawResponse};
use uuid::Uuid;

/// `GET /v1/certificate/auth/group` (`getGroupAuthenticationCredentials`) — group and call-link
/// auth credentials for a range of days.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct GetGroupAuthenticationCredentials {
    /// First day (epoch seconds, day aligned).
    pub redemption_start_seconds: Option<u64>,
    /// Last day (epoch seconds, day aligned).
    pub redemption_end_seconds: Option<u64>,
}

impl GetGroupAuthenticationCredentials {
    /// Credentials for the days from `start` to `end` (epoch seconds, day aligned).
    pub fn new(redemption_start_seconds: u64, redemption_end_seconds: u64) -> Self {
        Self {
            redemption_start_seconds: Some(redemption_start_seconds),
            redemption_end_seconds: Some(redemption_end_seconds),
        }
    }
}

/// The spec's `GroupCredentials`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct GroupCredentials {
    /// Group auth credentials, one per day.
    #[serde(default)]
    pub credentials: Vec<GroupCredential>,
    /// Call-link auth credentials, one per day.
    #[serde(default)]
    pub call_link_auth_credentials: Vec<GroupCredential>,
    /// The account's PNI.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pni: Option<Uuid>,
}

/// The spec's `GroupCredential` (and `CallLinkAuthCredential`, which has the same shape).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct GroupCredential {
    /// The credential (standard base64 on the wire).
    #[serde(default, with = "crate::model::b64::standard")]
    pub credential: Vec<u8>,
    /// The day it is valid for (epoch seconds).
    #[serde(default)]
    pub redemption_time: i64,
}

impl Endpoint for GetGroupAuthenticationCredentials {
    type Response = GroupCredentials;
    const METHOD: Method = Method::GET;

    fn path(&self) -> Cow<'_, str> {
        "/v1/certificate/auth/group".into()
    }

    fn query(&self) -> Vec<(Cow<'static, str>, String)> {
        let mut query = Vec::new();
        if let Some(start) = self.redemption_start_seconds {
            query.push(("redemptionStartSeconds".into(), start.to_string()));
        }
        if let Some(end) = self.redemption_end_seconds {
            query.push(("redemptionEndSeconds".into(), end.to_string()));
        }
        query
    }

    fn parse(&self, response: RawResponse) -> transport_core::Result<Self::Response> {
        response.json()
    }
}

impl Operation for GetGroupAuthenticationCredentials {
    const INFO: OperationInfo = OperationInfo::new(
        "getGroupAuthenticationCredentials",
        "Certificate",
        Self::METHOD,
        "/v1/certificate/auth/group",
        AuthMode::Basic,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::*;

    #[test]
    fn request_and_response() {
        let op = GetGroupAuthenticationCredentials::new(1_712_188_800, 1_712_793_600);
        assert_consistent(&op);
        assert_eq!(
            query_string(&op),
            "redemptionStartSeconds=1712188800&redemptionEndSeconds=1712793600"
        );
        let r = parse(
            &op,
            200,
            r#"{"credentials":[{"credential":"AQ==","redemptionTime":1712188800}],"callLinkAuthCredentials":[{"credential":"Ag==","redemptionTime":1712188800}],"pni":"4f1e8f5a-4e61-4e4a-9a0e-2a1e2d3c4b5a"}"#,
        )
        .unwrap();
        assert_eq!(r.credentials[0].credential, vec![1]);
        assert_eq!(r.call_link_auth_credentials[0].credential, vec![2]);
        assert!(r.pni.is_some());
    }
}

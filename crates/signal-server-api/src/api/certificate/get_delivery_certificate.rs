//! `GET /v1/certificate/delivery` — a sender certificate for sealed sender.

use crate::api::{Operation, OperationInfo};
use crate::auth::AuthMode;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use transport_core::http::{Endpoint, Method, RawResponse};

/// `GET /v1/certificate/delivery` (`getDeliveryCertificate`) — a sender certificate for sealed
/// sender.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct GetDeliveryCertificate {
    /// Include the phone number in the certificate (`includeE164`; the server's default is to
    /// include it).
    pub include_e164: Option<bool>,
}

impl GetDeliveryCertificate {
    /// The request (server default for `includeE164`).
    pub fn new() -> Self {
        Self { include_e164: None }
    }

    /// Sets `includeE164`.
    #[must_use]
    pub fn include_e164(mut self, include: bool) -> Self {
        self.include_e164 = Some(include);
        self
    }
}

/// The spec's `DeliveryCertificate`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct DeliveryCertificate {
    /// The serialized sender certificate (standard base64 on the wire).
    #[serde(default, with = "crate::model::b64::standard")]
    pub certificate: Vec<u8>,
}

impl Endpoint for GetDeliveryCertificate {
    type Response = DeliveryCertificate;
    const METHOD: Method = Method::GET;

    fn path(&self) -> Cow<'_, str> {
        "/v1/certificate/delivery".into()
    }

    fn query(&self) -> Vec<(Cow<'static, str>, String)> {
        self.include_e164
            .map(|v| ("includeE164".into(), v.to_string()))
            .into_iter()
            .collect()
    }

    fn parse(&self, response: RawResponse) -> transport_core::Result<Self::Response> {
        response.json()
    }
}

impl Operation for GetDeliveryCertificate {
    const INFO: OperationInfo = OperationInfo::new(
        "getDeliveryCertificate",
        "Certificate",
        Self::METHOD,
        "/v1/certificate/delivery",
        AuthMode::Basic,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::*;

    #[test]
    fn request_and_response() {
        let op = GetDeliveryCertificate::new();
        assert_consistent(&op);
        assert_eq!(query_string(&op), "");
        assert_eq!(query_string(&op.include_e164(false)), "includeE164=false");
        let r = parse(&op, 200, r#"{"certificate":"CgQIARIA"}"#).unwrap();
        assert_eq!(r.certificate, vec![10, 4, 8, 1, 18, 0]);
    }
}

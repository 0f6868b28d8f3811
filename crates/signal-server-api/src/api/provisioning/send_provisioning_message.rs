//! `PUT /v1/provisioning/{destination}` — sends a provisioning message to a device being linked.

use crate::api::{Operation, OperationInfo};
use crate::auth::AuthMode;
use serde::Serialize;
use std::borrow::Cow;
use transport_core::http::{Body, Endpoint, Method, RawResponse, segment};

/// `PUT /v1/provisioning/{destination}` (`sendProvisioningMessage`) — sends a provisioning message
/// to a device being linked.
///
/// `destination` is the provisioning address the new device showed (in its QR code); the body is
/// the spec's `ProvisioningMessage`, the encrypted provisioning envelope in standard base64.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct SendProvisioningMessage {
    /// The new device's provisioning address.
    pub destination: String,
    /// The encrypted `ProvisionEnvelope`.
    pub body: Vec<u8>,
}

impl SendProvisioningMessage {
    /// Sends `body` to `destination`.
    pub fn new(destination: impl Into<String>, body: impl Into<Vec<u8>>) -> Self {
        Self {
            destination: destination.into(),
            body: body.into(),
        }
    }
}

#[derive(Serialize)]
struct ProvisioningMessage<'a> {
    #[serde(with = "crate::model::b64::standard")]
    body: &'a Vec<u8>,
}

impl Endpoint for SendProvisioningMessage {
    type Response = ();
    const METHOD: Method = Method::PUT;

    fn path(&self) -> Cow<'_, str> {
        format!("/v1/provisioning/{}", segment(&self.destination)).into()
    }

    fn body(&self) -> transport_core::Result<Body> {
        crate::api::validate::not_empty("destination", &self.destination)?;
        Body::json(&ProvisioningMessage { body: &self.body })
    }

    fn parse(&self, response: RawResponse) -> transport_core::Result<Self::Response> {
        response.empty()
    }
}

impl Operation for SendProvisioningMessage {
    const INFO: OperationInfo = OperationInfo::new(
        "sendProvisioningMessage",
        "Provisioning",
        Self::METHOD,
        "/v1/provisioning/{destination}",
        AuthMode::Basic,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::*;

    #[test]
    fn request() {
        let op = SendProvisioningMessage::new("addr/with?odd chars", vec![1, 2]);
        assert_consistent(&op);
        assert_eq!(op.path(), "/v1/provisioning/addr%2Fwith%3Fodd%20chars");
        assert_eq!(body_json(&op), serde_json::json!({"body": "AQI="}));
        parse(&op, 204, "").unwrap();
        assert!(SendProvisioningMessage::new("", vec![]).body().is_err());
    }
}

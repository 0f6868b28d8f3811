//! `POST /v1/profile/identity_check/batch` — which of these identity keys are out of date?

use crate::api::{Operation, OperationInfo, no_account_auth};
use crate::auth::AuthMode;
use crate::model::{Aci, ServiceId};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use transport_core::http::{Body, Endpoint, EndpointAuth, Method, RawResponse};

/// `POST /v1/profile/identity_check/batch` (`runBatchIdentityCheck`) — which of these identity keys
/// are out of date?
///
/// Sends, per contact, the first 4 bytes of the SHA-256 of the identity key the client has (the
/// spec's `BatchIdentityCheckRequest`); the answer lists the contacts whose key differs, with the
/// current fingerprint. Unauthenticated. Read-only, so this `POST` is retried like an idempotent
/// call.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct RunBatchIdentityCheck {
    /// The identities to check (at most 1000).
    pub elements: Vec<IdentityCheckElement>,
}

impl RunBatchIdentityCheck {
    /// Checks `elements`.
    pub fn new(elements: Vec<IdentityCheckElement>) -> Self {
        Self { elements }
    }
}

/// The spec's `Element`: one identity and a key fingerprint.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct IdentityCheckElement {
    /// The identity as a service id (ACI or PNI).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uuid: Option<ServiceId>,
    /// The identity as an ACI (older form).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub aci: Option<Aci>,
    /// In requests the first 4 bytes of SHA-256(identity key); in responses the server's
    /// fingerprint of the current key (base64 on the wire).
    #[serde(default, with = "crate::model::b64::standard")]
    pub fingerprint: Vec<u8>,
}

impl IdentityCheckElement {
    /// Checks `fingerprint` for `uuid`.
    pub fn new(uuid: impl Into<ServiceId>, fingerprint: impl Into<Vec<u8>>) -> Self {
        Self {
            uuid: Some(uuid.into()),
            aci: None,
            fingerprint: fingerprint.into(),
        }
    }
}

/// The spec's `BatchIdentityCheckResponse`: the identities whose key differs.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct BatchIdentityCheckResponse {
    /// Mismatched identities with the current fingerprint.
    #[serde(default)]
    pub elements: Vec<IdentityCheckElement>,
}

impl Endpoint for RunBatchIdentityCheck {
    type Response = BatchIdentityCheckResponse;
    const METHOD: Method = Method::POST;

    fn path(&self) -> Cow<'_, str> {
        "/v1/profile/identity_check/batch".into()
    }

    fn body(&self) -> transport_core::Result<Body> {
        crate::api::validate::len_range("elements", self.elements.len(), 1, 1000)?;
        for (i, e) in self.elements.iter().enumerate() {
            if e.uuid.is_some() == e.aci.is_some() {
                return Err(transport_core::Error::invalid_input(
                    format!("elements[{i}]"),
                    "exactly one of uuid and aci must be set",
                ));
            }
            crate::api::validate::exact_len(
                &format!("elements[{i}].fingerprint"),
                e.fingerprint.len(),
                4,
            )?;
        }
        Body::json(&serde_json::json!({ "elements": self.elements }))
    }

    fn auth(&self) -> EndpointAuth {
        no_account_auth()
    }

    fn idempotent(&self) -> bool {
        true
    }

    fn parse(&self, response: RawResponse) -> transport_core::Result<Self::Response> {
        response.json()
    }
}

impl Operation for RunBatchIdentityCheck {
    const INFO: OperationInfo = OperationInfo::new(
        "runBatchIdentityCheck",
        "Profile",
        Self::METHOD,
        "/v1/profile/identity_check/batch",
        AuthMode::None,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::*;

    #[test]
    fn request_and_response() {
        let id: ServiceId = "9d0652a3-dcc3-4d11-975f-74d61598733f".parse().unwrap();
        let op = RunBatchIdentityCheck::new(vec![IdentityCheckElement::new(id, vec![1, 2, 3, 4])]);
        assert_consistent(&op);
        assert_eq!(
            body_json(&op),
            serde_json::json!({"elements": [{"uuid": "9d0652a3-dcc3-4d11-975f-74d61598733f", "fingerprint": "AQIDBA=="}]})
        );
        assert!(
            RunBatchIdentityCheck::new(vec![IdentityCheckElement::new(id, vec![1])])
                .body()
                .is_err()
        );
        let r = parse(
            &op,
            200,
            r#"{"elements":[{"uuid":"9d0652a3-dcc3-4d11-975f-74d61598733f","fingerprint":"BQYHCA=="}]}"#,
        )
        .unwrap();
        assert_eq!(r.elements[0].fingerprint, vec![5, 6, 7, 8]);
    }
}

//! `POST /v1/call-link/create-auth` — a credential for creating a call link.

use crate::api::{Operation, OperationInfo};
use crate::auth::AuthMode;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use transport_core::http::{Body, Endpoint, Method, RawResponse};

/// `POST /v1/call-link/create-auth` (`getCreateAuth`) — a credential for creating a call link.
///
/// Issues a credential over a truncated timestamp, the (blinded) room id and the account (the
/// spec's `GetCreateCallLinkCredentialsRequest`, content type `*/*`; JSON is sent). Issuing again
/// is harmless, so this `POST` is retried like an idempotent call.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct GetCreateAuth {
    /// The serialized `CreateCallLinkCredentialRequest` (standard base64 on the wire).
    #[serde(with = "crate::model::b64::standard")]
    pub create_call_link_credential_request: Vec<u8>,
}

impl GetCreateAuth {
    /// Requests a credential for `request`.
    pub fn new(create_call_link_credential_request: impl Into<Vec<u8>>) -> Self {
        Self {
            create_call_link_credential_request: create_call_link_credential_request.into(),
        }
    }
}

/// The spec's `CreateCallLinkCredential`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct CreateCallLinkCredential {
    /// The credential (standard base64 on the wire).
    #[serde(default, with = "crate::model::b64::standard")]
    pub credential: Vec<u8>,
    /// When it may be redeemed (epoch seconds).
    #[serde(default)]
    pub redemption_time: i64,
}

impl Endpoint for GetCreateAuth {
    type Response = CreateCallLinkCredential;
    const METHOD: Method = Method::POST;

    fn path(&self) -> Cow<'_, str> {
        "/v1/call-link/create-auth".into()
    }

    fn body(&self) -> transport_core::Result<Body> {
        Body::json(self)
    }

    fn idempotent(&self) -> bool {
        true
    }

    fn parse(&self, response: RawResponse) -> transport_core::Result<Self::Response> {
        response.json()
    }
}

impl Operation for GetCreateAuth {
    const INFO: OperationInfo = OperationInfo::new(
        "getCreateAuth",
        "CallLink",
        Self::METHOD,
        "/v1/call-link/create-auth",
        AuthMode::Basic,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::*;

    #[test]
    fn request_and_response() {
        let op = GetCreateAuth::new(vec![0xff, 0xfe]);
        assert_consistent(&op);
        assert!(op.idempotent());
        assert_eq!(
            body_json(&op),
            serde_json::json!({"createCallLinkCredentialRequest": "//4="})
        );
        let r = parse(
            &op,
            200,
            r#"{"credential":"AQI=","redemptionTime":1712188800}"#,
        )
        .unwrap();
        assert_eq!(r.credential, vec![1, 2]);
        assert_eq!(r.redemption_time, 1_712_188_800);
    }
}

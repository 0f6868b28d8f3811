//! `POST /v1/subscription/{subscriberId}/receipt_credentials` — a receipt credential for the current subscription period.

use crate::api::subscriptions::ReceiptCredentialResponse;
use crate::api::{Operation, OperationInfo, no_account_auth};
use crate::auth::AuthMode;
use crate::model::SubscriberId;
use std::borrow::Cow;
use transport_core::http::{Body, Endpoint, EndpointAuth, Method, RawResponse};

/// `POST /v1/subscription/{subscriberId}/receipt_credentials`
/// (`createSubscriptionReceiptCredentials`) — a receipt credential for the current subscription
/// period.
///
/// The body is the spec's `GetReceiptCredentialsRequest`. Returns `None` on 204 (the payment is
/// still processing); 402 when the payment failed.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct CreateSubscriptionReceiptCredentials {
    /// The subscriber (the only credential of this call).
    pub subscriber_id: SubscriberId,
    /// The serialized `ReceiptCredentialRequest`.
    pub receipt_credential_request: Vec<u8>,
}

impl CreateSubscriptionReceiptCredentials {
    /// A credential for `subscriber_id`.
    pub fn new(
        subscriber_id: SubscriberId,
        receipt_credential_request: impl Into<Vec<u8>>,
    ) -> Self {
        Self {
            subscriber_id,
            receipt_credential_request: receipt_credential_request.into(),
        }
    }
}

impl Endpoint for CreateSubscriptionReceiptCredentials {
    type Response = Option<ReceiptCredentialResponse>;
    const METHOD: Method = Method::POST;

    fn path(&self) -> Cow<'_, str> {
        format!("{}/receipt_credentials", self.subscriber_id.path()).into()
    }

    fn body(&self) -> transport_core::Result<Body> {
        crate::api::validate::len_range(
            "receiptCredentialRequest",
            self.receipt_credential_request.len(),
            1,
            usize::MAX,
        )?;
        Body::json(&serde_json::json!({
            "receiptCredentialRequest": crate::model::b64::encode_standard(&self.receipt_credential_request),
        }))
    }

    fn auth(&self) -> EndpointAuth {
        no_account_auth()
    }

    fn parse(&self, response: RawResponse) -> transport_core::Result<Self::Response> {
        crate::api::json_or_none(response)
    }
}

impl Operation for CreateSubscriptionReceiptCredentials {
    const INFO: OperationInfo = OperationInfo::new(
        "createSubscriptionReceiptCredentials",
        "Subscriptions",
        Self::METHOD,
        "/v1/subscription/{subscriberId}/receipt_credentials",
        AuthMode::SubscriberId,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::*;

    #[test]
    fn request_and_responses() {
        let op = CreateSubscriptionReceiptCredentials::new(
            SubscriberId::from_bytes([0; 32]),
            vec![1, 2, 3],
        );
        assert_consistent(&op);
        assert_eq!(
            op.path(),
            "/v1/subscription/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=/receipt_credentials"
        );
        assert_eq!(
            body_json(&op),
            serde_json::json!({"receiptCredentialRequest": "AQID"})
        );
        assert_eq!(parse(&op, 204, "").unwrap(), None);
        assert_eq!(
            parse(&op, 200, r#"{"receiptCredentialResponse":"BQ=="}"#)
                .unwrap()
                .unwrap()
                .receipt_credential_response,
            vec![5]
        );
    }
}

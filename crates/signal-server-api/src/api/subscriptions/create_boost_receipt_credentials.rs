//! `POST /v1/subscription/boost/receipt_credentials` — a receipt credential for a paid one-time donation.

use crate::api::{Operation, OperationInfo, no_account_auth};
use crate::auth::AuthMode;
use crate::model::SubscriptionProcessor;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use transport_core::http::{Body, Endpoint, EndpointAuth, Method, RawResponse};

/// `POST /v1/subscription/boost/receipt_credentials` (`createBoostReceiptCredentials`) — a receipt
/// credential for a paid one-time donation.
///
/// The body is the spec's `CreateBoostReceiptCredentialsRequest`. Returns `None` on 204 (the
/// payment is still processing; ask again later); 402 when the payment failed (the body names the
/// charge failure).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct CreateBoostReceiptCredentials {
    /// The payment id from the processor.
    pub payment_intent_id: String,
    /// The serialized `ReceiptCredentialRequest` (base64 on the wire).
    #[serde(with = "crate::model::b64::standard")]
    pub receipt_credential_request: Vec<u8>,
    /// Who processed the payment.
    pub processor: SubscriptionProcessor,
}

impl CreateBoostReceiptCredentials {
    /// A credential for payment `payment_intent_id` at `processor`.
    pub fn new(
        payment_intent_id: impl Into<String>,
        receipt_credential_request: impl Into<Vec<u8>>,
        processor: SubscriptionProcessor,
    ) -> Self {
        Self {
            payment_intent_id: payment_intent_id.into(),
            receipt_credential_request: receipt_credential_request.into(),
            processor,
        }
    }
}

/// A receipt credential response (`…ReceiptCredentialsSuccessResponse`; the spec documents
/// none).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ReceiptCredentialResponse {
    /// The serialized `ReceiptCredentialResponse` (base64 on the wire).
    #[serde(default, with = "crate::model::b64::standard")]
    pub receipt_credential_response: Vec<u8>,
}

impl Endpoint for CreateBoostReceiptCredentials {
    type Response = Option<ReceiptCredentialResponse>;
    const METHOD: Method = Method::POST;

    fn path(&self) -> Cow<'_, str> {
        "/v1/subscription/boost/receipt_credentials".into()
    }

    fn body(&self) -> transport_core::Result<Body> {
        crate::api::validate::not_empty("paymentIntentId", &self.payment_intent_id)?;
        Body::json(self)
    }

    fn auth(&self) -> EndpointAuth {
        no_account_auth()
    }

    fn parse(&self, response: RawResponse) -> transport_core::Result<Self::Response> {
        crate::api::json_or_none(response)
    }
}

impl Operation for CreateBoostReceiptCredentials {
    const INFO: OperationInfo = OperationInfo::new(
        "createBoostReceiptCredentials",
        "Subscriptions",
        Self::METHOD,
        "/v1/subscription/boost/receipt_credentials",
        AuthMode::None,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::*;

    #[test]
    fn request_and_responses() {
        let op =
            CreateBoostReceiptCredentials::new("pi_1", vec![1, 2], SubscriptionProcessor::Stripe);
        assert_consistent(&op);
        assert_eq!(
            body_json(&op),
            serde_json::json!({"paymentIntentId": "pi_1", "receiptCredentialRequest": "AQI=", "processor": "STRIPE"})
        );
        assert_eq!(parse(&op, 204, "").unwrap(), None);
        let r = parse(&op, 200, r#"{"receiptCredentialResponse":"AwQ="}"#)
            .unwrap()
            .unwrap();
        assert_eq!(r.receipt_credential_response, vec![3, 4]);
        assert_eq!(
            parse(&op, 402, r#"{"chargeFailure":{"code":"card_declined"}}"#)
                .unwrap_err()
                .status(),
            Some(402)
        );
    }
}

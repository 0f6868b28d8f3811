//! `POST /v1/subscription/{subscriberId}/create_payment_method/paypal` — starts a PayPal billing agreement for a subscription.

use crate::api::{Operation, OperationInfo, no_account_auth};
use crate::auth::AuthMode;
use crate::model::SubscriberId;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use transport_core::Secret;
use transport_core::http::{Body, Endpoint, EndpointAuth, Method, RawResponse};

/// `POST /v1/subscription/{subscriberId}/create_payment_method/paypal`
/// (`createPayPalPaymentMethod`) — starts a PayPal billing agreement for a subscription.
///
/// The body is the spec's `CreatePayPalBillingAgreementRequest`; the answer has the approval URL
/// and the billing agreement token (the spec documents a Java `CompletableFuture`). 409 when the
/// subscriber already uses another processor.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct CreatePayPalPaymentMethod {
    /// The subscriber (the only credential of this call).
    pub subscriber_id: SubscriberId,
    /// Where PayPal returns after approval.
    pub return_url: String,
    /// Where PayPal returns on cancel.
    pub cancel_url: String,
}

impl CreatePayPalPaymentMethod {
    /// A billing agreement for `subscriber_id`.
    pub fn new(
        subscriber_id: SubscriberId,
        return_url: impl Into<String>,
        cancel_url: impl Into<String>,
    ) -> Self {
        Self {
            subscriber_id,
            return_url: return_url.into(),
            cancel_url: cancel_url.into(),
        }
    }
}

/// The answer (`CreatePayPalBillingAgreementResponse`). `Debug` never shows the token.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct CreatePayPalBillingAgreementResponse {
    /// Where the user approves the agreement.
    #[serde(default)]
    pub approval_url: String,
    /// The billing agreement token.
    #[serde(
        default,
        with = "crate::model::secret_string::optional",
        skip_serializing_if = "Option::is_none"
    )]
    pub token: Option<Secret>,
}

impl Endpoint for CreatePayPalPaymentMethod {
    type Response = CreatePayPalBillingAgreementResponse;
    const METHOD: Method = Method::POST;

    fn path(&self) -> Cow<'_, str> {
        format!("{}/create_payment_method/paypal", self.subscriber_id.path()).into()
    }

    fn body(&self) -> transport_core::Result<Body> {
        crate::api::validate::not_empty("returnUrl", &self.return_url)?;
        crate::api::validate::not_empty("cancelUrl", &self.cancel_url)?;
        Body::json(&serde_json::json!({
            "returnUrl": self.return_url,
            "cancelUrl": self.cancel_url,
        }))
    }

    fn auth(&self) -> EndpointAuth {
        no_account_auth()
    }

    fn parse(&self, response: RawResponse) -> transport_core::Result<Self::Response> {
        response.json()
    }
}

impl Operation for CreatePayPalPaymentMethod {
    const INFO: OperationInfo = OperationInfo::new(
        "createPayPalPaymentMethod",
        "Subscriptions",
        Self::METHOD,
        "/v1/subscription/{subscriberId}/create_payment_method/paypal",
        AuthMode::SubscriberId,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::*;

    #[test]
    fn request_and_response() {
        let op = CreatePayPalPaymentMethod::new(
            SubscriberId::from_bytes([0; 32]),
            "https://r",
            "https://c",
        );
        assert_consistent(&op);
        assert_eq!(
            op.path(),
            "/v1/subscription/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=/create_payment_method/paypal"
        );
        assert_eq!(
            body_json(&op),
            serde_json::json!({"returnUrl": "https://r", "cancelUrl": "https://c"})
        );
        let r = parse(
            &op,
            200,
            r#"{"approvalUrl":"https://paypal/a","token":"BA-1"}"#,
        )
        .unwrap();
        assert_eq!(r.token.unwrap().expose(), "BA-1");
        assert!(!format!("{op:?}").contains("AAAA"));
    }
}

//! `POST /v1/subscription/boost/paypal/create` — starts a one-time PayPal donation.

use crate::api::{Operation, OperationInfo, no_account_auth};
use crate::auth::AuthMode;
use crate::model::PaymentMethod;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use transport_core::http::{Body, Endpoint, EndpointAuth, Method, RawResponse};

/// `POST /v1/subscription/boost/paypal/create` (`createPayPalBoost`) — starts a one-time PayPal
/// donation.
///
/// The body is the spec's `CreatePayPalBoostRequest`; the answer has the PayPal approval URL and
/// payment id (the spec documents no response).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct CreatePayPalBoost {
    /// The ISO 4217 currency code (3 letters).
    pub currency: String,
    /// The amount in the currency's minor units (at least 1).
    pub amount: u64,
    /// The donation level (boost by default; the gift level for gifts).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub level: Option<u64>,
    /// How it is paid.
    pub payment_method: PaymentMethod,
    /// Where PayPal returns after approval.
    pub return_url: String,
    /// Where PayPal returns on cancel.
    pub cancel_url: String,
}

impl CreatePayPalBoost {
    /// A PayPal donation of `amount` minor units of `currency`.
    pub fn new(
        currency: impl Into<String>,
        amount: u64,
        return_url: impl Into<String>,
        cancel_url: impl Into<String>,
    ) -> Self {
        Self {
            currency: currency.into(),
            amount,
            level: None,
            payment_method: PaymentMethod::Paypal,
            return_url: return_url.into(),
            cancel_url: cancel_url.into(),
        }
    }
}

/// The answer to a PayPal boost creation (`CreatePayPalBoostResponse`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct CreatePayPalBoostResponse {
    /// Where the user approves the payment.
    #[serde(default)]
    pub approval_url: String,
    /// PayPal's payment id (`PAYID-…`).
    #[serde(default)]
    pub payment_id: String,
}

impl Endpoint for CreatePayPalBoost {
    type Response = CreatePayPalBoostResponse;
    const METHOD: Method = Method::POST;

    fn path(&self) -> Cow<'_, str> {
        "/v1/subscription/boost/paypal/create".into()
    }

    fn body(&self) -> transport_core::Result<Body> {
        crate::api::validate::currency_amount(&self.currency, self.amount)?;
        crate::api::validate::not_empty("returnUrl", &self.return_url)?;
        crate::api::validate::not_empty("cancelUrl", &self.cancel_url)?;
        Body::json(self)
    }

    fn auth(&self) -> EndpointAuth {
        no_account_auth()
    }

    fn parse(&self, response: RawResponse) -> transport_core::Result<Self::Response> {
        response.json()
    }
}

impl Operation for CreatePayPalBoost {
    const INFO: OperationInfo = OperationInfo::new(
        "createPayPalBoost",
        "Subscriptions",
        Self::METHOD,
        "/v1/subscription/boost/paypal/create",
        AuthMode::None,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::*;

    #[test]
    fn request_and_response() {
        let op = CreatePayPalBoost::new("EUR", 300, "https://r", "https://c");
        assert_consistent(&op);
        assert_eq!(
            body_json(&op),
            serde_json::json!({"currency": "EUR", "amount": 300, "paymentMethod": "PAYPAL", "returnUrl": "https://r", "cancelUrl": "https://c"})
        );
        let r = parse(
            &op,
            200,
            r#"{"approvalUrl":"https://paypal/approve","paymentId":"PAYID-1"}"#,
        )
        .unwrap();
        assert_eq!(r.payment_id, "PAYID-1");
    }
}

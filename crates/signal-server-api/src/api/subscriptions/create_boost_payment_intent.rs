//! `POST /v1/subscription/boost/create` — starts a one-time donation (Stripe payment intent).

use crate::api::{Operation, OperationInfo, no_account_auth};
use crate::auth::AuthMode;
use crate::model::PaymentMethod;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use transport_core::Secret;
use transport_core::http::{Body, Endpoint, EndpointAuth, Method, RawResponse};

/// `POST /v1/subscription/boost/create` (`createBoostPaymentIntent`) — starts a one-time donation
/// (Stripe payment intent).
///
/// The body is the spec's `CreateBoostRequest`. The answer carries the payment intent's client
/// secret (the spec documents no response). Unauthenticated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct CreateBoostPaymentIntent {
    /// The ISO 4217 currency code (3 letters).
    pub currency: String,
    /// The amount in the currency's minor units (at least 1).
    pub amount: u64,
    /// The donation level (boost by default; the gift level for gifts).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub level: Option<u64>,
    /// How it is paid.
    pub payment_method: PaymentMethod,
}

impl CreateBoostPaymentIntent {
    /// A donation of `amount` minor units of `currency`, paid by `payment_method`.
    pub fn new(currency: impl Into<String>, amount: u64, payment_method: PaymentMethod) -> Self {
        Self {
            currency: currency.into(),
            amount,
            level: None,
            payment_method,
        }
    }
}

/// The answer to a boost creation (`CreateBoostResponse`). `Debug` never shows the secret.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct CreateBoostResponse {
    /// The Stripe payment intent's client secret.
    #[serde(
        default,
        with = "crate::model::secret_string::optional",
        skip_serializing_if = "Option::is_none"
    )]
    pub client_secret: Option<Secret>,
}

impl Endpoint for CreateBoostPaymentIntent {
    type Response = CreateBoostResponse;
    const METHOD: Method = Method::POST;

    fn path(&self) -> Cow<'_, str> {
        "/v1/subscription/boost/create".into()
    }

    fn body(&self) -> transport_core::Result<Body> {
        crate::api::validate::currency_amount(&self.currency, self.amount)?;
        Body::json(self)
    }

    fn auth(&self) -> EndpointAuth {
        no_account_auth()
    }

    fn parse(&self, response: RawResponse) -> transport_core::Result<Self::Response> {
        response.json()
    }
}

impl Operation for CreateBoostPaymentIntent {
    const INFO: OperationInfo = OperationInfo::new(
        "createBoostPaymentIntent",
        "Subscriptions",
        Self::METHOD,
        "/v1/subscription/boost/create",
        AuthMode::None,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::*;

    #[test]
    fn request_and_response() {
        let op = CreateBoostPaymentIntent::new("USD", 500, PaymentMethod::Card);
        assert_consistent(&op);
        assert_eq!(
            body_json(&op),
            serde_json::json!({"currency": "USD", "amount": 500, "paymentMethod": "CARD"})
        );
        assert!(
            CreateBoostPaymentIntent::new("US", 500, PaymentMethod::Card)
                .body()
                .is_err()
        );
        assert!(
            CreateBoostPaymentIntent::new("USD", 0, PaymentMethod::Card)
                .body()
                .is_err()
        );
        let r = parse(&op, 200, r#"{"clientSecret":"pi_123_secret_456"}"#).unwrap();
        assert_eq!(r.client_secret.unwrap().expose(), "pi_123_secret_456");
        assert_eq!(
            parse(&op, 400, r#"{"error":"unsupported_currency"}"#)
                .unwrap_err()
                .status(),
            Some(400)
        );
    }
}

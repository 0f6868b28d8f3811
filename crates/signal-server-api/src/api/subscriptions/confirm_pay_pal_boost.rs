//! `POST /v1/subscription/boost/paypal/confirm` — captures an approved one-time PayPal donation.

use crate::api::{Operation, OperationInfo, no_account_auth};
use crate::auth::AuthMode;
use crate::model::PaymentMethod;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use transport_core::Secret;
use transport_core::http::{Body, Endpoint, EndpointAuth, Method, RawResponse};

/// `POST /v1/subscription/boost/paypal/confirm` (`confirmPayPalBoost`) — captures an approved one-
/// time PayPal donation.
///
/// The body is the spec's `ConfirmPayPalBoostRequest`; the answer has the captured payment id (the
/// spec documents no response). `Debug` never shows the PayPal tokens.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ConfirmPayPalBoost {
    /// The ISO 4217 currency code (3 letters).
    pub currency: String,
    /// The amount in the currency's minor units (at least 1).
    pub amount: u64,
    /// The donation level (boost by default; the gift level for gifts).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub level: Option<u64>,
    /// How it is paid.
    pub payment_method: PaymentMethod,
    /// PayPal's payer id.
    #[serde(with = "crate::model::secret_string::required")]
    pub payer_id: Secret,
    /// PayPal's payment id (`PAYID-…`).
    pub payment_id: String,
    /// PayPal's payment token (`EC-…`).
    #[serde(with = "crate::model::secret_string::required")]
    pub payment_token: Secret,
}

impl ConfirmPayPalBoost {
    /// Confirms the PayPal payment `payment_id` of `amount` minor units of `currency`.
    pub fn new(
        currency: impl Into<String>,
        amount: u64,
        payer_id: impl Into<Secret>,
        payment_id: impl Into<String>,
        payment_token: impl Into<Secret>,
    ) -> Self {
        Self {
            currency: currency.into(),
            amount,
            level: None,
            payment_method: PaymentMethod::Paypal,
            payer_id: payer_id.into(),
            payment_id: payment_id.into(),
            payment_token: payment_token.into(),
        }
    }
}

/// The answer to a PayPal confirmation (`ConfirmPayPalBoostResponse`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ConfirmPayPalBoostResponse {
    /// The captured payment's id.
    #[serde(default)]
    pub payment_id: String,
}

impl Endpoint for ConfirmPayPalBoost {
    type Response = ConfirmPayPalBoostResponse;
    const METHOD: Method = Method::POST;

    fn path(&self) -> Cow<'_, str> {
        "/v1/subscription/boost/paypal/confirm".into()
    }

    fn body(&self) -> transport_core::Result<Body> {
        crate::api::validate::currency_amount(&self.currency, self.amount)?;
        crate::api::validate::not_empty("paymentId", &self.payment_id)?;
        Body::json(self)
    }

    fn auth(&self) -> EndpointAuth {
        no_account_auth()
    }

    fn parse(&self, response: RawResponse) -> transport_core::Result<Self::Response> {
        response.json()
    }
}

impl Operation for ConfirmPayPalBoost {
    const INFO: OperationInfo = OperationInfo::new(
        "confirmPayPalBoost",
        "Subscriptions",
        Self::METHOD,
        "/v1/subscription/boost/paypal/confirm",
        AuthMode::None,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::*;

    #[test]
    fn request_and_response() {
        let mut op = ConfirmPayPalBoost::new("EUR", 300, "payer-1", "PAYID-1", "EC-1");
        op.level = Some(1);
        assert_consistent(&op);
        assert_eq!(
            body_json(&op),
            serde_json::json!({"currency": "EUR", "amount": 300, "level": 1, "paymentMethod": "PAYPAL",
                "payerId": "payer-1", "paymentId": "PAYID-1", "paymentToken": "EC-1"})
        );
        assert!(!format!("{op:?}").contains("EC-1"));
        assert_eq!(
            parse(&op, 200, r#"{"paymentId":"CAPTURE-1"}"#)
                .unwrap()
                .payment_id,
            "CAPTURE-1"
        );
    }
}

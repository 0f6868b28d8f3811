//! `POST /v1/subscription/{subscriberId}/create_payment_method` — starts adding a payment method (Stripe setup intent).

use crate::api::{Operation, OperationInfo, no_account_auth};
use crate::auth::AuthMode;
use crate::model::SubscriberId;
use crate::model::{PaymentMethod, SubscriptionProcessor};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use transport_core::Secret;
use transport_core::http::{Endpoint, EndpointAuth, Method, RawResponse};

/// `POST /v1/subscription/{subscriberId}/create_payment_method` (`createPaymentMethod`) — starts
/// adding a payment method (Stripe setup intent).
///
/// The answer has the setup intent's client secret and the processor (the spec documents a Java
/// `CompletableFuture`). `type` is the payment method (`CARD` by default). 409 when the subscriber
/// already uses another processor.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct CreatePaymentMethod {
    /// The subscriber (the only credential of this call).
    pub subscriber_id: SubscriberId,
    /// The `type` query parameter.
    pub payment_method: Option<PaymentMethod>,
}

impl CreatePaymentMethod {
    /// A payment method for `subscriber_id` (server default type).
    pub fn new(subscriber_id: SubscriberId) -> Self {
        Self {
            subscriber_id,
            payment_method: None,
        }
    }
}

/// The answer (`CreatePaymentMethodResponse`). `Debug` never shows the secret.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct CreatePaymentMethodResponse {
    /// The setup intent's client secret.
    #[serde(
        default,
        with = "crate::model::secret_string::optional",
        skip_serializing_if = "Option::is_none"
    )]
    pub client_secret: Option<Secret>,
    /// The processor handling the payment method.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub processor: Option<SubscriptionProcessor>,
}

impl Endpoint for CreatePaymentMethod {
    type Response = CreatePaymentMethodResponse;
    const METHOD: Method = Method::POST;

    fn path(&self) -> Cow<'_, str> {
        format!("{}/create_payment_method", self.subscriber_id.path()).into()
    }

    fn query(&self) -> Vec<(Cow<'static, str>, String)> {
        self.payment_method
            .as_ref()
            .map(|m| ("type".into(), m.as_str().to_owned()))
            .into_iter()
            .collect()
    }

    fn auth(&self) -> EndpointAuth {
        no_account_auth()
    }

    fn parse(&self, response: RawResponse) -> transport_core::Result<Self::Response> {
        response.json()
    }
}

impl Operation for CreatePaymentMethod {
    const INFO: OperationInfo = OperationInfo::new(
        "createPaymentMethod",
        "Subscriptions",
        Self::METHOD,
        "/v1/subscription/{subscriberId}/create_payment_method",
        AuthMode::SubscriberId,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::*;

    #[test]
    fn request_and_response() {
        let mut op = CreatePaymentMethod::new(SubscriberId::from_bytes([0; 32]));
        assert_consistent(&op);
        assert_eq!(
            op.path(),
            "/v1/subscription/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=/create_payment_method"
        );
        assert_eq!(query_string(&op), "");
        op.payment_method = Some(PaymentMethod::SepaDebit);
        assert_eq!(query_string(&op), "type=SEPA_DEBIT");
        let r = parse(
            &op,
            200,
            r#"{"clientSecret":"seti_1_secret","processor":"STRIPE"}"#,
        )
        .unwrap();
        assert_eq!(r.processor, Some(SubscriptionProcessor::Stripe));
        assert_eq!(parse(&op, 409, "").unwrap_err().status(), Some(409));
    }
}

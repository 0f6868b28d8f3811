//! `POST /v1/subscription/{subscriberId}/default_payment_method/{processor}/{paymentMethodToken}` — makes a payment method of a processor the default.

use crate::api::{Operation, OperationInfo, no_account_auth};
use crate::auth::AuthMode;
use crate::model::SubscriberId;
use crate::model::SubscriptionProcessor;
use std::borrow::Cow;
use transport_core::Secret;
use transport_core::http::{Endpoint, EndpointAuth, Method, RawResponse, segment};

/// `POST /v1/subscription/{subscriberId}/default_payment_method/{processor}/{paymentMethodToken}`
/// (`setDefaultPaymentMethodWithProcessor`) — makes a payment method of a processor the default.
///
/// Setting the same default again changes nothing, so this `POST` is retried like an idempotent
/// call. `Debug` never shows the token.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct SetDefaultPaymentMethodWithProcessor {
    /// The subscriber (the only credential of this call).
    pub subscriber_id: SubscriberId,
    /// The processor.
    pub processor: SubscriptionProcessor,
    /// The processor's payment method token.
    pub payment_method_token: Secret,
}

impl SetDefaultPaymentMethodWithProcessor {
    /// Makes `payment_method_token` at `processor` the default of `subscriber_id`.
    pub fn new(
        subscriber_id: SubscriberId,
        processor: SubscriptionProcessor,
        payment_method_token: impl Into<Secret>,
    ) -> Self {
        Self {
            subscriber_id,
            processor,
            payment_method_token: payment_method_token.into(),
        }
    }
}

impl Endpoint for SetDefaultPaymentMethodWithProcessor {
    type Response = ();
    const METHOD: Method = Method::POST;

    fn path(&self) -> Cow<'_, str> {
        format!(
            "{}/default_payment_method/{}/{}",
            self.subscriber_id.path(),
            segment(self.processor.as_str()),
            segment(self.payment_method_token.expose())
        )
        .into()
    }

    fn auth(&self) -> EndpointAuth {
        no_account_auth()
    }

    fn idempotent(&self) -> bool {
        true
    }

    fn parse(&self, response: RawResponse) -> transport_core::Result<Self::Response> {
        response.empty()
    }
}

impl Operation for SetDefaultPaymentMethodWithProcessor {
    const INFO: OperationInfo = OperationInfo::new(
        "setDefaultPaymentMethodWithProcessor",
        "Subscriptions",
        Self::METHOD,
        "/v1/subscription/{subscriberId}/default_payment_method/{processor}/{paymentMethodToken}",
        AuthMode::SubscriberId,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::*;

    #[test]
    fn request() {
        let op = SetDefaultPaymentMethodWithProcessor::new(
            SubscriberId::from_bytes([0; 32]),
            SubscriptionProcessor::Braintree,
            "tok 1",
        );
        assert_consistent(&op);
        assert!(op.idempotent());
        assert_eq!(
            op.path(),
            "/v1/subscription/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=/default_payment_method/BRAINTREE/tok%201"
        );
        assert!(has_no_body(&op));
        parse(&op, 200, "").unwrap();
        assert_eq!(parse(&op, 409, "").unwrap_err().status(), Some(409));
    }
}

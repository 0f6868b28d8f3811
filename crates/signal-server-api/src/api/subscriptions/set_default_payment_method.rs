//! `POST /v1/subscription/{subscriberId}/default_payment_method/{paymentMethodId}` — makes a Stripe payment method the default (legacy form).

use crate::api::{Operation, OperationInfo, no_account_auth};
use crate::auth::AuthMode;
use crate::model::SubscriberId;
use std::borrow::Cow;
use transport_core::http::{Endpoint, EndpointAuth, Method, RawResponse, segment};

/// `POST /v1/subscription/{subscriberId}/default_payment_method/{paymentMethodId}`
/// (`setDefaultPaymentMethod`) — makes a Stripe payment method the default (legacy form).
///
/// Setting the same default again changes nothing, so this `POST` is retried like an idempotent
/// call.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct SetDefaultPaymentMethod {
    /// The subscriber (the only credential of this call).
    pub subscriber_id: SubscriberId,
    /// The Stripe payment method id.
    pub payment_method_id: String,
}

impl SetDefaultPaymentMethod {
    /// Makes `payment_method_id` the default of `subscriber_id`.
    pub fn new(subscriber_id: SubscriberId, payment_method_id: impl Into<String>) -> Self {
        Self {
            subscriber_id,
            payment_method_id: payment_method_id.into(),
        }
    }
}

impl Endpoint for SetDefaultPaymentMethod {
    type Response = ();
    const METHOD: Method = Method::POST;

    fn path(&self) -> Cow<'_, str> {
        format!(
            "{}/default_payment_method/{}",
            self.subscriber_id.path(),
            segment(&self.payment_method_id)
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

impl Operation for SetDefaultPaymentMethod {
    const INFO: OperationInfo = OperationInfo::new(
        "setDefaultPaymentMethod",
        "Subscriptions",
        Self::METHOD,
        "/v1/subscription/{subscriberId}/default_payment_method/{paymentMethodId}",
        AuthMode::SubscriberId,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::*;

    #[test]
    fn request() {
        let op = SetDefaultPaymentMethod::new(SubscriberId::from_bytes([0; 32]), "pm_1");
        assert_consistent(&op);
        assert!(op.idempotent());
        assert_eq!(
            op.path(),
            "/v1/subscription/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=/default_payment_method/pm_1"
        );
        assert!(has_no_body(&op));
        parse(&op, 200, "").unwrap();
        assert_eq!(parse(&op, 409, "").unwrap_err().status(), Some(409));
    }
}

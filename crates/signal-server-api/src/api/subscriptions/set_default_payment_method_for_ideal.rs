//! `POST /v1/subscription/{subscriberId}/default_payment_method_for_ideal/{setupIntentId}` — makes the iDEAL payment method from a setup intent the default.

use crate::api::{Operation, OperationInfo, no_account_auth};
use crate::auth::AuthMode;
use crate::model::SubscriberId;
use std::borrow::Cow;
use transport_core::http::{Endpoint, EndpointAuth, Method, RawResponse, segment};

/// `POST /v1/subscription/{subscriberId}/default_payment_method_for_ideal/{setupIntentId}`
/// (`setDefaultPaymentMethodForIdeal`) — makes the iDEAL payment method from a setup intent the
/// default.
///
/// Setting the same default again changes nothing, so this `POST` is retried like an idempotent
/// call.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct SetDefaultPaymentMethodForIdeal {
    /// The subscriber (the only credential of this call).
    pub subscriber_id: SubscriberId,
    /// The Stripe setup intent id.
    pub setup_intent_id: String,
}

impl SetDefaultPaymentMethodForIdeal {
    /// Uses the payment method of `setup_intent_id` for `subscriber_id`.
    pub fn new(subscriber_id: SubscriberId, setup_intent_id: impl Into<String>) -> Self {
        Self {
            subscriber_id,
            setup_intent_id: setup_intent_id.into(),
        }
    }
}

impl Endpoint for SetDefaultPaymentMethodForIdeal {
    type Response = ();
    const METHOD: Method = Method::POST;

    fn path(&self) -> Cow<'_, str> {
        format!(
            "{}/default_payment_method_for_ideal/{}",
            self.subscriber_id.path(),
            segment(&self.setup_intent_id)
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

impl Operation for SetDefaultPaymentMethodForIdeal {
    const INFO: OperationInfo = OperationInfo::new(
        "setDefaultPaymentMethodForIdeal",
        "Subscriptions",
        Self::METHOD,
        "/v1/subscription/{subscriberId}/default_payment_method_for_ideal/{setupIntentId}",
        AuthMode::SubscriberId,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::*;

    #[test]
    fn request() {
        let op = SetDefaultPaymentMethodForIdeal::new(SubscriberId::from_bytes([0; 32]), "seti_1");
        assert_consistent(&op);
        assert!(op.idempotent());
        assert_eq!(
            op.path(),
            "/v1/subscription/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=/default_payment_method_for_ideal/seti_1"
        );
        assert!(has_no_body(&op));
        parse(&op, 200, "").unwrap();
        assert_eq!(parse(&op, 409, "").unwrap_err().status(), Some(409));
    }
}

//! `GET /v1/subscription/{subscriberId}` — the subscriber's current subscription.

use crate::api::{Operation, OperationInfo, no_account_auth};
use crate::auth::AuthMode;
use crate::model::SubscriberId;
use crate::model::{PaymentMethod, ServerTime, SubscriptionProcessor};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use transport_core::http::{Endpoint, EndpointAuth, Method, RawResponse};

/// `GET /v1/subscription/{subscriberId}` (`getSubscriptionInformation`) — the subscriber's current
/// subscription.
///
/// The spec documents no response; the server sends `GetSubscriptionInformationResponse`
/// (`subscription` absent when there is none). Instants are epoch seconds ([`ServerTime`]).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct GetSubscriptionInformation {
    /// The subscriber (the only credential of this call).
    pub subscriber_id: SubscriberId,
}

impl GetSubscriptionInformation {
    /// The subscription of `subscriber_id`.
    pub fn new(subscriber_id: SubscriberId) -> Self {
        Self { subscriber_id }
    }
}

/// The answer (`GetSubscriptionInformationResponse`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct GetSubscriptionInformationResponse {
    /// The subscription, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subscription: Option<Subscription>,
    /// Why the last charge failed, if it did.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub charge_failure: Option<ChargeFailure>,
}

/// A subscription.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Subscription {
    /// The subscription level.
    #[serde(default)]
    pub level: u64,
    /// When billing cycles start.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub billing_cycle_anchor: Option<ServerTime>,
    /// When the current period ends.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_of_current_period: Option<ServerTime>,
    /// Whether it is active.
    #[serde(default)]
    pub active: bool,
    /// Whether it ends with the current period.
    #[serde(default)]
    pub cancel_at_period_end: bool,
    /// The currency.
    #[serde(default)]
    pub currency: String,
    /// The amount per period (a JSON number, kept exactly).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<serde_json::Number>,
    /// The processor's status (`active`, `past_due`, …).
    #[serde(default)]
    pub status: String,
    /// The processor.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub processor: Option<SubscriptionProcessor>,
    /// The payment method.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payment_method: Option<PaymentMethod>,
    /// Whether a payment is being processed.
    #[serde(default)]
    pub payment_processing: bool,
}

/// Why a charge failed (`ChargeFailure`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ChargeFailure {
    /// The processor's failure code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// The processor's message.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// The network status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome_network_status: Option<String>,
    /// The outcome reason.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome_reason: Option<String>,
    /// The outcome type.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome_type: Option<String>,
}

impl Endpoint for GetSubscriptionInformation {
    type Response = GetSubscriptionInformationResponse;
    const METHOD: Method = Method::GET;

    fn path(&self) -> Cow<'_, str> {
        self.subscriber_id.path().into()
    }

    fn auth(&self) -> EndpointAuth {
        no_account_auth()
    }

    fn parse(&self, response: RawResponse) -> transport_core::Result<Self::Response> {
        response.json()
    }
}

impl Operation for GetSubscriptionInformation {
    const INFO: OperationInfo = OperationInfo::new(
        "getSubscriptionInformation",
        "Subscriptions",
        Self::METHOD,
        "/v1/subscription/{subscriberId}",
        AuthMode::SubscriberId,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::*;

    #[test]
    fn request_and_response() {
        let op = GetSubscriptionInformation::new(SubscriberId::from_bytes([0; 32]));
        assert_consistent(&op);
        assert_eq!(
            op.path(),
            "/v1/subscription/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="
        );
        let r = parse(
            &op,
            200,
            r#"{"subscription":{"level":500,"billingCycleAnchor":1712188800.000000000,"endOfCurrentPeriod":1714780800,
                "active":true,"cancelAtPeriodEnd":false,"currency":"usd","amount":4.99,"status":"active",
                "processor":"STRIPE","paymentMethod":"CARD","paymentProcessing":false},
                "chargeFailure":{"code":"insufficient_funds"}}"#,
        )
        .unwrap();
        let s = r.subscription.unwrap();
        assert_eq!(s.level, 500);
        assert_eq!(
            s.billing_cycle_anchor.unwrap().as_unix_seconds(),
            Some(1_712_188_800)
        );
        assert_eq!(s.amount.unwrap().to_string(), "4.99");
        assert_eq!(
            r.charge_failure.unwrap().code.as_deref(),
            Some("insufficient_funds")
        );
        let none = parse(&op, 200, r#"{"subscription":null}"#).unwrap();
        assert_eq!(none.subscription, None);
    }
}

//! `PUT /v1/subscription/{subscriberId}/level/{level}/{currency}/{idempotencyKey}` — starts or changes the subscription level.

use crate::api::{Operation, OperationInfo, no_account_auth};
use crate::auth::AuthMode;
use crate::model::SubscriberId;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use transport_core::http::{Endpoint, EndpointAuth, HeaderMap, Method, RawResponse, segment};

/// `PUT /v1/subscription/{subscriberId}/level/{level}/{currency}/{idempotencyKey}`
/// (`setSubscriptionLevel`) — starts or changes the subscription level.
///
/// The idempotency key makes repeats safe. The answer echoes the level (the spec documents a Java
/// `CompletableFuture`). 400 with a list of errors for an unsupported level or currency, or when
/// the payment needs an action; 409 when no payment method was added first.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct SetSubscriptionLevel {
    /// The subscriber (the only credential of this call).
    pub subscriber_id: SubscriberId,
    /// The level.
    pub level: u64,
    /// The currency code.
    pub currency: String,
    /// A key unique to this change.
    pub idempotency_key: String,
}

impl SetSubscriptionLevel {
    /// Subscribes `subscriber_id` to `level` in `currency`.
    pub fn new(
        subscriber_id: SubscriberId,
        level: u64,
        currency: impl Into<String>,
        idempotency_key: impl Into<String>,
    ) -> Self {
        Self {
            subscriber_id,
            level,
            currency: currency.into(),
            idempotency_key: idempotency_key.into(),
        }
    }
}

/// The answer (`SetSubscriptionLevelSuccessResponse`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct SetSubscriptionLevelResponse {
    /// The level now subscribed.
    #[serde(default)]
    pub level: u64,
}

impl Endpoint for SetSubscriptionLevel {
    type Response = SetSubscriptionLevelResponse;
    const METHOD: Method = Method::PUT;

    fn path(&self) -> Cow<'_, str> {
        format!(
            "{}/level/{}/{}/{}",
            self.subscriber_id.path(),
            self.level,
            segment(&self.currency),
            segment(&self.idempotency_key)
        )
        .into()
    }

    fn headers(&self) -> transport_core::Result<HeaderMap> {
        crate::api::validate::not_empty("currency", &self.currency)?;
        crate::api::validate::not_empty("idempotencyKey", &self.idempotency_key)?;
        Ok(HeaderMap::new())
    }

    fn auth(&self) -> EndpointAuth {
        no_account_auth()
    }

    fn parse(&self, response: RawResponse) -> transport_core::Result<Self::Response> {
        response.json()
    }
}

impl Operation for SetSubscriptionLevel {
    const INFO: OperationInfo = OperationInfo::new(
        "setSubscriptionLevel",
        "Subscriptions",
        Self::METHOD,
        "/v1/subscription/{subscriberId}/level/{level}/{currency}/{idempotencyKey}",
        AuthMode::SubscriberId,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::*;

    #[test]
    fn request_and_response() {
        let op = SetSubscriptionLevel::new(SubscriberId::from_bytes([0; 32]), 500, "usd", "idem-1");
        assert_consistent(&op);
        assert_eq!(
            op.path(),
            "/v1/subscription/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=/level/500/usd/idem-1"
        );
        assert_eq!(parse(&op, 200, r#"{"level":500}"#).unwrap().level, 500);
        assert!(
            SetSubscriptionLevel::new(SubscriberId::from_bytes([0; 32]), 500, "", "k")
                .headers()
                .is_err()
        );
    }
}

//! `DELETE /v1/subscription/{subscriberId}` — cancels all subscriptions of the subscriber.

use crate::api::{Operation, OperationInfo, no_account_auth};
use crate::auth::AuthMode;
use crate::model::SubscriberId;
use std::borrow::Cow;
use transport_core::http::{Endpoint, EndpointAuth, Method, RawResponse};

/// `DELETE /v1/subscription/{subscriberId}` (`deleteSubscriber`) — cancels all subscriptions of the
/// subscriber.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct DeleteSubscriber {
    /// The subscriber (the only credential of this call).
    pub subscriber_id: SubscriberId,
}

impl DeleteSubscriber {
    /// Cancels `subscriber_id`'s subscriptions.
    pub fn new(subscriber_id: SubscriberId) -> Self {
        Self { subscriber_id }
    }
}

impl Endpoint for DeleteSubscriber {
    type Response = ();
    const METHOD: Method = Method::DELETE;

    fn path(&self) -> Cow<'_, str> {
        self.subscriber_id.path().into()
    }

    fn auth(&self) -> EndpointAuth {
        no_account_auth()
    }

    fn parse(&self, response: RawResponse) -> transport_core::Result<Self::Response> {
        response.empty()
    }
}

impl Operation for DeleteSubscriber {
    const INFO: OperationInfo = OperationInfo::new(
        "deleteSubscriber",
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
    fn request() {
        let op = DeleteSubscriber::new(SubscriberId::from_bytes([0; 32]));
        assert_consistent(&op);
        assert_eq!(
            op.path(),
            "/v1/subscription/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="
        );
        parse(&op, 200, "").unwrap();
        assert_eq!(parse(&op, 404, "").unwrap_err().status(), Some(404));
    }
}

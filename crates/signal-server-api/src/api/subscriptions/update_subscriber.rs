//! `PUT /v1/subscription/{subscriberId}` — creates the subscriber, or marks it as still in use.

use crate::api::{Operation, OperationInfo, no_account_auth};
use crate::auth::AuthMode;
use crate::model::SubscriberId;
use std::borrow::Cow;
use transport_core::http::{Endpoint, EndpointAuth, Method, RawResponse};

/// `PUT /v1/subscription/{subscriberId}` (`updateSubscriber`) — creates the subscriber, or marks it
/// as still in use.
///
/// 403 when the id exists with another secret.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct UpdateSubscriber {
    /// The subscriber (the only credential of this call).
    pub subscriber_id: SubscriberId,
}

impl UpdateSubscriber {
    /// Creates or refreshes `subscriber_id`.
    pub fn new(subscriber_id: SubscriberId) -> Self {
        Self { subscriber_id }
    }
}

impl Endpoint for UpdateSubscriber {
    type Response = ();
    const METHOD: Method = Method::PUT;

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

impl Operation for UpdateSubscriber {
    const INFO: OperationInfo = OperationInfo::new(
        "updateSubscriber",
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
        let op = UpdateSubscriber::new(SubscriberId::from_bytes([0; 32]));
        assert_consistent(&op);
        assert_eq!(
            op.path(),
            "/v1/subscription/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="
        );
        assert!(has_no_body(&op));
        parse(&op, 200, "").unwrap();
        assert_eq!(parse(&op, 403, "").unwrap_err().status(), Some(403));
    }
}

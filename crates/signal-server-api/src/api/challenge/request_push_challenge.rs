//! `POST /v1/challenge/push` — asks for a push challenge on the primary device.

use crate::api::{Operation, OperationInfo};
use crate::auth::AuthMode;
use std::borrow::Cow;
use transport_core::http::{Endpoint, Method, RawResponse};

/// `POST /v1/challenge/push` (`requestPushChallenge`) — asks for a push challenge on the primary
/// device.
///
/// The push payload carries a token to send back with `PUT /v1/challenge`. 404 when the primary
/// device has no push token; rate-limited with 413 or 429.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct RequestPushChallenge {}

impl RequestPushChallenge {
    /// The request.
    pub fn new() -> Self {
        Self {}
    }
}

impl Endpoint for RequestPushChallenge {
    type Response = ();
    const METHOD: Method = Method::POST;

    fn path(&self) -> Cow<'_, str> {
        "/v1/challenge/push".into()
    }

    fn parse(&self, response: RawResponse) -> transport_core::Result<Self::Response> {
        response.empty()
    }
}

impl Operation for RequestPushChallenge {
    const INFO: OperationInfo = OperationInfo::new(
        "requestPushChallenge",
        "Challenge",
        Self::METHOD,
        "/v1/challenge/push",
        AuthMode::Basic,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::*;

    #[test]
    fn request_and_response() {
        let op = RequestPushChallenge::new();
        assert_consistent(&op);
        assert!(has_no_body(&op));
        assert!(!op.idempotent());
        parse(&op, 200, "").unwrap();
        assert_eq!(parse(&op, 404, "").unwrap_err().status(), Some(404));
    }
}

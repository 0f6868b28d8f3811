//! `DELETE /v1/accounts/apn` — removes the primary device's APNs push token.

use crate::api::{Operation, OperationInfo};
use crate::auth::AuthMode;
use std::borrow::Cow;
use transport_core::http::{Endpoint, Method, RawResponse};

/// `DELETE /v1/accounts/apn` (`deleteApnRegistrationId`) — removes the primary device's APNs push token.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct DeleteApnRegistrationId {}

impl DeleteApnRegistrationId {
    /// The request.
    pub fn new() -> Self {
        Self {}
    }
}

impl Endpoint for DeleteApnRegistrationId {
    type Response = ();
    const METHOD: Method = Method::DELETE;

    fn path(&self) -> Cow<'_, str> {
        "/v1/accounts/apn".into()
    }

    fn parse(&self, response: RawResponse) -> transport_core::Result<Self::Response> {
        response.empty()
    }
}

impl Operation for DeleteApnRegistrationId {
    const INFO: OperationInfo = OperationInfo::new(
        "deleteApnRegistrationId",
        "Account",
        Self::METHOD,
        "/v1/accounts/apn",
        AuthMode::Basic,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::*;

    #[test]
    fn request() {
        let op = DeleteApnRegistrationId::new();
        assert_consistent(&op);
        assert_eq!(op.path(), "/v1/accounts/apn");
        assert!(has_no_body(&op));
    }

    #[test]
    fn response() {
        let op = DeleteApnRegistrationId::new();
        parse(&op, 204, "").unwrap();
        parse(&op, 200, "").unwrap();
        assert_eq!(parse(&op, 401, "").unwrap_err().status(), Some(401));
    }
}

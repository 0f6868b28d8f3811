//! `DELETE /v1/accounts/gcm` — removes the primary device's FCM push token.

use crate::api::{Operation, OperationInfo};
use crate::auth::AuthMode;
use std::borrow::Cow;
use transport_core::http::{Endpoint, Method, RawResponse};

/// `DELETE /v1/accounts/gcm` (`deleteGcmRegistrationId`) — removes the primary device's FCM push token.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct DeleteGcmRegistrationId {}

impl DeleteGcmRegistrationId {
    /// The request.
    pub fn new() -> Self {
        Self {}
    }
}

impl Endpoint for DeleteGcmRegistrationId {
    type Response = ();
    const METHOD: Method = Method::DELETE;

    fn path(&self) -> Cow<'_, str> {
        "/v1/accounts/gcm".into()
    }

    fn parse(&self, response: RawResponse) -> transport_core::Result<Self::Response> {
        response.empty()
    }
}

impl Operation for DeleteGcmRegistrationId {
    const INFO: OperationInfo = OperationInfo::new(
        "deleteGcmRegistrationId",
        "Account",
        Self::METHOD,
        "/v1/accounts/gcm",
        AuthMode::Basic,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::*;

    #[test]
    fn request() {
        let op = DeleteGcmRegistrationId::new();
        assert_consistent(&op);
        assert_eq!(op.path(), "/v1/accounts/gcm");
        assert!(has_no_body(&op));
    }

    #[test]
    fn response() {
        let op = DeleteGcmRegistrationId::new();
        parse(&op, 204, "").unwrap();
        parse(&op, 200, "").unwrap();
        assert_eq!(parse(&op, 401, "").unwrap_err().status(), Some(401));
    }
}

//! `PUT /v1/accounts/apn` — sets the primary device's APNs push token.

use crate::api::{Operation, OperationInfo};
use crate::auth::AuthMode;
use crate::model::ApnRegistrationId;
use std::borrow::Cow;
use transport_core::http::{Body, Endpoint, Method, RawResponse};

/// `PUT /v1/accounts/apn` (`setApnRegistrationId`) — sets the primary device's APNs push token.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct SetApnRegistrationId {
    /// The token.
    pub token: ApnRegistrationId,
}

impl SetApnRegistrationId {
    /// Sets `token`.
    pub fn new(token: ApnRegistrationId) -> Self {
        Self { token }
    }
}

impl Endpoint for SetApnRegistrationId {
    type Response = ();
    const METHOD: Method = Method::PUT;

    fn path(&self) -> Cow<'_, str> {
        "/v1/accounts/apn".into()
    }

    fn body(&self) -> transport_core::Result<Body> {
        Body::json(&self.token)
    }

    fn parse(&self, response: RawResponse) -> transport_core::Result<Self::Response> {
        response.empty()
    }
}

impl Operation for SetApnRegistrationId {
    const INFO: OperationInfo = OperationInfo::new(
        "setApnRegistrationId",
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
        let op = SetApnRegistrationId::new(ApnRegistrationId::new("apn-1"));
        assert_consistent(&op);
        assert_eq!(op.path(), "/v1/accounts/apn");
        assert_eq!(
            body_json(&op),
            serde_json::json!({"apnRegistrationId": "apn-1"})
        );
    }

    #[test]
    fn response() {
        let op = SetApnRegistrationId::new(ApnRegistrationId::new("apn-1"));
        parse(&op, 204, "").unwrap();
        parse(&op, 200, "").unwrap();
        assert_eq!(parse(&op, 401, "").unwrap_err().status(), Some(401));
    }
}

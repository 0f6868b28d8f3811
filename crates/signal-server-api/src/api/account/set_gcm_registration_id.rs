//! `PUT /v1/accounts/gcm` — sets the primary device's FCM push token.

use crate::api::{Operation, OperationInfo};
use crate::auth::AuthMode;
use crate::model::GcmRegistrationId;
use std::borrow::Cow;
use transport_core::http::{Body, Endpoint, Method, RawResponse};

/// `PUT /v1/accounts/gcm` (`setGcmRegistrationId`) — sets the primary device's FCM push token.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct SetGcmRegistrationId {
    /// The token.
    pub token: GcmRegistrationId,
}

impl SetGcmRegistrationId {
    /// Sets `token`.
    pub fn new(token: GcmRegistrationId) -> Self {
        Self { token }
    }
}

impl Endpoint for SetGcmRegistrationId {
    type Response = ();
    const METHOD: Method = Method::PUT;

    fn path(&self) -> Cow<'_, str> {
        "/v1/accounts/gcm".into()
    }

    fn body(&self) -> transport_core::Result<Body> {
        Body::json(&self.token)
    }

    fn parse(&self, response: RawResponse) -> transport_core::Result<Self::Response> {
        response.empty()
    }
}

impl Operation for SetGcmRegistrationId {
    const INFO: OperationInfo = OperationInfo::new(
        "setGcmRegistrationId",
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
        let op = SetGcmRegistrationId::new(GcmRegistrationId::new("fcm-1"));
        assert_consistent(&op);
        assert_eq!(op.path(), "/v1/accounts/gcm");
        assert_eq!(
            body_json(&op),
            serde_json::json!({"gcmRegistrationId": "fcm-1"})
        );
    }

    #[test]
    fn response() {
        let op = SetGcmRegistrationId::new(GcmRegistrationId::new("fcm-1"));
        parse(&op, 204, "").unwrap();
        parse(&op, 200, "").unwrap();
        assert_eq!(parse(&op, 401, "").unwrap_err().status(), Some(401));
    }
}

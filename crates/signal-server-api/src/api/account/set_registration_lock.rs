//! `PUT /v1/accounts/registration_lock` — set the registration lock.

use crate::api::{Operation, OperationInfo, validate};
use crate::auth::AuthMode;
use serde::Serialize;
use std::borrow::Cow;
use transport_core::Secret;
use transport_core::http::{Body, Endpoint, Method, RawResponse};

/// `PUT /v1/accounts/registration_lock` (`setRegistrationLock`) — sets the registration lock
/// token (64 hex characters, derived from the SVR master key). The body is the spec's
/// `RegistrationLock`; its content type is `*/*` in the spec, JSON is sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct SetRegistrationLock {
    /// The registration lock token.
    #[serde(with = "crate::model::secret_string::required")]
    pub registration_lock: Secret,
}

impl SetRegistrationLock {
    /// Sets `registration_lock`.
    pub fn new(registration_lock: impl Into<Secret>) -> Self {
        Self {
            registration_lock: registration_lock.into(),
        }
    }
}

impl Endpoint for SetRegistrationLock {
    type Response = ();
    const METHOD: Method = Method::PUT;

    fn path(&self) -> Cow<'_, str> {
        "/v1/accounts/registration_lock".into()
    }

    fn body(&self) -> transport_core::Result<Body> {
        validate::registration_lock("registrationLock", &self.registration_lock)?;
        Body::json(self)
    }

    fn parse(&self, response: RawResponse) -> transport_core::Result<Self::Response> {
        response.empty()
    }
}

impl Operation for SetRegistrationLock {
    const INFO: OperationInfo = OperationInfo::new(
        "setRegistrationLock",
        "Account",
        Self::METHOD,
        "/v1/accounts/registration_lock",
        AuthMode::Basic,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::*;

    #[test]
    fn request() {
        let op = SetRegistrationLock::new("0f".repeat(32));
        assert_consistent(&op);
        assert_eq!(
            body_json(&op),
            serde_json::json!({"registrationLock": "0f".repeat(32)})
        );
        assert!(!format!("{op:?}").contains("0f0f"));
        assert!(SetRegistrationLock::new("short").body().is_err());
        parse(&op, 204, "").unwrap();
    }
}

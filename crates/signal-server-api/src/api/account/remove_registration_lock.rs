//! `DELETE /v1/accounts/registration_lock` — removes the registration lock.

use crate::api::{Operation, OperationInfo};
use crate::auth::AuthMode;
use std::borrow::Cow;
use transport_core::http::{Endpoint, Method, RawResponse};

/// `DELETE /v1/accounts/registration_lock` (`removeRegistrationLock`) — removes the registration lock.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct RemoveRegistrationLock {}

impl RemoveRegistrationLock {
    /// The request.
    pub fn new() -> Self {
        Self {}
    }
}

impl Endpoint for RemoveRegistrationLock {
    type Response = ();
    const METHOD: Method = Method::DELETE;

    fn path(&self) -> Cow<'_, str> {
        "/v1/accounts/registration_lock".into()
    }

    fn parse(&self, response: RawResponse) -> transport_core::Result<Self::Response> {
        response.empty()
    }
}

impl Operation for RemoveRegistrationLock {
    const INFO: OperationInfo = OperationInfo::new(
        "removeRegistrationLock",
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
        let op = RemoveRegistrationLock::new();
        assert_consistent(&op);
        assert_eq!(op.path(), "/v1/accounts/registration_lock");
        assert!(has_no_body(&op));
    }

    #[test]
    fn response() {
        let op = RemoveRegistrationLock::new();
        parse(&op, 204, "").unwrap();
        parse(&op, 200, "").unwrap();
        assert_eq!(parse(&op, 401, "").unwrap_err().status(), Some(401));
    }
}

//! `DELETE /v1/accounts/me` — deletes the account (irreversibly).

use crate::api::{Operation, OperationInfo};
use crate::auth::AuthMode;
use std::borrow::Cow;
use transport_core::http::{Endpoint, Method, RawResponse};

/// `DELETE /v1/accounts/me` (`deleteAccount`) — deletes the account (irreversibly).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct DeleteAccount {}

impl DeleteAccount {
    /// The request.
    pub fn new() -> Self {
        Self {}
    }
}

impl Endpoint for DeleteAccount {
    type Response = ();
    const METHOD: Method = Method::DELETE;

    fn path(&self) -> Cow<'_, str> {
        "/v1/accounts/me".into()
    }

    fn parse(&self, response: RawResponse) -> transport_core::Result<Self::Response> {
        response.empty()
    }
}

impl Operation for DeleteAccount {
    const INFO: OperationInfo = OperationInfo::new(
        "deleteAccount",
        "Account",
        Self::METHOD,
        "/v1/accounts/me",
        AuthMode::Basic,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::*;

    #[test]
    fn request() {
        let op = DeleteAccount::new();
        assert_consistent(&op);
        assert_eq!(op.path(), "/v1/accounts/me");
        assert!(has_no_body(&op));
    }

    #[test]
    fn response() {
        let op = DeleteAccount::new();
        parse(&op, 204, "").unwrap();
        parse(&op, 200, "").unwrap();
        assert_eq!(parse(&op, 401, "").unwrap_err().status(), Some(401));
    }
}

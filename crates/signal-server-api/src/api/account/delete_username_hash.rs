//! `DELETE /v1/accounts/username_hash` — deletes the account's username (204).

use crate::api::{Operation, OperationInfo};
use crate::auth::AuthMode;
use std::borrow::Cow;
use transport_core::http::{Endpoint, Method, RawResponse};

/// `DELETE /v1/accounts/username_hash` (`deleteUsernameHash`) — deletes the account's username (204).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct DeleteUsernameHash {}

impl DeleteUsernameHash {
    /// The request.
    pub fn new() -> Self {
        Self {}
    }
}

impl Endpoint for DeleteUsernameHash {
    type Response = ();
    const METHOD: Method = Method::DELETE;

    fn path(&self) -> Cow<'_, str> {
        "/v1/accounts/username_hash".into()
    }

    fn parse(&self, response: RawResponse) -> transport_core::Result<Self::Response> {
        response.empty()
    }
}

impl Operation for DeleteUsernameHash {
    const INFO: OperationInfo = OperationInfo::new(
        "deleteUsernameHash",
        "Account",
        Self::METHOD,
        "/v1/accounts/username_hash",
        AuthMode::Basic,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::*;

    #[test]
    fn request() {
        let op = DeleteUsernameHash::new();
        assert_consistent(&op);
        assert_eq!(op.path(), "/v1/accounts/username_hash");
        assert!(has_no_body(&op));
    }

    #[test]
    fn response() {
        let op = DeleteUsernameHash::new();
        parse(&op, 204, "").unwrap();
        parse(&op, 200, "").unwrap();
        assert_eq!(parse(&op, 401, "").unwrap_err().status(), Some(401));
    }
}

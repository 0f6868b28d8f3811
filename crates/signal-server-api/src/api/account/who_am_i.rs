//! `GET /v1/accounts/whoami` — the authenticated account's identifiers.

use crate::api::{Operation, OperationInfo};
use crate::auth::AuthMode;
use crate::model::AccountIdentityResponse;
use std::borrow::Cow;
use transport_core::http::{Endpoint, Method, RawResponse};

/// `GET /v1/accounts/whoami` (`whoAmI`) — the authenticated account's identifiers.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct WhoAmI {}

impl WhoAmI {
    /// The request.
    pub fn new() -> Self {
        Self {}
    }
}

impl Endpoint for WhoAmI {
    type Response = AccountIdentityResponse;
    const METHOD: Method = Method::GET;

    fn path(&self) -> Cow<'_, str> {
        "/v1/accounts/whoami".into()
    }

    fn parse(&self, response: RawResponse) -> transport_core::Result<Self::Response> {
        response.json()
    }
}

impl Operation for WhoAmI {
    const INFO: OperationInfo = OperationInfo::new(
        "whoAmI",
        "Account",
        Self::METHOD,
        "/v1/accounts/whoami",
        AuthMode::Basic,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::*;

    #[test]
    fn request() {
        let op = WhoAmI::new();
        assert_consistent(&op);
        assert_eq!(op.path(), "/v1/accounts/whoami");
        assert!(has_no_body(&op));
    }

    #[test]
    fn response() {
        let op = WhoAmI::new();
        let r = parse(
            &op,
            200,
            r#"{"uuid":"9d0652a3-dcc3-4d11-975f-74d61598733f","number":"+14155550100","pni":"4f1e8f5a-4e61-4e4a-9a0e-2a1e2d3c4b5a","usernameHash":null,"storageCapable":true}"#,
        )
        .unwrap();
        assert_eq!(r.uuid.to_string(), "9d0652a3-dcc3-4d11-975f-74d61598733f");
        assert_eq!(r.number, "+14155550100");
        assert!(r.pni.is_some() && r.storage_capable);
        assert_eq!(parse(&op, 401, "").unwrap_err().status(), Some(401));
    }
}

//! `GET /v2/directory/auth` — credentials for contact discovery (CDSI).

use crate::api::{Operation, OperationInfo};
use crate::auth::AuthMode;
use crate::model::ExternalServiceCredentials;
use std::borrow::Cow;
use transport_core::http::{Endpoint, Method, RawResponse};

/// `GET /v2/directory/auth` (`getAuthToken`) — credentials for contact discovery (CDSI).
///
/// The spec documents no response schema; the server sends `ExternalServiceCredentials`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct GetAuthToken {}

impl GetAuthToken {
    /// The request.
    pub fn new() -> Self {
        Self {}
    }
}

impl Endpoint for GetAuthToken {
    type Response = ExternalServiceCredentials;
    const METHOD: Method = Method::GET;

    fn path(&self) -> Cow<'_, str> {
        "/v2/directory/auth".into()
    }

    fn parse(&self, response: RawResponse) -> transport_core::Result<Self::Response> {
        response.json()
    }
}

impl Operation for GetAuthToken {
    const INFO: OperationInfo = OperationInfo::new(
        "getAuthToken",
        "Directory",
        Self::METHOD,
        "/v2/directory/auth",
        AuthMode::Basic,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::*;

    #[test]
    fn request_and_response() {
        let op = GetAuthToken::new();
        assert_consistent(&op);
        assert!(has_no_body(&op));
        let r = parse(
            &op,
            200,
            r#"{"username":"user-1","password":"1712230000:pw"}"#,
        )
        .unwrap();
        assert_eq!(r.username, "user-1");
        assert_eq!(r.password.unwrap().expose(), "1712230000:pw");
        assert_eq!(parse(&op, 401, "").unwrap_err().status(), Some(401));
    }
}

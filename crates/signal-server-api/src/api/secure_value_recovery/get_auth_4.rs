//! `GET /v3/backup/auth` — credentials for SVR3.

use crate::api::{Operation, OperationInfo};
use crate::auth::AuthMode;
use crate::model::ExternalServiceCredentials;
use std::borrow::Cow;
use transport_core::http::{Endpoint, Method, RawResponse};

/// `GET /v3/backup/auth` (`getAuth_4`) — credentials for SVR3.
///
/// Generated credentials expire after 30 days (the server controls the TTL).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct GetAuth4 {}

impl GetAuth4 {
    /// The request.
    pub fn new() -> Self {
        Self {}
    }
}

impl Endpoint for GetAuth4 {
    type Response = ExternalServiceCredentials;
    const METHOD: Method = Method::GET;

    fn path(&self) -> Cow<'_, str> {
        "/v3/backup/auth".into()
    }

    fn parse(&self, response: RawResponse) -> transport_core::Result<Self::Response> {
        response.json()
    }
}

impl Operation for GetAuth4 {
    const INFO: OperationInfo = OperationInfo::new(
        "getAuth_4",
        "Secure Value Recovery",
        Self::METHOD,
        "/v3/backup/auth",
        AuthMode::Basic,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::*;

    #[test]
    fn request_and_response() {
        let op = GetAuth4::new();
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

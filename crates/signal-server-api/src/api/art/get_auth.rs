//! `GET /v1/art/auth` — credentials for the sticker-art service.

use crate::api::{Operation, OperationInfo};
use crate::auth::AuthMode;
use crate::model::ExternalServiceCredentials;
use std::borrow::Cow;
use transport_core::http::{Endpoint, Method, RawResponse};

/// `GET /v1/art/auth` (`getAuth`) — credentials for the sticker-art service.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct GetAuth {}

impl GetAuth {
    /// The request.
    pub fn new() -> Self {
        Self {}
    }
}

impl Endpoint for GetAuth {
    type Response = ExternalServiceCredentials;
    const METHOD: Method = Method::GET;

    fn path(&self) -> Cow<'_, str> {
        "/v1/art/auth".into()
    }

    fn parse(&self, response: RawResponse) -> transport_core::Result<Self::Response> {
        response.json()
    }
}

impl Operation for GetAuth {
    const INFO: OperationInfo = OperationInfo::new(
        "getAuth",
        "Art",
        Self::METHOD,
        "/v1/art/auth",
        AuthMode::Basic,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::*;

    #[test]
    fn request_and_response() {
        let op = GetAuth::new();
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

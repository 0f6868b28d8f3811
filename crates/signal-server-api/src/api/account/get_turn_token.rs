//! `GET /v1/accounts/turn` — TURN credentials for calls.

use crate::api::{Operation, OperationInfo};
use crate::auth::AuthMode;
use crate::model::TurnToken;
use std::borrow::Cow;
use transport_core::http::{Endpoint, Method, RawResponse};

/// `GET /v1/accounts/turn` (`getTurnToken`) — TURN credentials for calls.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct GetTurnToken {}

impl GetTurnToken {
    /// The request.
    pub fn new() -> Self {
        Self {}
    }
}

impl Endpoint for GetTurnToken {
    type Response = TurnToken;
    const METHOD: Method = Method::GET;

    fn path(&self) -> Cow<'_, str> {
        "/v1/accounts/turn".into()
    }

    fn parse(&self, response: RawResponse) -> transport_core::Result<Self::Response> {
        response.json()
    }
}

impl Operation for GetTurnToken {
    const INFO: OperationInfo = OperationInfo::new(
        "getTurnToken",
        "Account",
        Self::METHOD,
        "/v1/accounts/turn",
        AuthMode::Basic,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::*;

    #[test]
    fn request() {
        let op = GetTurnToken::new();
        assert_consistent(&op);
        assert_eq!(op.path(), "/v1/accounts/turn");
        assert!(has_no_body(&op));
    }

    #[test]
    fn response() {
        let op = GetTurnToken::new();
        let r = parse(
            &op,
            200,
            r#"{"username":"1700000000:u","password":"pw","urls":["turn:turn.example:80"]}"#,
        )
        .unwrap();
        assert_eq!(r.username, "1700000000:u");
        assert_eq!(r.urls.len(), 1);
        assert_eq!(parse(&op, 401, "").unwrap_err().status(), Some(401));
    }
}

//! `POST /v2/backup/auth/check` — which stored SVR2 credentials are current?

use crate::api::{Operation, OperationInfo, no_account_auth};
use crate::auth::AuthMode;
use crate::model::{AuthCheckRequest, AuthCheckResponse};
use std::borrow::Cow;
use transport_core::http::{Body, Endpoint, EndpointAuth, Method, RawResponse};

/// `POST /v2/backup/auth/check` (`authCheck`) — which stored SVR2 credentials are current?
///
/// Given stored SVR2 credentials (`username:password`, at most 10) and the number, answers for each
/// whether it matches the account (`match`, `no-match`, `invalid`). Read-only, so this `POST` is
/// retried like an idempotent call.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct AuthCheck {
    /// The number and the credentials to check.
    pub request: AuthCheckRequest,
}

impl AuthCheck {
    /// Checks `request`.
    pub fn new(request: AuthCheckRequest) -> Self {
        Self { request }
    }
}

impl Endpoint for AuthCheck {
    type Response = AuthCheckResponse;
    const METHOD: Method = Method::POST;

    fn path(&self) -> Cow<'_, str> {
        "/v2/backup/auth/check".into()
    }

    fn body(&self) -> transport_core::Result<Body> {
        self.request.validate()?;
        Body::json(&self.request)
    }

    fn auth(&self) -> EndpointAuth {
        no_account_auth()
    }

    fn idempotent(&self) -> bool {
        true
    }

    fn parse(&self, response: RawResponse) -> transport_core::Result<Self::Response> {
        response.json()
    }
}

impl Operation for AuthCheck {
    const INFO: OperationInfo = OperationInfo::new(
        "authCheck",
        "Secure Value Recovery",
        Self::METHOD,
        "/v2/backup/auth/check",
        AuthMode::None,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::*;

    use crate::model::AuthCheckResult;
    use transport_core::Secret;

    #[test]
    fn request_and_response() {
        let op = AuthCheck::new(AuthCheckRequest::new(
            "+14155550100",
            vec![Secret::new("u1:p1"), Secret::new("u2:p2")],
        ));
        assert_consistent(&op);
        assert_eq!(
            body_json(&op),
            serde_json::json!({"number": "+14155550100", "passwords": ["u1:p1", "u2:p2"]})
        );
        let r = parse(
            &op,
            200,
            r#"{"matches":{"u1:p1":"match","u2:p2":"no-match"}}"#,
        )
        .unwrap();
        assert_eq!(r.matches["u1:p1"], AuthCheckResult::Match);
        assert_eq!(r.matches["u2:p2"], AuthCheckResult::NoMatch);
        assert_eq!(parse(&op, 422, "").unwrap_err().status(), Some(422));
    }
}

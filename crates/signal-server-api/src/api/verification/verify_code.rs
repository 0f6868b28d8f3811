//! `PUT /v1/verification/session/{sessionId}/code` — submits the received verification code.

use crate::api::{Operation, OperationInfo, no_account_auth};
use crate::auth::AuthMode;
use crate::model::VerificationSessionResponse;
use serde::Serialize;
use std::borrow::Cow;
use transport_core::Secret;
use transport_core::http::{Body, Endpoint, EndpointAuth, Method, RawResponse, segment};

/// `PUT /v1/verification/session/{sessionId}/code` (`verifyCode`) — submits the received
/// verification code.
///
/// The body is the spec's `SubmitVerificationCodeRequest`. On success the session is `verified` and
/// can be used to register. A wrong code is answered with the session, not verified.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct VerifyCode {
    /// The session id.
    #[serde(skip)]
    pub session_id: String,
    /// The code from the SMS or call.
    #[serde(with = "crate::model::secret_string::required")]
    pub code: Secret,
}

impl VerifyCode {
    /// Submits `code` for `session_id`.
    pub fn new(session_id: impl Into<String>, code: impl Into<Secret>) -> Self {
        Self {
            session_id: session_id.into(),
            code: code.into(),
        }
    }
}

impl Endpoint for VerifyCode {
    type Response = VerificationSessionResponse;
    const METHOD: Method = Method::PUT;

    fn path(&self) -> Cow<'_, str> {
        format!(
            "/v1/verification/session/{}/code",
            segment(&self.session_id)
        )
        .into()
    }

    fn body(&self) -> transport_core::Result<Body> {
        crate::api::validate::not_empty("code", self.code.expose())?;
        Body::json(self)
    }

    fn auth(&self) -> EndpointAuth {
        no_account_auth()
    }

    fn parse(&self, response: RawResponse) -> transport_core::Result<Self::Response> {
        response.json()
    }
}

impl Operation for VerifyCode {
    const INFO: OperationInfo = OperationInfo::new(
        "verifyCode",
        "Verification",
        Self::METHOD,
        "/v1/verification/session/{sessionId}/code",
        AuthMode::None,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::*;

    #[test]
    fn request_and_response() {
        let op = VerifyCode::new("sess-1", "123456");
        assert_consistent(&op);
        assert_eq!(op.path(), "/v1/verification/session/sess-1/code");
        assert_eq!(body_json(&op), serde_json::json!({"code": "123456"}));
        assert!(!format!("{op:?}").contains("123456"));
        let r = parse(&op, 200, r#"{"id":"sess-1","allowedToRequestCode":false,"requestedInformation":[],"verified":true}"#).unwrap();
        assert!(r.verified);
        assert!(VerifyCode::new("s", "").body().is_err());
    }
}

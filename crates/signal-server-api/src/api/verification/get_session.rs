//! `GET /v1/verification/session/{sessionId}` — the state of a verification session.

use crate::api::{Operation, OperationInfo, no_account_auth};
use crate::auth::AuthMode;
use crate::model::VerificationSessionResponse;
use std::borrow::Cow;
use transport_core::http::{Endpoint, EndpointAuth, Method, RawResponse, segment};

/// `GET /v1/verification/session/{sessionId}` (`getSession`) — the state of a verification session.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct GetSession {
    /// The session id.
    pub session_id: String,
}

impl GetSession {
    /// The state of `session_id`.
    pub fn new(session_id: impl Into<String>) -> Self {
        Self {
            session_id: session_id.into(),
        }
    }
}

impl Endpoint for GetSession {
    type Response = VerificationSessionResponse;
    const METHOD: Method = Method::GET;

    fn path(&self) -> Cow<'_, str> {
        format!("/v1/verification/session/{}", segment(&self.session_id)).into()
    }

    fn auth(&self) -> EndpointAuth {
        no_account_auth()
    }

    fn parse(&self, response: RawResponse) -> transport_core::Result<Self::Response> {
        response.json()
    }
}

impl Operation for GetSession {
    const INFO: OperationInfo = OperationInfo::new(
        "getSession",
        "Verification",
        Self::METHOD,
        "/v1/verification/session/{sessionId}",
        AuthMode::None,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::*;

    use crate::model::RequestedInformation;

    #[test]
    fn request_and_response() {
        let op = GetSession::new("sess-1");
        assert_consistent(&op);
        assert_eq!(op.path(), "/v1/verification/session/sess-1");
        let r = parse(&op, 200, r#"{"id":"sess-1","nextSms":60,"nextCall":null,"nextVerificationAttempt":null,"allowedToRequestCode":true,"requestedInformation":["pushChallenge"],"verified":false}"#).unwrap();
        assert_eq!(r.id, "sess-1");
        assert_eq!(r.next_sms, Some(60));
        assert_eq!(
            r.requested_information,
            vec![RequestedInformation::PushChallenge]
        );
        assert_eq!(parse(&op, 404, "").unwrap_err().status(), Some(404));
    }
}

//! `PATCH /v1/verification/session/{sessionId}` — supplies information a verification session asked for.

use crate::api::{Operation, OperationInfo, no_account_auth};
use crate::auth::AuthMode;
use crate::model::{SessionInformation, VerificationSessionResponse};
use serde::Serialize;
use std::borrow::Cow;
use transport_core::http::{Body, Endpoint, EndpointAuth, Method, RawResponse, segment};

/// `PATCH /v1/verification/session/{sessionId}` (`updateSession`) — supplies information a
/// verification session asked for.
///
/// Answers a push challenge or a captcha, or adds a push token or SIM codes (the spec's
/// `UpdateVerificationSessionRequest`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct UpdateSession {
    /// The session id.
    #[serde(skip)]
    pub session_id: String,
    /// Push token, challenge or captcha answers, SIM codes.
    #[serde(flatten)]
    pub information: SessionInformation,
}

impl UpdateSession {
    /// An update of `session_id`; set the fields to send.
    pub fn new(session_id: impl Into<String>) -> Self {
        Self {
            session_id: session_id.into(),
            information: SessionInformation::new(),
        }
    }

    /// An update answering the captcha (a `signalcaptcha://` prefix is removed).
    pub fn captcha(session_id: impl Into<String>, captcha: &str) -> Self {
        let mut update = Self::new(session_id);
        update.information = SessionInformation::new().with_captcha(captcha);
        update
    }
}

impl Endpoint for UpdateSession {
    type Response = VerificationSessionResponse;
    const METHOD: Method = Method::PATCH;

    fn path(&self) -> Cow<'_, str> {
        format!("/v1/verification/session/{}", segment(&self.session_id)).into()
    }

    fn body(&self) -> transport_core::Result<Body> {
        Body::json(self)
    }

    fn auth(&self) -> EndpointAuth {
        no_account_auth()
    }

    fn parse(&self, response: RawResponse) -> transport_core::Result<Self::Response> {
        response.json()
    }
}

impl Operation for UpdateSession {
    const INFO: OperationInfo = OperationInfo::new(
        "updateSession",
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
        let op = UpdateSession::captcha("sess-1", "signalcaptcha://signal-hcaptcha.x");
        assert_consistent(&op);
        assert_eq!(op.path(), "/v1/verification/session/sess-1");
        assert_eq!(
            body_json(&op),
            serde_json::json!({"captcha": "signal-hcaptcha.x"})
        );
        assert!(!op.idempotent(), "PATCH is not retried");
        let r = parse(&op, 200, r#"{"id":"sess-1","nextSms":60,"nextCall":null,"nextVerificationAttempt":null,"allowedToRequestCode":true,"requestedInformation":["pushChallenge"],"verified":false}"#).unwrap();
        assert_eq!(r.id, "sess-1");
        assert_eq!(r.next_sms, Some(60));
        assert_eq!(
            r.requested_information,
            vec![RequestedInformation::PushChallenge]
        );
    }
}

//! `PATCH /v1/verification/session/{sessionId}` — supplies information a verification session asked for.

use crate::api::{Operation, OperationInfo, no_account_auth};
use crate::auth::AuthMode;
use crate::model::{PushTokenType, VerificationSessionResponse};
use serde::Serialize;
use std::borrow::Cow;
use transport_core::Secret;
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
    /// A push token, for push-challenge verification.
    #[serde(
        with = "crate::model::secret_string::optional",
        skip_serializing_if = "Option::is_none"
    )]
    pub push_token: Option<Secret>,
    /// The push token's kind.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub push_token_type: Option<PushTokenType>,
    /// The push challenge received on that token.
    #[serde(
        with = "crate::model::secret_string::optional",
        skip_serializing_if = "Option::is_none"
    )]
    pub push_challenge: Option<Secret>,
    /// A solved captcha.
    #[serde(
        with = "crate::model::secret_string::optional",
        skip_serializing_if = "Option::is_none"
    )]
    pub captcha: Option<Secret>,
    /// Mobile country code of the SIM.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mcc: Option<String>,
    /// Mobile network code of the SIM.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mnc: Option<String>,
}

impl UpdateSession {
    /// An update of `session_id`; set the fields to send.
    pub fn new(session_id: impl Into<String>) -> Self {
        Self {
            session_id: session_id.into(),
            push_token: None,
            push_token_type: None,
            push_challenge: None,
            captcha: None,
            mcc: None,
            mnc: None,
        }
    }

    /// An update answering the captcha (a `signalcaptcha://` prefix is removed).
    pub fn captcha(session_id: impl Into<String>, captcha: &str) -> Self {
        let mut update = Self::new(session_id);
        let captcha = captcha.strip_prefix("signalcaptcha://").unwrap_or(captcha);
        update.captcha = Some(Secret::new(captcha));
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

//! `POST /v1/verification/session` — starts a phone-number verification session.

use crate::api::{Operation, OperationInfo, no_account_auth};
use crate::auth::AuthMode;
use crate::model::{SessionInformation, VerificationSessionResponse};
use serde::Serialize;
use std::borrow::Cow;
use transport_core::http::{Body, Endpoint, EndpointAuth, Method, RawResponse};

/// `POST /v1/verification/session` (`createSession`) — starts a phone-number verification session.
///
/// The body is the spec's `CreateVerificationSessionRequest`. The answer says what the session
/// still needs (push challenge, captcha) before a code can be requested. Unauthenticated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct CreateSession {
    /// The E.164 number to verify.
    pub number: String,
    /// Push token, challenge or captcha answers, SIM codes.
    #[serde(flatten)]
    pub information: SessionInformation,
}

impl CreateSession {
    /// A session for `number`.
    pub fn new(number: impl Into<String>) -> Self {
        Self {
            number: number.into(),
            information: SessionInformation::new(),
        }
    }
}

impl Endpoint for CreateSession {
    type Response = VerificationSessionResponse;
    const METHOD: Method = Method::POST;

    fn path(&self) -> Cow<'_, str> {
        "/v1/verification/session".into()
    }

    fn body(&self) -> transport_core::Result<Body> {
        crate::api::validate::e164("number", &self.number)?;
        Body::json(self)
    }

    fn auth(&self) -> EndpointAuth {
        no_account_auth()
    }

    fn parse(&self, response: RawResponse) -> transport_core::Result<Self::Response> {
        response.json()
    }
}

impl Operation for CreateSession {
    const INFO: OperationInfo = OperationInfo::new(
        "createSession",
        "Verification",
        Self::METHOD,
        "/v1/verification/session",
        AuthMode::None,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::*;

    use crate::model::{PushTokenType, RequestedInformation};

    #[test]
    fn request_and_response() {
        let mut op = CreateSession::new("+14155550100");
        op.information = SessionInformation::new().with_push_token("fcm-token", PushTokenType::Fcm);
        op.information.mcc = Some("310".into());
        assert_consistent(&op);
        assert_eq!(
            body_json(&op),
            serde_json::json!({"number": "+14155550100", "pushToken": "fcm-token", "pushTokenType": "fcm", "mcc": "310"})
        );
        assert!(!format!("{op:?}").contains("fcm-token"));
        assert!(CreateSession::new("4155550100").body().is_err());
        let r = parse(&op, 200, r#"{"id":"sess-1","nextSms":60,"nextCall":null,"nextVerificationAttempt":null,"allowedToRequestCode":true,"requestedInformation":["pushChallenge"],"verified":false}"#).unwrap();
        assert_eq!(r.id, "sess-1");
        assert_eq!(r.next_sms, Some(60));
        assert_eq!(
            r.requested_information,
            vec![RequestedInformation::PushChallenge]
        );
    }
}

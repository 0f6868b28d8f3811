//! `PUT /v1/challenge` — submits proof that a challenge was completed.

use crate::api::{Operation, OperationInfo};
use crate::auth::AuthMode;
use serde::Serialize;
use std::borrow::Cow;
use transport_core::Secret;
use transport_core::http::{Body, Endpoint, Method, RawResponse};

/// `PUT /v1/challenge` (`handleChallengeResponse`) — submits proof that a challenge was completed.
///
/// After a 428 ([`Error::ChallengeRequired`](crate::Error::ChallengeRequired)), send the push
/// challenge token or the solved captcha with the 428's token; then retry the original call. The
/// body is `AnswerPushChallengeRequest` or `AnswerCaptchaChallengeRequest`, told apart by `type`
/// (`rateLimitPushChallenge` / `captcha`). Rate-limited with 413 or 429.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct HandleChallengeResponse {
    /// The answer.
    pub answer: ChallengeAnswer,
}

impl HandleChallengeResponse {
    /// Submits `answer`.
    pub fn new(answer: ChallengeAnswer) -> Self {
        Self { answer }
    }
}

/// An answer to a challenge. `Debug` never shows the tokens.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type")]
#[non_exhaustive]
pub enum ChallengeAnswer {
    /// `AnswerPushChallengeRequest`: the token received in a push payload.
    #[serde(rename = "rateLimitPushChallenge")]
    PushChallenge {
        /// The push challenge token.
        #[serde(with = "crate::model::secret_string::required")]
        challenge: Secret,
    },
    /// `AnswerCaptchaChallengeRequest`: the 428's token and the solved captcha.
    #[serde(rename = "captcha")]
    Captcha {
        /// The `token` of the 428 response.
        #[serde(with = "crate::model::secret_string::required")]
        token: Secret,
        /// The captcha solution (`signal-hcaptcha.…`; a `signalcaptcha://` prefix is removed).
        #[serde(with = "crate::model::secret_string::required")]
        captcha: Secret,
    },
}

impl ChallengeAnswer {
    /// A push challenge answer.
    pub fn push(challenge: impl Into<Secret>) -> Self {
        Self::PushChallenge {
            challenge: challenge.into(),
        }
    }

    /// A captcha answer; a `signalcaptcha://` prefix (as the captcha page hands it out) is
    /// removed.
    pub fn captcha(token: impl Into<Secret>, captcha: &str) -> Self {
        let captcha = captcha.strip_prefix("signalcaptcha://").unwrap_or(captcha);
        Self::Captcha {
            token: token.into(),
            captcha: Secret::new(captcha),
        }
    }
}

impl Endpoint for HandleChallengeResponse {
    type Response = ();
    const METHOD: Method = Method::PUT;

    fn path(&self) -> Cow<'_, str> {
        "/v1/challenge".into()
    }

    fn body(&self) -> transport_core::Result<Body> {
        Body::json(&self.answer)
    }

    fn parse(&self, response: RawResponse) -> transport_core::Result<Self::Response> {
        response.empty()
    }
}

impl Operation for HandleChallengeResponse {
    const INFO: OperationInfo = OperationInfo::new(
        "handleChallengeResponse",
        "Challenge",
        Self::METHOD,
        "/v1/challenge",
        AuthMode::Basic,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::*;

    #[test]
    fn both_answer_shapes() {
        let op = HandleChallengeResponse::new(ChallengeAnswer::push("push-token"));
        assert_consistent(&op);
        assert_eq!(
            body_json(&op),
            serde_json::json!({"type": "rateLimitPushChallenge", "challenge": "push-token"})
        );
        let op = HandleChallengeResponse::new(ChallengeAnswer::captcha(
            "t-428",
            "signalcaptcha://signal-hcaptcha.abc.challenge.def",
        ));
        assert_eq!(
            body_json(&op),
            serde_json::json!({"type": "captcha", "token": "t-428", "captcha": "signal-hcaptcha.abc.challenge.def"})
        );
        assert!(!format!("{op:?}").contains("t-428"));
        parse(&op, 200, "").unwrap();
        assert_eq!(parse(&op, 428, "").unwrap_err().status(), Some(428));
    }
}

//! `POST /v1/verification/session/{sessionId}/code` — asks for a verification code by SMS or voice call.

use crate::api::{Operation, OperationInfo, no_account_auth};
use crate::auth::AuthMode;
use crate::auth::insert_header;
use crate::model::VerificationSessionResponse;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use transport_core::http::{Body, Endpoint, EndpointAuth, HeaderMap, Method, RawResponse, segment};

/// `POST /v1/verification/session/{sessionId}/code` (`requestVerificationCode`) — asks for a
/// verification code by SMS or voice call.
///
/// The body is the spec's `VerificationCodeRequest`; `Accept-Language` picks the message language.
/// Sending a code is not repeatable, so the call is not retried after a response.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct RequestVerificationCode {
    /// The session id.
    #[serde(skip)]
    pub session_id: String,
    /// SMS or voice.
    pub transport: CodeTransport,
    /// The client kind (`android`, `ios`, …), which affects the SMS format.
    pub client: String,
    /// The `Accept-Language` header.
    #[serde(skip)]
    pub accept_language: Option<String>,
}

impl RequestVerificationCode {
    /// Asks for a code for `session_id` over `transport`.
    pub fn new(
        session_id: impl Into<String>,
        transport: CodeTransport,
        client: impl Into<String>,
    ) -> Self {
        Self {
            session_id: session_id.into(),
            transport,
            client: client.into(),
            accept_language: None,
        }
    }
}

/// How the code is delivered. Unknown values are kept in [`CodeTransport::Other`].
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(from = "String", into = "String")]
#[non_exhaustive]
pub enum CodeTransport {
    /// `sms`.
    Sms,
    /// `voice`.
    Voice,
    /// A value this crate does not know, sent verbatim.
    Other(String),
}

impl From<String> for CodeTransport {
    fn from(value: String) -> Self {
        match value.as_str() {
            "sms" => Self::Sms,
            "voice" => Self::Voice,
            _ => Self::Other(value),
        }
    }
}

impl From<CodeTransport> for String {
    fn from(value: CodeTransport) -> Self {
        match value {
            CodeTransport::Sms => "sms".into(),
            CodeTransport::Voice => "voice".into(),
            CodeTransport::Other(s) => s,
        }
    }
}

impl Endpoint for RequestVerificationCode {
    type Response = VerificationSessionResponse;
    const METHOD: Method = Method::POST;

    fn path(&self) -> Cow<'_, str> {
        format!(
            "/v1/verification/session/{}/code",
            segment(&self.session_id)
        )
        .into()
    }

    fn headers(&self) -> transport_core::Result<HeaderMap> {
        let mut headers = HeaderMap::new();
        if let Some(language) = &self.accept_language {
            insert_header(&mut headers, "accept-language", language)?;
        }
        Ok(headers)
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

impl Operation for RequestVerificationCode {
    const INFO: OperationInfo = OperationInfo::new(
        "requestVerificationCode",
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
        let mut op =
            RequestVerificationCode::new("sess-1", CodeTransport::Voice, "android-2024-01");
        op.accept_language = Some("de-DE".into());
        assert_consistent(&op);
        assert!(!op.idempotent());
        assert_eq!(op.headers().unwrap()["accept-language"], "de-DE");
        assert_eq!(
            body_json(&op),
            serde_json::json!({"transport": "voice", "client": "android-2024-01"})
        );
        let r = parse(&op, 200, r#"{"id":"sess-1","nextSms":300,"nextCall":60,"nextVerificationAttempt":30,"allowedToRequestCode":true,"requestedInformation":[],"verified":false}"#).unwrap();
        assert_eq!(r.next_verification_attempt, Some(30));
        assert_eq!(
            serde_json::to_value(CodeTransport::from("fax".to_owned())).unwrap(),
            "fax"
        );
    }
}

//! `POST /v1/messages/report/{source}/{messageGuid}` — reports a message as spam.

use crate::api::{Operation, OperationInfo};
use crate::auth::AuthMode;
use serde::Serialize;
use std::borrow::Cow;
use transport_core::http::{Body, Endpoint, Method, RawResponse, segment};
use uuid::Uuid;

/// `POST /v1/messages/report/{source}/{messageGuid}` (`reportSpamMessage`) — reports a message as
/// spam.
///
/// `source` is the sender (ACI, or a phone number for old messages); the body is the spec's
/// `SpamReport` with the message's report-spam token, if it had one.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ReportSpamMessage {
    /// The sender.
    pub source: String,
    /// The message's `guid`.
    pub message_guid: Uuid,
    /// The message's `reportSpamToken`.
    pub token: Option<Vec<u8>>,
}

impl ReportSpamMessage {
    /// Reports message `message_guid` from `source`.
    pub fn new(source: impl Into<String>, message_guid: Uuid) -> Self {
        Self {
            source: source.into(),
            message_guid,
            token: None,
        }
    }
}

#[derive(Serialize)]
struct SpamReport<'a> {
    #[serde(
        with = "crate::model::b64::standard_opt",
        skip_serializing_if = "Option::is_none"
    )]
    token: &'a Option<Vec<u8>>,
}

impl Endpoint for ReportSpamMessage {
    type Response = ();
    const METHOD: Method = Method::POST;

    fn path(&self) -> Cow<'_, str> {
        format!(
            "/v1/messages/report/{}/{}",
            segment(&self.source),
            self.message_guid.hyphenated()
        )
        .into()
    }

    fn body(&self) -> transport_core::Result<Body> {
        crate::api::validate::not_empty("source", &self.source)?;
        Body::json(&SpamReport { token: &self.token })
    }

    fn parse(&self, response: RawResponse) -> transport_core::Result<Self::Response> {
        response.empty()
    }
}

impl Operation for ReportSpamMessage {
    const INFO: OperationInfo = OperationInfo::new(
        "reportSpamMessage",
        "Messages",
        Self::METHOD,
        "/v1/messages/report/{source}/{messageGuid}",
        AuthMode::Basic,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::*;

    #[test]
    fn request() {
        let mut op = ReportSpamMessage::new(
            "9d0652a3-dcc3-4d11-975f-74d61598733f",
            Uuid::parse_str("4f1e8f5a-4e61-4e4a-9a0e-2a1e2d3c4b5a").unwrap(),
        );
        assert_consistent(&op);
        assert_eq!(
            op.path(),
            "/v1/messages/report/9d0652a3-dcc3-4d11-975f-74d61598733f/4f1e8f5a-4e61-4e4a-9a0e-2a1e2d3c4b5a"
        );
        assert_eq!(body_json(&op), serde_json::json!({}));
        op.token = Some(vec![1, 2]);
        assert_eq!(body_json(&op), serde_json::json!({"token": "AQI="}));
        parse(&op, 202, "").unwrap();
    }
}

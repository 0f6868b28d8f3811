//! `GET /v1/devices/provisioning/code` — a verification code for linking a new device.

use crate::api::{Operation, OperationInfo};
use crate::auth::AuthMode;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use transport_core::Secret;
use transport_core::http::{Endpoint, Method, RawResponse};

/// `GET /v1/devices/provisioning/code` (`createDeviceToken`) — a verification code for linking a
/// new device.
///
/// The primary device sends this code to the new device (in the provisioning message); the new
/// device presents it to `PUT /v1/devices/link`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct CreateDeviceToken {}

impl CreateDeviceToken {
    /// The request.
    pub fn new() -> Self {
        Self {}
    }
}

/// The spec's `VerificationCode`. `Debug` never shows the code.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct VerificationCode {
    /// The code (a linking token).
    #[serde(
        default,
        with = "crate::model::secret_string::optional",
        skip_serializing_if = "Option::is_none"
    )]
    pub verification_code: Option<Secret>,
    /// An identifier of the token (newer servers), for waiting on the link to complete.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token_identifier: Option<String>,
}

impl Endpoint for CreateDeviceToken {
    type Response = VerificationCode;
    const METHOD: Method = Method::GET;

    fn path(&self) -> Cow<'_, str> {
        "/v1/devices/provisioning/code".into()
    }

    fn parse(&self, response: RawResponse) -> transport_core::Result<Self::Response> {
        response.json()
    }
}

impl Operation for CreateDeviceToken {
    const INFO: OperationInfo = OperationInfo::new(
        "createDeviceToken",
        "Devices",
        Self::METHOD,
        "/v1/devices/provisioning/code",
        AuthMode::Basic,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::*;

    #[test]
    fn request_and_response() {
        let op = CreateDeviceToken::new();
        assert_consistent(&op);
        let r = parse(
            &op,
            200,
            r#"{"verificationCode":"AbC-123","tokenIdentifier":"tid"}"#,
        )
        .unwrap();
        assert_eq!(
            r.verification_code.as_ref().map(|c| c.expose()),
            Some("AbC-123")
        );
        assert!(!format!("{r:?}").contains("AbC-123"));
        let old = parse(&op, 200, r#"{"verificationCode":"123456"}"#).unwrap();
        assert_eq!(old.token_identifier, None);
    }
}

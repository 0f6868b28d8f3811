//! `POST /v1/donation/redeem-receipt` — redeems a donation receipt for a badge.

use crate::api::{Operation, OperationInfo};
use crate::auth::AuthMode;
use serde::Serialize;
use std::borrow::Cow;
use transport_core::http::{Body, Endpoint, Method, RawResponse};

/// `POST /v1/donation/redeem-receipt` (`redeemReceipt`) — redeems a donation receipt for a badge.
///
/// The body is the spec's `RedeemReceiptRequest`. Errors may come as `text/plain`; their text
/// becomes the error message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct RedeemReceipt {
    /// The receipt credential presentation (standard base64 on the wire).
    #[serde(with = "crate::model::b64::standard")]
    pub receipt_credential_presentation: Vec<u8>,
    /// Show the badge on the profile.
    pub visible: bool,
    /// Make it the primary badge.
    pub primary: bool,
}

impl RedeemReceipt {
    /// Redeems `presentation`, visible and primary.
    pub fn new(receipt_credential_presentation: impl Into<Vec<u8>>) -> Self {
        Self {
            receipt_credential_presentation: receipt_credential_presentation.into(),
            visible: true,
            primary: true,
        }
    }
}

impl Endpoint for RedeemReceipt {
    type Response = ();
    const METHOD: Method = Method::POST;

    fn path(&self) -> Cow<'_, str> {
        "/v1/donation/redeem-receipt".into()
    }

    fn body(&self) -> transport_core::Result<Body> {
        Body::json(self)
    }

    fn parse(&self, response: RawResponse) -> transport_core::Result<Self::Response> {
        match response.status.as_u16() {
            200..=299 => Ok(()),
            _ => {
                let text = String::from_utf8_lossy(&response.body).trim().to_owned();
                let plain = response
                    .header("content-type")
                    .is_some_and(|ct| ct.starts_with("text/plain"));
                let error = response.into_status_error();
                match (error, plain && !text.is_empty()) {
                    (transport_core::Error::Status(status), true) => Err(
                        transport_core::Error::Status(Box::new(status.with_message(Some(text)))),
                    ),
                    (other, _) => Err(other),
                }
            }
        }
    }
}

impl Operation for RedeemReceipt {
    const INFO: OperationInfo = OperationInfo::new(
        "redeemReceipt",
        "Donations",
        Self::METHOD,
        "/v1/donation/redeem-receipt",
        AuthMode::Basic,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::*;

    use bytes::Bytes;
    use transport_core::http::{HeaderMap, HeaderValue, StatusCode};

    #[test]
    fn request_and_plain_text_errors() {
        let mut op = RedeemReceipt::new(vec![1, 2, 3]);
        op.primary = false;
        assert_consistent(&op);
        assert_eq!(
            body_json(&op),
            serde_json::json!({"receiptCredentialPresentation": "AQID", "visible": true, "primary": false})
        );
        parse(&op, 200, "").unwrap();
        let mut headers = HeaderMap::new();
        headers.insert("content-type", HeaderValue::from_static("text/plain"));
        let raw = RawResponse::new(
            StatusCode::BAD_REQUEST,
            headers,
            Bytes::from_static(b"receipt already redeemed"),
            "POST",
            "/v1/donation/redeem-receipt",
        );
        let err = op.parse(raw).unwrap_err();
        assert_eq!(
            err.to_string(),
            "POST /v1/donation/redeem-receipt: HTTP 400 Bad Request: receipt already redeemed"
        );
    }
}

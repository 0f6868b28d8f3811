//! `GET /v2/attachments/form/upload` — an S3-style upload form for an attachment (v2).

use crate::api::{Operation, OperationInfo};
use crate::auth::AuthMode;
use crate::model::UploadForm;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use transport_core::http::{Endpoint, Method, RawResponse};

/// `GET /v2/attachments/form/upload` (`getAttachmentUploadForm`) — an S3-style upload form for an
/// attachment (v2).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct GetAttachmentUploadForm {}

impl GetAttachmentUploadForm {
    /// The request.
    pub fn new() -> Self {
        Self {}
    }
}

/// The spec's `AttachmentDescriptorV2`: a signed form for a POST upload to the CDN. `Debug`
/// never shows the credential or the signature.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct AttachmentDescriptorV2 {
    /// The attachment id.
    #[serde(default)]
    pub attachment_id: i64,
    /// The attachment id as text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attachment_id_string: Option<String>,
    /// The signed form fields.
    #[serde(flatten)]
    pub form: UploadForm,
}

impl Endpoint for GetAttachmentUploadForm {
    type Response = AttachmentDescriptorV2;
    const METHOD: Method = Method::GET;

    fn path(&self) -> Cow<'_, str> {
        "/v2/attachments/form/upload".into()
    }

    fn parse(&self, response: RawResponse) -> transport_core::Result<Self::Response> {
        response.json()
    }
}

impl Operation for GetAttachmentUploadForm {
    const INFO: OperationInfo = OperationInfo::new(
        "getAttachmentUploadForm",
        "Attachments",
        Self::METHOD,
        "/v2/attachments/form/upload",
        AuthMode::Basic,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::*;

    #[test]
    fn request_and_response() {
        let op = GetAttachmentUploadForm::new();
        assert_consistent(&op);
        let r = parse(
            &op,
            200,
            r#"{"attachmentId":42,"attachmentIdString":"42","key":"attachments/42","credential":"AKIA/20240404/s3","acl":"private","algorithm":"AWS4-HMAC-SHA256","date":"20240404T000000Z","policy":"eyJ9","signature":"deadbeef"}"#,
        )
        .unwrap();
        assert_eq!(r.attachment_id, 42);
        assert_eq!(
            r.form.signature.as_ref().map(|s| s.expose()),
            Some("deadbeef")
        );
        assert!(!format!("{r:?}").contains("deadbeef"));
    }
}

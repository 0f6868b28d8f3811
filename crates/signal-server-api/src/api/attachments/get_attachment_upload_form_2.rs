//! `GET /v4/attachments/form/upload` — a resumable upload form for an attachment (v4, CDN 2 or 3).

use crate::api::{Operation, OperationInfo};
use crate::auth::AuthMode;
use crate::model::AttachmentDescriptorV3;
use std::borrow::Cow;
use transport_core::http::{Endpoint, Method, RawResponse};

/// `GET /v4/attachments/form/upload` (`getAttachmentUploadForm_2`) — a resumable upload form for an
/// attachment (v4, CDN 2 or 3).
///
/// The `cdn` number says which protocol to use (2: GCS resumable, 3: TUS). Rate-limited with 413 or
/// 429 and `Retry-After`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct GetAttachmentUploadForm2 {}

impl GetAttachmentUploadForm2 {
    /// The request.
    pub fn new() -> Self {
        Self {}
    }
}

impl Endpoint for GetAttachmentUploadForm2 {
    type Response = AttachmentDescriptorV3;
    const METHOD: Method = Method::GET;

    fn path(&self) -> Cow<'_, str> {
        "/v4/attachments/form/upload".into()
    }

    fn parse(&self, response: RawResponse) -> transport_core::Result<Self::Response> {
        response.json()
    }
}

impl Operation for GetAttachmentUploadForm2 {
    const INFO: OperationInfo = OperationInfo::new(
        "getAttachmentUploadForm_2",
        "Attachments",
        Self::METHOD,
        "/v4/attachments/form/upload",
        AuthMode::Basic,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::*;

    #[test]
    fn request_and_response() {
        let op = GetAttachmentUploadForm2::new();
        assert_consistent(&op);
        assert!(has_no_body(&op));
        let r = parse(
            &op,
            200,
            r#"{"cdn":3,"key":"abc","headers":{"x-goog-resumable":"start"},"signedUploadLocation":"https://cdn3.example/u"}"#,
        )
        .unwrap();
        assert_eq!(r.cdn, 3);
        assert_eq!(r.headers.get("x-goog-resumable"), Some("start"));
        assert_eq!(parse(&op, 401, "").unwrap_err().status(), Some(401));
    }
}

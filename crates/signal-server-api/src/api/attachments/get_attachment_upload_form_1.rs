//! `GET /v3/attachments/form/upload` — a resumable upload form for an attachment (v3, CDN 2).

use crate::api::{Operation, OperationInfo};
use crate::auth::AuthMode;
use crate::model::AttachmentDescriptorV3;
use std::borrow::Cow;
use transport_core::http::{Endpoint, Method, RawResponse};

/// `GET /v3/attachments/form/upload` (`getAttachmentUploadForm_1`) — a resumable upload form for an
/// attachment (v3, CDN 2).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct GetAttachmentUploadForm1 {}

impl GetAttachmentUploadForm1 {
    /// The request.
    pub fn new() -> Self {
        Self {}
    }
}

impl Endpoint for GetAttachmentUploadForm1 {
    type Response = AttachmentDescriptorV3;
    const METHOD: Method = Method::GET;

    fn path(&self) -> Cow<'_, str> {
        "/v3/attachments/form/upload".into()
    }

    fn parse(&self, response: RawResponse) -> transport_core::Result<Self::Response> {
        response.json()
    }
}

impl Operation for GetAttachmentUploadForm1 {
    const INFO: OperationInfo = OperationInfo::new(
        "getAttachmentUploadForm_1",
        "Attachments",
        Self::METHOD,
        "/v3/attachments/form/upload",
        AuthMode::Basic,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::*;

    #[test]
    fn request_and_response() {
        let op = GetAttachmentUploadForm1::new();
        assert_consistent(&op);
        assert!(has_no_body(&op));
        let r = parse(
            &op,
            200,
            r#"{"cdn":2,"key":"abc","headers":{"x-goog-resumable":"start"},"signedUploadLocation":"https://cdn2.example/u"}"#,
        )
        .unwrap();
        assert_eq!(r.cdn, 2);
        assert_eq!(r.headers.get("x-goog-resumable"), Some("start"));
        assert_eq!(parse(&op, 401, "").unwrap_err().status(), Some(401));
    }
}

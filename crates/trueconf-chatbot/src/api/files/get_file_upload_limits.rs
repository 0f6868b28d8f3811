//! `getFileUploadLimits` — the admin's file size and extension limits (5.5.3+). The server
//! also pushes a notification of the same name when they change.

use crate::api::Method;
use crate::model::FileUploadLimits;
use serde::{Deserialize, Serialize};

/// The `getFileUploadLimits` request (payload `{}`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct GetFileUploadLimits {}

impl GetFileUploadLimits {
    /// The request.
    pub fn new() -> Self {
        Self {}
    }
}

impl Method for GetFileUploadLimits {
    const NAME: &'static str = "getFileUploadLimits";
    type Response = FileUploadLimits;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::{encoded, request_sample, response_sample};
    use serde_json::json;

    #[test]
    fn request_and_response() {
        let request: GetFileUploadLimits =
            request_sample(r#"{"type":1,"id":22,"method":"getFileUploadLimits","payload":{}}"#);
        assert_eq!(encoded(&request)["payload"], json!({}));
        let limits = response_sample::<GetFileUploadLimits>(
            r#"{"type":2,"id":22,"payload":{"maxSize":104857600,"extensions":{"mode":"block","list":["exe","bat"]}}}"#,
        );
        assert_eq!(limits.max_size, Some(104_857_600));
        let unlimited =
            response_sample::<GetFileUploadLimits>(r#"{"type":2,"id":23,"payload":{}}"#);
        assert_eq!(unlimited, FileUploadLimits::default());
    }
}

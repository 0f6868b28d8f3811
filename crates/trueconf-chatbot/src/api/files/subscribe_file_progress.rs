//! `subscribeFileProgress` — get `uploadFileProgress` notifications for a file that is still
//! uploading.

use crate::api::Method;
use crate::model::{BoolResult, FileId};
use serde::{Deserialize, Serialize};

/// The `subscribeFileProgress` request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct SubscribeFileProgress {
    /// The file.
    pub file_id: FileId,
}

impl SubscribeFileProgress {
    /// Subscribes to `file_id`.
    pub fn new(file_id: FileId) -> Self {
        Self { file_id }
    }
}

impl Method for SubscribeFileProgress {
    const NAME: &'static str = "subscribeFileProgress";
    type Response = BoolResult;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::{request_sample, response_sample};

    #[test]
    fn request_and_response() {
        let request: SubscribeFileProgress = request_sample(
            r#"{"type":1,"id":20,"method":"subscribeFileProgress","payload":{"fileId":"f1"}}"#,
        );
        assert_eq!(request.file_id, "f1");
        assert!(
            response_sample::<SubscribeFileProgress>(
                r#"{"type":2,"id":20,"payload":{"result":true}}"#
            )
            .result
        );
    }
}

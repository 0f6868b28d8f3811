//! `unsubscribeFileProgress` — stop `uploadFileProgress` notifications for a file.

use crate::api::Method;
use crate::model::{Empty, FileId};
use serde::{Deserialize, Serialize};

/// The `unsubscribeFileProgress` request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct UnsubscribeFileProgress {
    /// The file.
    pub file_id: FileId,
}

impl UnsubscribeFileProgress {
    /// Unsubscribes from `file_id`.
    pub fn new(file_id: FileId) -> Self {
        Self { file_id }
    }
}

impl Method for UnsubscribeFileProgress {
    const NAME: &'static str = "unsubscribeFileProgress";
    type Response = Empty;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::{request_sample, response_sample};

    #[test]
    fn request_and_response() {
        let request: UnsubscribeFileProgress = request_sample(
            r#"{"type":1,"id":21,"method":"unsubscribeFileProgress","payload":{"fileId":"f1"}}"#,
        );
        assert_eq!(request, UnsubscribeFileProgress::new(FileId::new("f1")));
        assert_eq!(
            response_sample::<UnsubscribeFileProgress>(r#"{"type":2,"id":21,"payload":{}}"#),
            Empty::new()
        );
    }
}

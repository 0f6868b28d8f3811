//! `uploadFile` — announce an upload and get the `uploadTaskId` for the HTTP upload.

use crate::api::Method;
use crate::validate::ValidationError;
use serde::{Deserialize, Serialize};

/// The `uploadFile` request. Check the file against the server's limits first with
/// [`crate::validate::file()`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct UploadFile {
    /// The size in bytes.
    pub file_size: u64,
    /// The file name (required since 5.5.3).
    pub file_name: String,
}

impl UploadFile {
    /// Announces `file_name` of `file_size` bytes.
    pub fn new(file_name: impl Into<String>, file_size: u64) -> Self {
        Self {
            file_size,
            file_name: file_name.into(),
        }
    }
}

/// The `uploadFile` response.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct UploadTask {
    /// Send it as the `Upload-Task-Id` header of the HTTP upload.
    pub upload_task_id: String,
}

impl UploadTask {
    /// An upload task.
    pub fn new(upload_task_id: impl Into<String>) -> Self {
        Self {
            upload_task_id: upload_task_id.into(),
        }
    }
}

impl Method for UploadFile {
    const NAME: &'static str = "uploadFile";
    type Response = UploadTask;

    fn validate(&self) -> Result<(), ValidationError> {
        if self.file_name.is_empty() {
            return Err(ValidationError::Missing {
                field: "fileName".into(),
                reason: "since server 5.5.3".into(),
            });
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::{request_sample, response_sample};

    #[test]
    fn request_and_response() {
        let request: UploadFile = request_sample(
            r#"{"type":1,"id":16,"method":"uploadFile","payload":{"fileSize":1048576,"fileName":"report.pdf"}}"#,
        );
        assert_eq!(request, UploadFile::new("report.pdf", 1_048_576));
        assert_eq!(
            response_sample::<UploadFile>(
                r#"{"type":2,"id":16,"payload":{"uploadTaskId":"5f0c6f3e-0b1f-4c8e-9b1a-2f3e4d5c6b7a"}}"#
            ),
            UploadTask::new("5f0c6f3e-0b1f-4c8e-9b1a-2f3e4d5c6b7a")
        );
        assert!(UploadFile::new("", 1).validate().is_err());
    }
}

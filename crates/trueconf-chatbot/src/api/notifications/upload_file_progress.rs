//! `uploadFileProgress` notification — bytes of a subscribed file uploaded so far. The docs
//! name it `uploadingProgress`; real servers send `uploadFileProgress`. Both decode to
//! [`Notification::UploadProgress`](super::Notification::UploadProgress).

use crate::model::FileId;
use serde::{Deserialize, Serialize};

/// The payload of the `uploadFileProgress` notification.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct UploadFileProgress {
    /// The file (see `subscribeFileProgress`).
    pub file_id: FileId,
    /// Bytes uploaded so far; the upload is complete when it reaches the file size.
    pub progress: u64,
}

impl UploadFileProgress {
    /// A progress event.
    pub fn new(file_id: FileId, progress: u64) -> Self {
        Self { file_id, progress }
    }
}

#[cfg(test)]
mod tests {
    use super::super::Notification;
    use super::super::test_support::notification_sample;
    use super::*;
    use serde_json::json;

    #[test]
    fn real_server_name() {
        let n = notification_sample(
            r#"{"method":"uploadFileProgress","type":1,"id":5,"payload":{"fileId":"f1","progress":524288}}"#,
        );
        assert_eq!(
            n,
            Notification::UploadProgress(UploadFileProgress::new(FileId::new("f1"), 524_288))
        );
        assert_eq!(n.method(), "uploadFileProgress");
    }

    #[test]
    fn documented_name_is_accepted_too() {
        let n = Notification::decode("uploadingProgress", json!({"fileId": "f1", "progress": 1}))
            .unwrap();
        assert_eq!(
            n,
            Notification::UploadProgress(UploadFileProgress::new(FileId::new("f1"), 1))
        );
    }
}

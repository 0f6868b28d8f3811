//! `getFileInfo` — a stored file's name, size, type, readiness and download URL.

use crate::api::Method;
use crate::model::{FileId, FileReadyState};
use serde::{Deserialize, Serialize};

/// The `getFileInfo` request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct GetFileInfo {
    /// The file.
    pub file_id: FileId,
}

impl GetFileInfo {
    /// Asks about `file_id`.
    pub fn new(file_id: FileId) -> Self {
        Self { file_id }
    }
}

/// A preview image of a file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct FilePreview {
    /// The name.
    pub name: String,
    /// The size in bytes.
    pub size: u64,
    /// The MIME type.
    pub mime_type: String,
    /// Where to download it.
    #[serde(default)]
    pub download_url: Option<String>,
}

impl FilePreview {
    /// A preview.
    pub fn new(name: impl Into<String>, size: u64, mime_type: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            size,
            mime_type: mime_type.into(),
            download_url: None,
        }
    }
}

/// The `getFileInfo` response.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct FileInfo {
    /// The file name.
    pub name: String,
    /// The size in bytes.
    pub size: u64,
    /// The MIME type.
    pub mime_type: String,
    /// Whether it can be downloaded.
    pub ready_state: FileReadyState,
    /// Where to download it (`null` until READY).
    #[serde(default)]
    pub download_url: Option<String>,
    /// Preview images.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub previews: Vec<FilePreview>,
    /// The file id (5.5.3+).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file_id: Option<FileId>,
    /// The file's info hash (servers before 5.5.3 send it instead of `fileId`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub info_hash: Option<String>,
}

impl FileInfo {
    /// File information.
    pub fn new(
        name: impl Into<String>,
        size: u64,
        mime_type: impl Into<String>,
        ready_state: FileReadyState,
    ) -> Self {
        Self {
            name: name.into(),
            size,
            mime_type: mime_type.into(),
            ready_state,
            download_url: None,
            previews: Vec::new(),
            file_id: None,
            info_hash: None,
        }
    }

    /// True when [`FileInfo::ready_state`] is READY.
    pub fn is_ready(&self) -> bool {
        self.ready_state == FileReadyState::Ready
    }
}

impl Method for GetFileInfo {
    const NAME: &'static str = "getFileInfo";
    type Response = FileInfo;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::{request_sample, response_sample};

    #[test]
    fn request_and_ready_response() {
        let request: GetFileInfo = request_sample(
            r#"{"type":1,"id":18,"method":"getFileInfo","payload":{"fileId":"f8"}}"#,
        );
        assert_eq!(request.file_id, "f8");
        let info = response_sample::<GetFileInfo>(
            r#"{"type":2,"id":18,"payload":{"name":"photo.jpg","size":20480,"mimeType":"image/jpeg",
                "readyState":2,"downloadUrl":"https://video.example.com/bridge/api/client/v1/files/f8",
                "previews":[{"name":"photo_small.jpg","size":2048,"mimeType":"image/jpeg",
                    "downloadUrl":"https://video.example.com/bridge/api/client/v1/files/f8/preview"}],
                "fileId":"f8"}}"#,
        );
        assert!(info.is_ready());
        assert_eq!(info.previews.len(), 1);
    }

    #[test]
    fn uploading_response_of_an_older_server() {
        let info = response_sample::<GetFileInfo>(
            r#"{"type":2,"id":19,"payload":{"name":"big.zip","size":10485760,"mimeType":"application/zip",
                "readyState":1,"downloadUrl":null,"infoHash":"abc123"}}"#,
        );
        assert_eq!(info.ready_state, FileReadyState::Uploading);
        assert_eq!(info.download_url, None);
        assert_eq!(info.info_hash.as_deref(), Some("abc123"));
    }
}

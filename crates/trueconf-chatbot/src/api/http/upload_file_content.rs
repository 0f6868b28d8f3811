//! `POST /bridge/api/client/v1/files` — stage 2 of the file upload: the bytes, as
//! `multipart/form-data` with the `Upload-Task-Id` from `uploadFile`; answers the
//! `temporalFileId` that `sendFile` posts.

use bytes::Bytes;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use transport_core::http::{
    Body, Endpoint, EndpointAuth, HeaderMap, HeaderValue, Method, Multipart, Part, ProgressFn,
    RawResponse,
};

/// A file to upload: name, content type and bytes.
#[derive(Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct FileData {
    /// The file name shown in the chat (`report.pdf`).
    pub name: String,
    /// The MIME type (`application/pdf`; stickers use `sticker/webp`).
    pub content_type: String,
    /// The content.
    pub bytes: Bytes,
}

impl FileData {
    /// A file.
    pub fn new(
        name: impl Into<String>,
        content_type: impl Into<String>,
        bytes: impl Into<Bytes>,
    ) -> Self {
        Self {
            name: name.into(),
            content_type: content_type.into(),
            bytes: bytes.into(),
        }
    }

    /// The size in bytes.
    pub fn size(&self) -> u64 {
        self.bytes.len() as u64
    }
}

impl std::fmt::Debug for FileData {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FileData")
            .field("name", &self.name)
            .field("content_type", &self.content_type)
            .field("len", &self.bytes.len())
            .finish()
    }
}

/// The multipart upload: part `file` (with file name and content type) and an optional part
/// `preview`, header `Upload-Task-Id`. Answers `{"temporalFileId": …}`; `400` with
/// `{"error": <code 400–408>, "error_description": …}` on failure.
#[derive(Clone)]
#[non_exhaustive]
pub struct UploadFileContent {
    /// The `uploadTaskId` from `uploadFile`.
    pub upload_task_id: String,
    /// The file.
    pub file: FileData,
    /// An optional preview image.
    pub preview: Option<FileData>,
    /// Called as bytes are sent: (bytes sent, total bytes of all parts).
    pub progress: Option<ProgressFn>,
}

impl std::fmt::Debug for UploadFileContent {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("UploadFileContent")
            .field("upload_task_id", &self.upload_task_id)
            .field("file", &self.file)
            .field("preview", &self.preview)
            .field("progress", &self.progress.as_ref().map(|_| "Fn"))
            .finish()
    }
}

impl UploadFileContent {
    /// The upload of `file` for task `upload_task_id`.
    pub fn new(upload_task_id: impl Into<String>, file: FileData) -> Self {
        Self {
            upload_task_id: upload_task_id.into(),
            file,
            preview: None,
            progress: None,
        }
    }

    /// Adds a preview.
    #[must_use]
    pub fn with_preview(mut self, preview: FileData) -> Self {
        self.preview = Some(preview);
        self
    }

    /// Reports progress (bytes sent, total).
    #[must_use]
    pub fn with_progress(mut self, progress: ProgressFn) -> Self {
        self.progress = Some(progress);
        self
    }
}

/// The answer of the upload.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct UploadedFile {
    /// The id `sendFile` (or `editChatAvatar`) posts.
    pub temporal_file_id: String,
}

impl UploadedFile {
    /// An uploaded file.
    pub fn new(temporal_file_id: impl Into<String>) -> Self {
        Self {
            temporal_file_id: temporal_file_id.into(),
        }
    }
}

impl Endpoint for UploadFileContent {
    type Response = UploadedFile;
    const METHOD: Method = Method::POST;

    fn path(&self) -> Cow<'_, str> {
        "/bridge/api/client/v1/files".into()
    }

    fn headers(&self) -> transport_core::Result<HeaderMap> {
        let mut headers = HeaderMap::new();
        let value = HeaderValue::from_str(&self.upload_task_id).map_err(|_| {
            transport_core::Error::invalid_input(
                "Upload-Task-Id",
                "the upload task id contains characters not allowed in a header",
            )
        })?;
        headers.insert("Upload-Task-Id", value);
        Ok(headers)
    }

    fn body(&self) -> transport_core::Result<Body> {
        let file = &self.file;
        let mut form = Multipart::new().part(Part::file(
            "file",
            file.name.clone(),
            file.content_type.clone(),
            file.bytes.clone(),
        ));
        if let Some(preview) = &self.preview {
            form = form.part(Part::file(
                "preview",
                preview.name.clone(),
                preview.content_type.clone(),
                preview.bytes.clone(),
            ));
        }
        form.progress = self.progress.clone();
        Ok(Body::Multipart(form))
    }

    fn auth(&self) -> EndpointAuth {
        EndpointAuth::None
    }

    fn parse(&self, response: RawResponse) -> transport_core::Result<UploadedFile> {
        response.json()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use transport_core::http::StatusCode;

    #[test]
    fn headers_body_and_response() {
        let upload = UploadFileContent::new(
            "task-1",
            FileData::new("a.txt", "text/plain", &b"hello"[..]),
        )
        .with_preview(FileData::new("p.png", "image/png", vec![1u8, 2]));
        assert_eq!(upload.headers().unwrap()["Upload-Task-Id"], "task-1");
        let Body::Multipart(form) = upload.body().unwrap() else {
            panic!("not multipart")
        };
        let names: Vec<_> = form.parts.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["file", "preview"]);
        assert_eq!(form.parts[0].file_name.as_deref(), Some("a.txt"));
        assert_eq!(&form.parts[0].data[..], b"hello");
        let ok = RawResponse::new(
            StatusCode::OK,
            HeaderMap::new(),
            Bytes::from_static(br#"{"temporalFileId":"tmp-9"}"#),
            "POST",
            "/bridge/api/client/v1/files",
        );
        assert_eq!(upload.parse(ok).unwrap(), UploadedFile::new("tmp-9"));
        assert!(
            UploadFileContent::new("bad\nid", FileData::new("a", "b", Bytes::new()))
                .headers()
                .is_err()
        );
        assert!(format!("{upload:?}").contains("len: 5"));
    }
}

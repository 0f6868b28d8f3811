//! File transfers with progress.
//!
//! **Upload**, three stages: `uploadFile` (size and name; the server answers an
//! `uploadTaskId`), a multipart `POST /bridge/api/client/v1/files` with header
//! `Upload-Task-Id` (answers a `temporalFileId`), then `sendFile` posting it to a chat
//! ([`Client::send_file`]), or [`Client::upload_file`] alone for `editChatAvatar`.
//!
//! **Download**, two stages: `getFileInfo` until the file is READY — when someone is still
//! uploading it, the client subscribes to `uploadFileProgress`, waits until the uploaded bytes
//! reach the size, unsubscribes, and polls `getFileInfo` — then `GET downloadUrl`
//! ([`Client::download_file`]).
//!
//! Progress goes to an optional callback as [`Progress`] reports: bytes done and total, and
//! which [`TransferStage`] they belong to.

use crate::api::files::{
    FileInfo, FileMessageContent, SendFile, SentFile, SubscribeFileProgress,
    UnsubscribeFileProgress, UploadFile,
};
use crate::api::http::{DownloadFile, FileData, UploadFileContent};
use crate::client::Client;
use crate::codec::PreparedRequest;
use crate::error::{Error, Result};
use crate::model::{ChatId, FileId, FileReadyState, FileUploadLimits, MessageId, TextContent};
use bytes::Bytes;
use std::fmt;
use std::sync::Arc;
use std::time::Duration;

/// Which part of a transfer a [`Progress`] report is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum TransferStage {
    /// Our upload of the bytes (stage 2 of an upload).
    Uploading,
    /// A download waiting for someone else's upload to reach the server
    /// (`uploadFileProgress`).
    WaitingForUpload,
    /// The download of the bytes.
    Downloading,
}

/// A progress report: `done` of `total` bytes in `stage`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Progress {
    /// The stage.
    pub stage: TransferStage,
    /// Bytes done.
    pub done: u64,
    /// Bytes in all, when known.
    pub total: Option<u64>,
}

impl Progress {
    /// A report.
    pub fn new(stage: TransferStage, done: u64, total: Option<u64>) -> Self {
        Self { stage, done, total }
    }
}

/// Receives [`Progress`] reports. Called on the task doing the transfer: keep it short.
pub type ProgressCallback = Arc<dyn Fn(Progress) + Send + Sync>;

fn report(
    callback: Option<&ProgressCallback>,
    stage: TransferStage,
    done: u64,
    total: Option<u64>,
) {
    if let Some(callback) = callback {
        callback(Progress::new(stage, done, total));
    }
}

/// A file to send: the bytes, and optionally a preview, a caption, the message it replies to,
/// upload limits to check before anything is sent, and a progress callback.
///
/// ```
/// use trueconf_chatbot::files::{FileUpload, TransferStage};
/// use trueconf_chatbot::api::http::FileData;
/// use trueconf_chatbot::model::TextContent;
///
/// let upload = FileUpload::new(FileData::new("report.txt", "text/plain", &b"42"[..]))
///     .caption(TextContent::plain("The report"))
///     .on_progress(|p| {
///         if p.stage == TransferStage::Uploading {
///             println!("{} of {:?} bytes", p.done, p.total);
///         }
///     });
/// # let _ = upload;
/// ```
#[derive(Clone)]
#[must_use]
pub struct FileUpload {
    file: FileData,
    preview: Option<FileData>,
    caption: Option<TextContent>,
    reply_to: Option<MessageId>,
    limits: Option<FileUploadLimits>,
    progress: Option<ProgressCallback>,
}

impl fmt::Debug for FileUpload {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FileUpload")
            .field("file", &self.file)
            .field("preview", &self.preview)
            .field("caption", &self.caption)
            .field("reply_to", &self.reply_to)
            .field("limits", &self.limits)
            .field("progress", &self.progress.as_ref().map(|_| "Fn"))
            .finish()
    }
}

impl FileUpload {
    /// An upload of `file`.
    pub fn new(file: FileData) -> Self {
        Self {
            file,
            preview: None,
            caption: None,
            reply_to: None,
            limits: None,
            progress: None,
        }
    }

    /// Adds a preview image.
    pub fn preview(mut self, preview: FileData) -> Self {
        self.preview = Some(preview);
        self
    }

    /// Adds a caption (at most 4096 visible characters).
    pub fn caption(mut self, caption: TextContent) -> Self {
        self.caption = Some(caption);
        self
    }

    /// Sends the file as a reply.
    pub fn reply_to(mut self, message_id: MessageId) -> Self {
        self.reply_to = Some(message_id);
        self
    }

    /// Checks the file against the server's limits (`getFileUploadLimits`) before anything
    /// is sent.
    pub fn limits(mut self, limits: FileUploadLimits) -> Self {
        self.limits = Some(limits);
        self
    }

    /// Reports progress.
    pub fn on_progress(mut self, callback: impl Fn(Progress) + Send + Sync + 'static) -> Self {
        self.progress = Some(Arc::new(callback));
        self
    }

    /// Checks everything that can be checked before any I/O.
    fn validate(&self, chat_id: Option<&ChatId>) -> Result<()> {
        PreparedRequest::new(&UploadFile::new(self.file.name.clone(), self.file.size()))?;
        if let Some(limits) = &self.limits {
            crate::validate::file(limits, &self.file.name, self.file.size()).map_err(|source| {
                Error::Validation {
                    method: "uploadFile".to_owned(),
                    source,
                }
            })?;
        }
        if let Some(chat_id) = chat_id {
            PreparedRequest::new(&self.send_file(chat_id.clone(), String::new()))?;
        }
        Ok(())
    }

    fn send_file(&self, chat_id: ChatId, temporal_file_id: String) -> SendFile {
        let mut content = FileMessageContent::new(temporal_file_id);
        content.caption = self.caption.clone();
        let mut request = SendFile::new(chat_id, content);
        request.reply_message_id = self.reply_to.clone();
        request
    }
}

impl Client {
    /// Stages 1 and 2 of an upload: `uploadFile`, then the multipart upload. Returns the
    /// `temporalFileId` (for `sendFile` or `editChatAvatar`). Caption and reply are ignored
    /// here.
    ///
    /// # Errors
    ///
    /// [`Error::Validation`] before any I/O (empty name, limits); [`Error::Api`] from
    /// `uploadFile` (310: the file violates the server's limits); HTTP errors of the upload
    /// ([`Error::http_error_body`] holds the file error code 400–408).
    pub async fn upload_file(&self, upload: FileUpload) -> Result<String> {
        upload.validate(None)?;
        self.upload(&upload).await
    }

    async fn upload(&self, upload: &FileUpload) -> Result<String> {
        let file = &upload.file;
        let task = self
            .call(UploadFile::new(file.name.clone(), file.size()))
            .await?;
        let mut request = UploadFileContent::new(task.upload_task_id, file.clone());
        if let Some(preview) = &upload.preview {
            request = request.with_preview(preview.clone());
        }
        let total = file.size() + upload.preview.as_ref().map_or(0, FileData::size);
        report(
            upload.progress.as_ref(),
            TransferStage::Uploading,
            0,
            Some(total),
        );
        if let Some(callback) = &upload.progress {
            let callback = Arc::clone(callback);
            request = request.with_progress(Arc::new(move |done, total| {
                callback(Progress::new(TransferStage::Uploading, done, total));
            }));
        }
        let uploaded = self.http().send(&request).await?;
        Ok(uploaded.temporal_file_id)
    }

    /// All three stages: uploads the file and posts it to `chat_id` with `sendFile`.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> trueconf_chatbot::Result<()> {
    /// use trueconf_chatbot::api::http::FileData;
    /// use trueconf_chatbot::files::FileUpload;
    /// use trueconf_chatbot::testkit::FakeTrueConfServer;
    ///
    /// let server = FakeTrueConfServer::start().await?;
    /// server.add_user("alice", "Alice");
    /// let client = server.bot_client().connect().await?;
    /// let chat = client.create_p2p_chat(server.user_id("alice")).await?.chat_id;
    ///
    /// let sent = client
    ///     .send_file(chat, FileUpload::new(FileData::new("hi.txt", "text/plain", &b"hello"[..])))
    ///     .await?;
    /// assert_eq!(client.download_file(sent.file_id, None).await?, &b"hello"[..]);
    /// # client.shutdown().await;
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    ///
    /// As [`Client::upload_file`], and [`Error::Api`] from `sendFile` (304 unknown chat, 305
    /// not a participant).
    pub async fn send_file(
        &self,
        chat_id: impl Into<ChatId>,
        upload: FileUpload,
    ) -> Result<SentFile> {
        let chat_id = chat_id.into();
        upload.validate(Some(&chat_id))?;
        let temporal_file_id = self.upload(&upload).await?;
        self.call(upload.send_file(chat_id, temporal_file_id)).await
    }

    /// Downloads a file's bytes: waits for someone else's upload to finish when the file is
    /// not READY yet, then fetches `downloadUrl`.
    ///
    /// # Errors
    ///
    /// [`Error::Api`] (308 unknown file); [`Error::FileNotReady`] when the server says the
    /// file is not available, or its upload makes no progress within the request timeout, or
    /// it does not become READY after the upload completed; HTTP errors of the download.
    pub async fn download_file(
        &self,
        file_id: impl Into<FileId>,
        progress: Option<ProgressCallback>,
    ) -> Result<Bytes> {
        let file_id = file_id.into();
        let mut info = self.file_info(file_id.clone()).await?;
        if info.ready_state != FileReadyState::Ready {
            info = self
                .wait_until_ready(&file_id, info, progress.as_ref())
                .await?;
        }
        let Some(url) = info.download_url.clone() else {
            return Err(not_ready(
                &file_id,
                &info,
                "it is READY but has no download URL",
            ));
        };
        report(
            progress.as_ref(),
            TransferStage::Downloading,
            0,
            Some(info.size),
        );
        let bytes = self
            .http()
            .send(&DownloadFile::new(url.clone()))
            .await
            .map_err(|e| Error::Transport(crate::api::http::redact_error(e, &url)))?;
        let len = bytes.len() as u64;
        report(
            progress.as_ref(),
            TransferStage::Downloading,
            len,
            Some(len),
        );
        Ok(bytes)
    }

    async fn wait_until_ready(
        &self,
        file_id: &FileId,
        info: FileInfo,
        progress: Option<&ProgressCallback>,
    ) -> Result<FileInfo> {
        if info.ready_state == FileReadyState::NotAvailable {
            return Err(not_ready(
                file_id,
                &info,
                "the server says it is not available",
            ));
        }
        // Watch before subscribing, so no progress notification can slip through.
        let watch = self.session().watch_progress(file_id);
        self.call(SubscribeFileProgress::new(file_id.clone()))
            .await?;
        let result = self
            .follow_upload(file_id, watch.receiver.clone(), progress)
            .await;
        // Best effort: the subscription ends with the connection anyway.
        if let Err(error) = self
            .call(UnsubscribeFileProgress::new(file_id.clone()))
            .await
        {
            tracing::debug!(%error, "unsubscribeFileProgress failed");
        }
        drop(watch);
        result
    }

    async fn follow_upload(
        &self,
        file_id: &FileId,
        mut receiver: tokio::sync::watch::Receiver<u64>,
        progress: Option<&ProgressCallback>,
    ) -> Result<FileInfo> {
        // It may have become ready between the first look and the subscription.
        let info = self.file_info(file_id.clone()).await?;
        if info.ready_state == FileReadyState::Ready {
            return Ok(info);
        }
        let size = info.size;
        let quiet = self.request_timeout();
        loop {
            let done = *receiver.borrow_and_update();
            report(progress, TransferStage::WaitingForUpload, done, Some(size));
            if done >= size {
                break;
            }
            match tokio::time::timeout(quiet, receiver.changed()).await {
                Ok(Ok(())) => {}
                // The watch ended (cannot happen while we hold it) or no progress for a
                // while: look at the file once more.
                Ok(Err(_)) | Err(_) => {
                    let info = self.file_info(file_id.clone()).await?;
                    return match info.ready_state {
                        FileReadyState::Ready => Ok(info),
                        _ => Err(not_ready(
                            file_id,
                            &info,
                            &format!("its upload made no progress for {quiet:?}"),
                        )),
                    };
                }
            }
        }
        // The bytes are there; the server may need a moment to mark the file READY.
        const POLLS: u32 = 20;
        const POLL_EVERY: Duration = Duration::from_millis(500);
        let mut info = self.file_info(file_id.clone()).await?;
        for _ in 0..POLLS {
            if info.ready_state == FileReadyState::Ready {
                return Ok(info);
            }
            tokio::time::sleep(POLL_EVERY).await;
            info = self.file_info(file_id.clone()).await?;
        }
        if info.ready_state == FileReadyState::Ready {
            return Ok(info);
        }
        Err(not_ready(
            file_id,
            &info,
            "its upload completed but it did not become READY",
        ))
    }
}

fn not_ready(file_id: &FileId, info: &FileInfo, reason: &str) -> Error {
    Error::FileNotReady {
        file_id: file_id.clone(),
        state: info.ready_state,
        reason: reason.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ExtensionFilter, ExtensionMode};

    #[test]
    fn uploads_are_checked_before_any_io() {
        let empty_name = FileUpload::new(FileData::new("", "text/plain", &b"x"[..]));
        assert!(matches!(
            empty_name.validate(None),
            Err(Error::Validation { method, .. }) if method == "uploadFile"
        ));
        let limits = FileUploadLimits::new(Some(3)).with_extensions(ExtensionFilter::new(
            ExtensionMode::Block,
            vec!["exe".into()],
        ));
        let too_big = FileUpload::new(FileData::new("a.txt", "text/plain", &b"1234"[..]))
            .limits(limits.clone());
        assert!(
            too_big
                .validate(None)
                .unwrap_err()
                .to_string()
                .contains("at most 3")
        );
        let blocked =
            FileUpload::new(FileData::new("a.exe", "application/x", &b"1"[..])).limits(limits);
        assert!(blocked.validate(None).is_err());
        let long_caption = FileUpload::new(FileData::new("a.txt", "text/plain", &b"1"[..]))
            .caption(TextContent::plain("x".repeat(4097)));
        assert!(long_caption.validate(None).is_ok());
        assert!(matches!(
            long_caption.validate(Some(&ChatId::new("c"))),
            Err(Error::Validation { method, .. }) if method == "sendFile"
        ));
    }

    #[test]
    fn send_file_request_carries_caption_and_reply() {
        let upload = FileUpload::new(FileData::new("a.txt", "text/plain", &b"1"[..]))
            .caption(TextContent::plain("cap"))
            .reply_to(MessageId::new("m1"));
        let request = upload.send_file(ChatId::new("c"), "tmp".into());
        assert_eq!(request.content.temporal_file_id, "tmp");
        assert_eq!(request.content.caption.unwrap().text, "cap");
        assert_eq!(request.reply_message_id.unwrap(), "m1");
        assert!(format!("{upload:?}").contains("a.txt"));
    }
}

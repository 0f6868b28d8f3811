//! File methods. Uploading is three steps: `uploadFile` (get an `uploadTaskId`), an HTTP
//! multipart `POST /bridge/api/client/v1/files` (get a `temporalFileId`), then `sendFile`.
//! Downloading: `getFileInfo` until `readyState` is READY, then `GET downloadUrl`.

mod get_file_info;
mod get_file_upload_limits;
mod send_file;
mod subscribe_file_progress;
mod unsubscribe_file_progress;
mod upload_file;

pub use get_file_info::{FileInfo, FilePreview, GetFileInfo};
pub use get_file_upload_limits::GetFileUploadLimits;
pub use send_file::{FileMessageContent, SendFile, SentFile};
pub use subscribe_file_progress::SubscribeFileProgress;
pub use unsubscribe_file_progress::UnsubscribeFileProgress;
pub use upload_file::{UploadFile, UploadTask};

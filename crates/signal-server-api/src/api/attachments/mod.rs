//! Tag `Attachments` (3 operations): attachment upload forms (v2 S3-style, v3/v4 resumable).

mod get_attachment_upload_form;
mod get_attachment_upload_form_1;
mod get_attachment_upload_form_2;

pub use get_attachment_upload_form::{AttachmentDescriptorV2, GetAttachmentUploadForm};
pub use get_attachment_upload_form_1::GetAttachmentUploadForm1;
pub use get_attachment_upload_form_2::GetAttachmentUploadForm2;

//! [`AttachmentDescriptorV3`]: a resumable upload form.

use super::CdnHeaders;
use serde::{Deserialize, Serialize};

/// A resumable upload form (attachments v3/v4): which CDN protocol to use, where to upload and
/// with which headers.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct AttachmentDescriptorV3 {
    /// The CDN: 2 for GCS resumable uploads, 3 for TUS.
    #[serde(default)]
    pub cdn: u32,
    /// Where the finished upload will be found on that CDN.
    #[serde(default)]
    pub key: String,
    /// Headers for every upload request (may include time-limited credentials).
    #[serde(default)]
    pub headers: CdnHeaders,
    /// The URL to upload to.
    #[serde(default)]
    pub signed_upload_location: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes() {
        let d: AttachmentDescriptorV3 = serde_json::from_str(
            r#"{"cdn":3,"key":"k1","headers":{"Authorization":"Basic x"},"signedUploadLocation":"https://cdn3.example/upload"}"#,
        )
        .unwrap();
        assert_eq!(d.cdn, 3);
        assert_eq!(d.headers.get("Authorization"), Some("Basic x"));
        assert_eq!(d.signed_upload_location, "https://cdn3.example/upload");
    }
}

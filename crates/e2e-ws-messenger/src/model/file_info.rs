//! [`FileInfo`]: the `FileInfo` object shared by several messages.

use crate::model::unknown_fields::{UnknownFields, collect_extra};
use crate::model::{Base64Data, ConversationUuid, MessageUuid};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// A file attached to a message (`ResponseFiles.files[]`).
///
/// `downloadUrl` follows `<base>/download/conversation_<conversationUuid>/<messageUuid>_<name>`
/// where `<name>` is `fileNameEncrypted` with `/` turned into `_`; see
/// [`FileInfo::download_ids`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct FileInfo {
    /// The encrypted file name (no IV of its own: the message body's key and IV are reused).
    pub file_name_encrypted: Base64Data,
    /// Where to download the (encrypted) file; plain `http://` in the samples.
    pub download_url: String,
    /// Width in pixels; `-1` when unknown.
    pub width: i32,
    /// Height in pixels; `-1` when unknown.
    pub height: i32,
    /// Duration in seconds; `null` for images (documented as non-null).
    #[serde(default)]
    pub duration: Option<i64>,
    /// Size in bytes (of the plaintext or the ciphertext: unknown).
    pub size: u64,
    /// The encrypted name of the preview, if there is one.
    #[serde(default)]
    pub preview_file_name_encrypted: Option<Base64Data>,
    /// The MIME type, in plaintext (`image/jpeg`, `audio/mpeg`).
    pub mime_type: String,
    /// Fields this crate does not know, kept so that re-serializing loses nothing.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

impl FileInfo {
    /// A `FileInfo` with the given fields; the others start empty, `false` or `0`.
    pub fn new(
        file_name_encrypted: Base64Data,
        download_url: impl Into<String>,
        mime_type: impl Into<String>,
    ) -> Self {
        Self {
            file_name_encrypted,
            download_url: download_url.into(),
            width: -1,
            height: -1,
            duration: None,
            size: 0,
            preview_file_name_encrypted: None,
            mime_type: mime_type.into(),
            extra: BTreeMap::new(),
        }
    }

    /// The conversation and message ids named in `downloadUrl`
    /// (`…/conversation_<conversationUuid>/<messageUuid>_…`), when the URL has that shape.
    pub fn download_ids(&self) -> Option<(ConversationUuid, MessageUuid)> {
        let (_, after) = self.download_url.rsplit_once("/conversation_")?;
        let (conversation, rest) = after.split_once('/')?;
        let (message, _) = rest.split_once('_')?;
        let conversation = ConversationUuid::new(conversation).ok()?;
        let message = MessageUuid::new(message).ok()?;
        Some((conversation, message))
    }
}

impl UnknownFields for FileInfo {
    fn collect_unknown_fields(&self, path: &str, out: &mut Vec<String>) {
        collect_extra(&self.extra, path, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{Kind, round_trip, seed};

    #[test]
    fn seed_response_files_files_0() {
        let sample = seed::sample(Kind::Response, "ResponseFiles");
        let value: FileInfo = round_trip(
            sample
                .pointer("/files/0")
                .expect("seed sample has /files/0"),
        );
        assert_eq!(
            value.file_name_encrypted.as_str(),
            "swsdfoND1/pHOzG3OFdjeJqoU3iAjcSl8O4/LXy+VOEgB4sv57RfULw="
        );
        assert!(
            value
                .download_url
                .starts_with("http://192.168.2.25:80/download/conversa")
        );
        assert_eq!(value.download_url.len(), 175);
        assert_eq!(value.width, 632);
        assert_eq!(value.height, 1368);
        assert!(value.duration.is_none());
        assert_eq!(value.size, 380038);
        assert_eq!(
            value
                .preview_file_name_encrypted
                .as_ref()
                .map(|v| v.as_str()),
            Some("swsdfoND1/pHOzG3OFdjeJqoU3iAjcSl8O4/LXy+VOEgB4svlq5dUK0twHGnLTIuoA==")
        );
        assert_eq!(value.mime_type, "image/jpeg");
    }

    #[test]
    fn seed_response_files_files_1() {
        let sample = seed::sample(Kind::Response, "ResponseFiles");
        let value: FileInfo = round_trip(
            sample
                .pointer("/files/1")
                .expect("seed sample has /files/1"),
        );
        assert_eq!(
            value.file_name_encrypted.as_str(),
            "swsdfoND1/pHOzG3OFdjeJqoU3iAjcSl8O4/LXy+VOEgB4svlq5dUK0twHGnLTIuoA=="
        );
        assert!(
            value
                .download_url
                .starts_with("http://192.168.2.25:80/download/conversa")
        );
        assert_eq!(value.download_url.len(), 187);
        assert_eq!(value.width, 333);
        assert_eq!(value.height, 720);
        assert_eq!(value.size, 157244);
        assert!(value.preview_file_name_encrypted.is_none());
    }

    #[test]
    fn download_ids_come_from_the_url_when_it_has_the_documented_shape() {
        let sample = seed::sample(Kind::Response, "ResponseFiles");
        let file: FileInfo = serde_json::from_value(sample["files"][0].clone()).unwrap();
        let (conversation, message) = file.download_ids().unwrap();
        assert_eq!(
            conversation.as_str(),
            "2A22B9FB-3F79-4839-A3D6-B25B234E76F1"
        );
        assert_eq!(message.as_str(), "F0DD7FEE-B581-4C9B-BDC2-0D721A9C9ADA");
        // The second sample's URL is cut short in the seed.
        let fast = seed::samples(Kind::Response, "ResponseFiles").remove(1);
        let cut: FileInfo = serde_json::from_value(fast["files"][0].clone()).unwrap();
        assert_eq!(cut.download_ids(), None);
        let mut other = file.clone();
        other.download_url = "https://cdn.example/blobs/abc".into();
        assert_eq!(other.download_ids(), None);
    }
}

//! `FileReadyNotification` (server → client).

use crate::api::{WireMessage, WireNotification};
use crate::model::unknown_fields::{UnknownFields, collect_extra};
use crate::model::{ConversationUuid, MessageUuid};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// `FileReadyNotification`: an uploaded file can be downloaded.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct FileReadyNotification {
    /// Where to download it.
    pub download_url: String,
    /// The conversation.
    pub conversation_uuid: ConversationUuid,
    /// The message.
    pub message_uuid: MessageUuid,
    /// Fields this crate does not know, kept so that re-serializing loses nothing.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

impl FileReadyNotification {
    /// A `FileReadyNotification` with the given fields.
    pub fn new(
        download_url: impl Into<String>,
        conversation_uuid: ConversationUuid,
        message_uuid: MessageUuid,
    ) -> Self {
        Self {
            download_url: download_url.into(),
            conversation_uuid,
            message_uuid,
            extra: BTreeMap::new(),
        }
    }
}

impl UnknownFields for FileReadyNotification {
    fn collect_unknown_fields(&self, path: &str, out: &mut Vec<String>) {
        collect_extra(&self.extra, path, out);
    }
}

impl WireMessage for FileReadyNotification {
    const WIRE_NAME: &'static str = "FileReadyNotification";
}

impl WireNotification for FileReadyNotification {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{Kind, round_trip, seed};

    #[test]
    fn seed_sample_round_trips() {
        let value: FileReadyNotification =
            round_trip(&seed::sample(Kind::Notification, "FileReadyNotification"));
        assert!(
            value
                .download_url
                .starts_with("http://192.168.2.25:80/download/conversa")
        );
        assert_eq!(value.download_url.len(), 167);
        assert_eq!(
            value.conversation_uuid.as_str(),
            "2A22B9FB-3F79-4839-A3D6-B25B234E76F1"
        );
        assert_eq!(
            value.message_uuid.as_str(),
            "eaa5835e-30ff-498f-9a95-eb8a8ae93564"
        );
    }
}

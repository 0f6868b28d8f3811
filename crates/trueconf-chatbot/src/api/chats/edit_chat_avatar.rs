//! `editChatAvatar` — set or remove a chat's image (5.5.3+). Upload the image first
//! (`uploadFile` + HTTP upload) and pass its `temporalFileId`; `None` removes the image.

use crate::api::Method;
use crate::model::{ChatId, Timestamp};
use serde::{Deserialize, Serialize};

/// The `editChatAvatar` request. `temporalFileId` is always sent (`null` removes the image).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct EditChatAvatar {
    /// The chat.
    pub chat_id: ChatId,
    /// The uploaded image, or `None` to remove the image.
    #[serde(default)]
    pub temporal_file_id: Option<String>,
}

impl EditChatAvatar {
    /// Sets (`Some`) or removes (`None`) the image of `chat_id`.
    pub fn new(chat_id: ChatId, temporal_file_id: Option<String>) -> Self {
        Self {
            chat_id,
            temporal_file_id,
        }
    }
}

/// The `editChatAvatar` response. Undocumented (the official client models it as an empty
/// object); fields are read when present.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ChatAvatarResult {
    /// The chat, if the server says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chat_id: Option<ChatId>,
    /// When, if the server says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timestamp: Option<Timestamp>,
}

impl Method for EditChatAvatar {
    const NAME: &'static str = "editChatAvatar";
    type Response = ChatAvatarResult;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::{encoded, request_sample, response_sample};
    use serde_json::json;

    #[test]
    fn seed_sample_and_removal() {
        let request: EditChatAvatar = request_sample(
            r#"{
"type": 1,
"id": 1,
"method": "editChatAvatar",
"payload": {
"chatId": "29bc6e4d0f99105b50f419eff03a1ed58da9db6c",
"temporalFileId": "8157ea50-fd9e-4b27-bb93-d9045bc65c48"
}
}"#,
        );
        assert_eq!(
            request.temporal_file_id.as_deref(),
            Some("8157ea50-fd9e-4b27-bb93-d9045bc65c48")
        );
        assert_eq!(
            encoded(&EditChatAvatar::new(ChatId::new("c"), None))["payload"],
            json!({"chatId": "c", "temporalFileId": null})
        );
        assert_eq!(
            response_sample::<EditChatAvatar>(r#"{"type":2,"id":1,"payload":{}}"#),
            ChatAvatarResult::default()
        );
        let full = response_sample::<EditChatAvatar>(
            r#"{"type":2,"id":1,"payload":{"chatId":"c","timestamp":1765115572804}}"#,
        );
        assert_eq!(full.chat_id, Some(ChatId::new("c")));
    }
}

//! `editChatTitle` — rename a chat (5.5.3+).

use crate::api::Method;
use crate::model::{ChatId, Timestamp};
use crate::validate::{self, ValidationError};
use serde::{Deserialize, Serialize};

/// The `editChatTitle` request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct EditChatTitle {
    /// The chat.
    pub chat_id: ChatId,
    /// The new title (1–255 characters).
    pub title: String,
}

impl EditChatTitle {
    /// Renames `chat_id` to `title`.
    pub fn new(chat_id: ChatId, title: impl Into<String>) -> Self {
        Self {
            chat_id,
            title: title.into(),
        }
    }
}

/// The `editChatTitle` response.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ChatTitleResult {
    /// The renamed chat.
    pub chat_id: ChatId,
    /// When it was renamed.
    pub timestamp: Timestamp,
}

impl ChatTitleResult {
    /// A rename result.
    pub fn new(chat_id: ChatId, timestamp: Timestamp) -> Self {
        Self { chat_id, timestamp }
    }
}

impl Method for EditChatTitle {
    const NAME: &'static str = "editChatTitle";
    type Response = ChatTitleResult;

    fn validate(&self) -> Result<(), ValidationError> {
        validate::title("title", &self.title)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::{request_sample, response_sample};

    #[test]
    fn seed_samples() {
        let request: EditChatTitle = request_sample(
            r#"{
"type": 1,
"id": 1,
"method": "editChatTitle",
"payload": {
"chatId": "29bc6e4d0f99105b50f419eff03a1ed58da9db6c",
"title": "New title"
}
}"#,
        );
        assert_eq!(request.title, "New title");
        let response = response_sample::<EditChatTitle>(
            r#"{
"type": 2,
"id": 2,
"payload": {
"chatId": "29bc6e4d0f99105b50f419eff03a1ed58da9db6c",
"timestamp": 1765115572804
}
}"#,
        );
        assert_eq!(response.timestamp.as_millis(), 1_765_115_572_804);
        assert!(EditChatTitle::new(ChatId::new("c"), "").validate().is_err());
    }
}

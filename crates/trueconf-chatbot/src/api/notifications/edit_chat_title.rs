//! `editChatTitle` notification — a chat was renamed (5.5.3+).

use crate::model::ChatId;
use serde::{Deserialize, Serialize};

/// The payload of the `editChatTitle` notification.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ChatTitleEdited {
    /// The chat.
    pub chat_id: ChatId,
    /// The new title.
    pub title: String,
}

impl ChatTitleEdited {
    /// A rename event.
    pub fn new(chat_id: ChatId, title: impl Into<String>) -> Self {
        Self {
            chat_id,
            title: title.into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::Notification;
    use super::super::test_support::notification_sample;
    use super::*;

    #[test]
    fn seed_sample() {
        let n = notification_sample(
            r#"{
"method": "editChatTitle",
"type": 1,
"id": 1,
"payload": {
"chatId": "29bc6e4d0f99105b50f419eff03a1ed58da9db6c",
"title": "New title"
}
}"#,
        );
        assert_eq!(
            n,
            Notification::ChatTitleEdited(ChatTitleEdited::new(
                ChatId::new("29bc6e4d0f99105b50f419eff03a1ed58da9db6c"),
                "New title"
            ))
        );
    }
}

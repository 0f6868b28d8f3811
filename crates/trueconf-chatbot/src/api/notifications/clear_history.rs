//! `clearHistory` notification — a chat's history was cleared (5.5.3+).

use crate::model::ChatId;
use serde::{Deserialize, Serialize};

/// The payload of the `clearHistory` notification.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ChatHistoryCleared {
    /// The chat.
    pub chat_id: ChatId,
    /// True if cleared for everyone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub for_all: Option<bool>,
}

impl ChatHistoryCleared {
    /// A history-cleared event.
    pub fn new(chat_id: ChatId, for_all: Option<bool>) -> Self {
        Self { chat_id, for_all }
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
"type": 1,
"id": 1,
"method": "clearHistory",
"payload": {
"chatId": "c8c3eee8-9ad0-4638-9692-ad16391a4256",
"forAll": false
}
}"#,
        );
        assert_eq!(
            n,
            Notification::HistoryCleared(ChatHistoryCleared::new(
                ChatId::new("c8c3eee8-9ad0-4638-9692-ad16391a4256"),
                Some(false)
            ))
        );
    }
}

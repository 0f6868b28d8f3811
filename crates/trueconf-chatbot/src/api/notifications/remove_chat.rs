//! `removeChat` notification — a chat the bot was in was removed.

use crate::model::ChatId;
use serde::{Deserialize, Serialize};

/// The payload of the `removeChat` notification.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ChatRemoved {
    /// The removed chat.
    pub chat_id: ChatId,
}

impl ChatRemoved {
    /// A removal event.
    pub fn new(chat_id: ChatId) -> Self {
        Self { chat_id }
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
"method": "removeChat",
"type": 1,
"id": 1,
"payload": {
"chatId": "84960c6d80afa729b0fd42d35331de5814cc3e9a"
}
}"#,
        );
        assert_eq!(
            n,
            Notification::ChatRemoved(ChatRemoved::new(ChatId::new(
                "84960c6d80afa729b0fd42d35331de5814cc3e9a"
            )))
        );
    }
}

//! `editChatAvatar` notification — a chat's image changed (5.5.3+).

use crate::model::ChatId;
use serde::{Deserialize, Serialize};

/// The payload of the `editChatAvatar` notification.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ChatAvatarEdited {
    /// The chat.
    pub chat_id: ChatId,
    /// The new image; `null` when it was removed.
    #[serde(default)]
    pub avatar_url: Option<String>,
}

impl ChatAvatarEdited {
    /// An avatar change (`None` = removed).
    pub fn new(chat_id: ChatId, avatar_url: Option<String>) -> Self {
        Self {
            chat_id,
            avatar_url,
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
"method": "editChatAvatar",
"type": 1,
"id": 12,
"payload": {
"chatId": "af9d5017f77a5bb81628e123e1061e49dfa29f80",
"avatarUrl": "http://10.110.2.241/bridge/api/client/v1/message/123657c5-1b4f-4416-ae97-fbbc5b5b522d/preview"
}
}"#,
        );
        let Notification::ChatAvatarEdited(a) = n else {
            panic!("wrong kind")
        };
        assert!(a.avatar_url.unwrap().ends_with("/preview"));
    }

    #[test]
    fn removed_avatar_is_null() {
        let n = notification_sample(
            r#"{"method":"editChatAvatar","type":1,"id":13,"payload":{"chatId":"c","avatarUrl":null}}"#,
        );
        assert_eq!(
            n,
            Notification::ChatAvatarEdited(ChatAvatarEdited::new(ChatId::new("c"), None))
        );
    }
}

//! `sendChatActivity` — show "typing…" (or another activity) in a chat. The server
//! rate-limits it and says when the next one may be sent (`retryAfter`).

use crate::api::Method;
use crate::model::{ActivityType, ChatId};
use serde::{Deserialize, Serialize};
use std::time::Duration;

/// The `sendChatActivity` request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct SendChatActivity {
    /// The chat.
    pub chat_id: ChatId,
    /// The activity.
    pub activity_type: ActivityType,
}

impl SendChatActivity {
    /// Shows `activity_type` in `chat_id`.
    pub fn new(chat_id: ChatId, activity_type: ActivityType) -> Self {
        Self {
            chat_id,
            activity_type,
        }
    }
}

/// The `sendChatActivity` response.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ChatActivity {
    /// The chat.
    pub chat_id: ChatId,
    /// The activity.
    pub activity_type: ActivityType,
    /// Milliseconds to wait before the next activity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry_after: Option<u64>,
}

impl ChatActivity {
    /// An activity result.
    pub fn new(chat_id: ChatId, activity_type: ActivityType, retry_after: Option<u64>) -> Self {
        Self {
            chat_id,
            activity_type,
            retry_after,
        }
    }

    /// [`ChatActivity::retry_after`] as a duration.
    pub fn retry_after_duration(&self) -> Option<Duration> {
        self.retry_after.map(Duration::from_millis)
    }
}

impl Method for SendChatActivity {
    const NAME: &'static str = "sendChatActivity";
    type Response = ChatActivity;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::{request_sample, response_sample};

    #[test]
    fn request_and_response() {
        let request: SendChatActivity = request_sample(
            r#"{"type":1,"id":12,"method":"sendChatActivity","payload":{"chatId":"c","activityType":"typing"}}"#,
        );
        assert_eq!(request.activity_type, ActivityType::Typing);
        let r = response_sample::<SendChatActivity>(
            r#"{"type":2,"id":12,"payload":{"chatId":"c","activityType":"typing","retryAfter":4500}}"#,
        );
        assert_eq!(r.retry_after_duration(), Some(Duration::from_millis(4500)));
    }
}

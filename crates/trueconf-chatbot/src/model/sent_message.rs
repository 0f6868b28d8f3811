//! [`SentMessage`]: where a new message landed (`sendMessage`, `forwardMessage` responses).

use super::{ChatId, MessageId, Timestamp};
use serde::{Deserialize, Serialize};

/// The response of `sendMessage` and `forwardMessage`: the new message's id and time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct SentMessage {
    /// The chat the message was posted to.
    pub chat_id: ChatId,
    /// The new message.
    pub message_id: MessageId,
    /// When it was posted.
    pub timestamp: Timestamp,
}

impl SentMessage {
    /// A sent-message record.
    pub fn new(chat_id: ChatId, message_id: MessageId, timestamp: Timestamp) -> Self {
        Self {
            chat_id,
            message_id,
            timestamp,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn round_trip() {
        let raw = json!({"chatId": "c", "messageId": "m", "timestamp": 1746028006345u64});
        let s: SentMessage = serde_json::from_value(raw.clone()).unwrap();
        assert_eq!(s.timestamp.as_millis(), 1_746_028_006_345);
        assert_eq!(serde_json::to_value(&s).unwrap(), raw);
    }
}

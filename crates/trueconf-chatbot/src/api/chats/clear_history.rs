//! `clearHistory` — delete all messages of a chat (5.5.3+).

use crate::api::Method;
use crate::model::{ChatId, Empty};
use serde::{Deserialize, Serialize};

/// The `clearHistory` request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ClearHistory {
    /// The chat.
    pub chat_id: ChatId,
    /// Clear for everyone (needs rights in groups and channels); server default `false`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub for_all: Option<bool>,
}

impl ClearHistory {
    /// Clears `chat_id` (for everyone if `for_all`).
    pub fn new(chat_id: ChatId, for_all: bool) -> Self {
        Self {
            chat_id,
            for_all: Some(for_all),
        }
    }
}

impl Method for ClearHistory {
    const NAME: &'static str = "clearHistory";
    type Response = Empty;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::{request_sample, response_sample};

    #[test]
    fn seed_samples() {
        let request: ClearHistory = request_sample(
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
            request,
            ClearHistory::new(ChatId::new("c8c3eee8-9ad0-4638-9692-ad16391a4256"), false)
        );
        assert_eq!(
            response_sample::<ClearHistory>(
                r#"{
"type": 2,
"id": 1,
"payload": {}
}"#
            ),
            Empty::new()
        );
    }
}

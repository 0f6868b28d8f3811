//! `getChatByID` — one chat's details.

use crate::api::Method;
use crate::model::{Chat, ChatId};
use serde::{Deserialize, Serialize};

/// The `getChatByID` request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct GetChatById {
    /// The chat.
    pub chat_id: ChatId,
}

impl GetChatById {
    /// Asks for `chat_id`.
    pub fn new(chat_id: ChatId) -> Self {
        Self { chat_id }
    }
}

impl Method for GetChatById {
    const NAME: &'static str = "getChatByID";
    type Response = Chat;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::{request_sample, response_sample};
    use crate::model::{AuthorType, ChatType, ParseMode};

    #[test]
    fn seed_samples() {
        let request: GetChatById = request_sample(
            r#"{
"type": 1,
"id": 1,
"method": "getChatByID",
"payload": {
"chatId": "2b896a6ef210d6b2dcaebc2186c9a7974d616054"
}
}"#,
        );
        assert_eq!(request.chat_id, "2b896a6ef210d6b2dcaebc2186c9a7974d616054");
        let chat = response_sample::<GetChatById>(
            r#"{
"type": 2,
"id": 1,
"payload": {
"chatId": "2b896a6ef210d6b2dcaebc2186c9a7974d616054",
"title": "TrueConf Server Administrators’ Chat",
"chatType": 2,
"unreadMessages": 0,
"lastMessage": {
"messageId": "267d61f2-2ba1-4e88-83ab-bb84415f31b6",
"timestamp": 1746028006345,
"author": {
"id": "brown@video.example.com",
"type": 1
},
"type": 200,
"content": {
"text": "What's up?",
"parseMode": "html"
}
}
}
}"#,
        );
        assert_eq!(chat.chat_type, ChatType::Group);
        let last = chat.last_message.unwrap();
        assert_eq!(last.chat_id, None);
        assert_eq!(last.author.kind, AuthorType::User);
        assert_eq!(
            last.content.text().map(|t| &t.parse_mode),
            Some(&ParseMode::Html)
        );
    }

    #[test]
    fn null_last_message() {
        // python-trueconf-bot issues #2 and #4.
        let chat = response_sample::<GetChatById>(
            r#"{"type":2,"id":1,"payload":{"chatId":"c","title":"Empty","chatType":2,"unreadMessages":0,"lastMessage":null}}"#,
        );
        assert_eq!(chat.last_message, None);
    }
}

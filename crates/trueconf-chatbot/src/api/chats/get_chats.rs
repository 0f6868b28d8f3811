//! `getChats` — the chats the bot is in, one page at a time. The response payload is a JSON
//! **array**.

use crate::api::Method;
use crate::model::Chat;
use crate::validate::{self, ValidationError};
use serde::{Deserialize, Serialize};

/// The `getChats` request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct GetChats {
    /// The most chats in the response.
    pub count: u32,
    /// The page, from 1.
    pub page: u32,
}

impl GetChats {
    /// Page `page` (from 1) of `count` chats.
    pub fn new(count: u32, page: u32) -> Self {
        Self { count, page }
    }
}

impl Method for GetChats {
    const NAME: &'static str = "getChats";
    type Response = Vec<Chat>;

    fn validate(&self) -> Result<(), ValidationError> {
        validate::at_least("page", u64::from(self.page), 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::{request_sample, response_sample};
    use crate::model::ChatType;

    #[test]
    fn seed_samples() {
        let request: GetChats = request_sample(
            r#"{
"type": 1,
"id": 1,
"method": "getChats",
"payload": {
"count": 10,
"page": 1
}
}"#,
        );
        assert_eq!(request, GetChats::new(10, 1));
        let chats = response_sample::<GetChats>(
            r#"{
"type": 2,
"id": 1,
"payload": [
{
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
},
{
"chatId": "4a1f88f1070d2f43d385cde9ff61964bc6b74477",
"title": "chester@video.example.com",
"chatType": 1,
"unreadMessages": 1,
"lastMessage": {
"messageId": "d4f756a2-8dd1-4cce-af7c-5a4311af0c79",
"timestamp": 1746028006690,
"author": {
"id": "chester@video.example.com",
"type": 1
},
"type": 200,
"content": {
"text": "Hello!",
"parseMode": "html"
}
}
},
{
"chatId": "5abba630dd1089090ba41c69c7aa34e4ba277a43",
"title": "Project Announcements",
"chatType": 6,
"unreadMessages": 1,
"lastMessage": {
"messageId": "267d61f2-2ba1-4e88-83ab-bb84415f31b6",
"timestamp": 1746028006345,
"author": {
"id": "brown@video.example.com",
"type": 1
},
"type": 200,
"content": {
"text": "Hello everyone!",
"parseMode": "html"
}
}
}
]
}"#,
        );
        let types: Vec<ChatType> = chats.iter().map(|c| c.chat_type).collect();
        assert_eq!(types, [ChatType::Group, ChatType::P2p, ChatType::Channel]);
        assert_eq!(
            chats[2].last_message.as_ref().and_then(|m| m.text()),
            Some("Hello everyone!")
        );
    }

    #[test]
    fn page_starts_at_one() {
        assert!(GetChats::new(10, 0).validate().is_err());
        assert!(GetChats::new(10, 1).validate().is_ok());
    }
}

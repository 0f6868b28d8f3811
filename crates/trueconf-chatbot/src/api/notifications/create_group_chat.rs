//! `createGroupChat` notification — the bot was added to a new group chat; the payload is a
//! [`Chat`](crate::model::Chat).

#[cfg(test)]
mod tests {
    use super::super::Notification;
    use super::super::test_support::notification_sample;
    use crate::model::{ChatType, EnvelopeContent, Role};

    #[test]
    fn seed_sample() {
        let n = notification_sample(
            r#"{
"method": "createGroupChat",
"type": 1,
"id": 14,
"payload": {
"chatId": "08d5dbda94a9de4b7554e3b4355307f9e97ffdb7",
"title": "Marketing",
"chatType": 2,
"lastMessage": {
"chatId": "08d5dbda94a9de4b7554e3b4355307f9e97ffdb7",
"messageId": "cccea4a7-24b4-4b2c-8c50-67d01bce17bf",
"timestamp": 1746029638147,
"author": {
"id": "user@video.example.com",
"type": 0
},
"type": 110,
"content": {
"userId": "bot@video.example.com",
"role": "user"
}
},
"unreadMessages": 2
}
}"#,
        );
        let Notification::GroupChatCreated(chat) = n else {
            panic!("wrong kind")
        };
        assert_eq!(chat.chat_type, ChatType::Group);
        assert_eq!(chat.title.as_deref(), Some("Marketing"));
        let content = chat.last_message.map(|m| m.content);
        assert!(
            matches!(content, Some(EnvelopeContent::ParticipantRoleChanged(p)) if p.role == Some(Role::User) && p.user_id == "bot@video.example.com")
        );
    }
}

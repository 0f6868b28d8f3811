//! `createChannel` notification — the bot was added to a new channel; the payload is a
//! [`Chat`](crate::model::Chat).

#[cfg(test)]
mod tests {
    use super::super::Notification;
    use super::super::test_support::notification_sample;
    use crate::model::ChatType;

    #[test]
    fn seed_sample() {
        let n = notification_sample(
            r#"{
"method": "createChannel",
"type": 1,
"id": 14,
"payload": {
"chatId": "08d5dbda94a9de4b7554e3b4355307f9e97ffdb7",
"title": "Important Announcements",
"chatType": 6,
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
        let Notification::ChannelCreated(chat) = n else {
            panic!("wrong kind")
        };
        assert_eq!(chat.chat_type, ChatType::Channel);
        assert_eq!(chat.title.as_deref(), Some("Important Announcements"));
    }
}

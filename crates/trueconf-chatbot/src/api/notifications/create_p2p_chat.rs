//! `createP2PChat` notification — another user started a personal chat with the bot; the
//! payload is a [`Chat`](crate::model::Chat).

#[cfg(test)]
mod tests {
    use super::super::Notification;
    use super::super::test_support::notification_sample;
    use crate::model::ChatType;

    #[test]
    fn seed_sample() {
        let n = notification_sample(
            r#"{
"method": "createP2PChat",
"type": 1,
"id": 2,
"payload": {
"chatId": "bd05af54347e04a1c44e70033d35834d4428bb5d",
"title": "brown@video.example.com",
"chatType": 1,
"lastMessage": {
"chatId": "bd05af54347e04a1c44e70033d35834d4428bb5d",
"messageId": "d8bdd362-2656-46ff-a1db-8dadd2b76250",
"timestamp": 1746028006345,
"author": {
"id": "brown@video.example.com",
"type": 1
},
"type": 200,
"content": {
"text": "What's up?",
"parseMode": "text"
}
},
"unreadMessages": 1
}
}"#,
        );
        let Notification::P2pChatCreated(chat) = n else {
            panic!("wrong kind")
        };
        assert_eq!(chat.chat_type, ChatType::P2p);
        assert_eq!(chat.unread_messages, 1);
        assert_eq!(
            chat.last_message.as_ref().and_then(|m| m.text()),
            Some("What's up?")
        );
    }
}

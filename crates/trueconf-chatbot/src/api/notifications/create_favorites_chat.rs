//! `createFavoritesChat` notification — the Favorites chat was created (5.5.2+); the payload
//! is a [`Chat`](crate::model::Chat) with `title` and `lastMessage` `null`.

#[cfg(test)]
mod tests {
    use super::super::Notification;
    use super::super::test_support::notification_sample;
    use crate::model::ChatType;

    #[test]
    fn seed_sample_with_null_title_and_last_message() {
        let n = notification_sample(
            r#"{
"method": "createFavoritesChat",
"type": 1,
"id": 1,
"payload": {
"chatId": "b7d0e9b76dd414cce07d6895682455814fa4bfd1",
"title": null,
"chatType": 5,
"lastMessage": null,
"unreadMessages": 0
}
}"#,
        );
        let Notification::FavoritesChatCreated(chat) = n else {
            panic!("wrong kind")
        };
        assert_eq!(chat.chat_type, ChatType::Favorites);
        assert_eq!(chat.title, None);
        assert_eq!(chat.last_message, None);
    }
}

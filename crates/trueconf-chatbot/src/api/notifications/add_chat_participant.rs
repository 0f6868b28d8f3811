//! `addChatParticipant` notification — someone joined a group chat or channel.

use crate::model::{Author, ChatId, Role, Timestamp, UserId};
use serde::{Deserialize, Serialize};

/// The payload of the `addChatParticipant` notification.
///
/// The docs' sample sends `timestamp` as a string (in seconds); [`Timestamp`] accepts both
/// forms.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ParticipantAdded {
    /// The chat.
    pub chat_id: ChatId,
    /// The new participant.
    pub user_id: UserId,
    /// The new participant's role (5.5.2+).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_role: Option<Role>,
    /// Who added them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub added_by: Option<Author>,
    /// When.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timestamp: Option<Timestamp>,
}

impl ParticipantAdded {
    /// A join event.
    pub fn new(chat_id: ChatId, user_id: UserId) -> Self {
        Self {
            chat_id,
            user_id,
            user_role: None,
            added_by: None,
            timestamp: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::Notification;
    use super::super::test_support::notification_sample;
    use super::*;

    #[test]
    fn seed_sample_with_string_timestamp() {
        let n = notification_sample(
            r#"{
"method": "addChatParticipant",
"type": 1,
"id": 1,
"payload": {
"chatId": "c8c3eee8-9ad0-4638-9692-ad16391a4256",
"userId": "user@video.example.com",
"userRole": "owner",
"addedBy": {
"id": "admin@video.example.com",
"type": 1
},
"timestamp": "1735370776"
}
}"#,
        );
        let Notification::ParticipantAdded(p) = n else {
            panic!("wrong kind")
        };
        assert_eq!(p.user_role, Some(Role::Owner));
        let ts = p.timestamp.unwrap();
        assert!(ts.is_textual());
        assert_eq!(ts.as_millis(), 1_735_370_776_000);
        assert_eq!(
            p.added_by.map(|a| a.id),
            Some("admin@video.example.com".into())
        );
    }

    #[test]
    fn numeric_timestamp_also_accepted() {
        let n = notification_sample(
            r#"{"method":"addChatParticipant","type":1,"id":2,"payload":{
                "chatId":"c","userId":"u@s","userRole":"writer",
                "addedBy":{"id":"a@s","type":1},"timestamp":1735370776123}}"#,
        );
        let Notification::ParticipantAdded(p) = n else {
            panic!("wrong kind")
        };
        assert_eq!(p.timestamp.map(|t| t.as_millis()), Some(1_735_370_776_123));
        assert_eq!(p.user_role, Some(Role::Writer));
    }
}

//! `changeParticipantRole` notification — a participant's role changed (5.5.2+).

use crate::model::{ChatId, Role, Timestamp, UserId};
use serde::{Deserialize, Serialize};

/// The payload of the `changeParticipantRole` notification.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ParticipantRoleChanged {
    /// The chat.
    pub chat_id: ChatId,
    /// The participant.
    pub user_id: UserId,
    /// The new role (a string on the wire).
    pub role: Role,
    /// When.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timestamp: Option<Timestamp>,
}

impl ParticipantRoleChanged {
    /// A role change.
    pub fn new(chat_id: ChatId, user_id: UserId, role: Role) -> Self {
        Self {
            chat_id,
            user_id,
            role,
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
    fn seed_sample() {
        let n = notification_sample(
            r#"{
"type": 1,
"id": 1,
"method": "changeParticipantRole",
"payload": {
"chatId": "7e5ea3e8b5ed63e1443b2e4dcdd68b9f196abae1",
"userId": "user@video.example.com",
"role": "admin",
"timestamp": 1760594447544
}
}"#,
        );
        let Notification::ParticipantRoleChanged(p) = n else {
            panic!("wrong kind")
        };
        assert_eq!(p.role, Role::Admin);
        assert_eq!(p.timestamp.map(|t| t.as_millis()), Some(1_760_594_447_544));
    }
}

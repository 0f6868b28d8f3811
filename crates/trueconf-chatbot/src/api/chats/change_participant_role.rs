//! `changeParticipantRole` — change a participant's role (5.5.2+).

use crate::api::Method;
use crate::model::{ChatId, Empty, Role, UserId};
use serde::{Deserialize, Serialize};

/// The `changeParticipantRole` request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ChangeParticipantRole {
    /// The chat.
    pub chat_id: ChatId,
    /// The participant.
    pub user_id: UserId,
    /// The new role (sent as a string).
    pub role: Role,
}

impl ChangeParticipantRole {
    /// Gives `user_id` the `role` in `chat_id`.
    pub fn new(chat_id: ChatId, user_id: UserId, role: Role) -> Self {
        Self {
            chat_id,
            user_id,
            role,
        }
    }
}

impl Method for ChangeParticipantRole {
    const NAME: &'static str = "changeParticipantRole";
    type Response = Empty;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::{request_sample, response_sample};

    #[test]
    fn seed_samples() {
        let request: ChangeParticipantRole = request_sample(
            r#"{
"type": 1,
"id": 1,
"method": "changeParticipantRole",
"payload": {
"chatId": "2b896a6ef210d6b2dcaebc2186c9a7974d616054",
"userId": "user@video.example.com",
"role": "admin"
}
}"#,
        );
        assert_eq!(request.role, Role::Admin);
        assert_eq!(
            response_sample::<ChangeParticipantRole>(r#"{"type": 2, "id": 1, "payload": {}}"#),
            Empty::new()
        );
    }
}

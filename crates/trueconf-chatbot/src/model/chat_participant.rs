//! [`ChatParticipant`]: a member of a chat with role and type.

use super::{AuthorType, Role, UserId};
use serde::{Deserialize, Serialize};

/// A chat member (`getChatParticipant`, `getChatParticipants`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ChatParticipant {
    /// The member.
    pub user_id: UserId,
    /// The role (a string on the wire).
    pub role: Role,
    /// The member type (the author-type number, 1 = user).
    #[serde(rename = "type")]
    pub kind: AuthorType,
}

impl ChatParticipant {
    /// A participant.
    pub fn new(user_id: UserId, role: Role, kind: AuthorType) -> Self {
        Self {
            user_id,
            role,
            kind,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn round_trip() {
        let raw = json!({"userId": "user@video.example.com", "role": "user", "type": 1});
        let p: ChatParticipant = serde_json::from_value(raw.clone()).unwrap();
        assert_eq!(
            p,
            ChatParticipant::new(
                UserId::new("user@video.example.com"),
                Role::User,
                AuthorType::User
            )
        );
        assert_eq!(serde_json::to_value(&p).unwrap(), raw);
    }
}

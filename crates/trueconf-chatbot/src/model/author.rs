//! [`Author`] (`author`, `addedBy`, `removedBy`) and [`AuthorType`].

use serde::{Deserialize, Serialize};

transport_core::open_int_enum! {
    /// Who an author is (EnvelopeAuthorTypeEnum). Also the participant `type` of
    /// `getChatParticipant(s)`.
    pub enum AuthorType: u32 {
        /// 0 SYSTEM: the id is the server name.
        System = 0,
        /// 1 USER: the id is a TrueConf ID.
        User = 1,
    }
}

/// The author of a message or of an action: `{"id": …, "type": …}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Author {
    /// A TrueConf ID, or the server name for system authors.
    pub id: String,
    /// User or system.
    #[serde(rename = "type")]
    pub kind: AuthorType,
}

impl Author {
    /// An author.
    pub fn new(id: impl Into<String>, kind: AuthorType) -> Self {
        Self {
            id: id.into(),
            kind,
        }
    }

    /// True for [`AuthorType::User`].
    pub fn is_user(&self) -> bool {
        self.kind == AuthorType::User
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn author_round_trip() {
        let raw = json!({"id": "admin@video.example.com", "type": 1});
        let a: Author = serde_json::from_value(raw.clone()).unwrap();
        assert_eq!(a, Author::new("admin@video.example.com", AuthorType::User));
        assert!(a.is_user());
        assert_eq!(serde_json::to_value(&a).unwrap(), raw);
        let system: Author = serde_json::from_value(json!({"id": "srv", "type": 0})).unwrap();
        assert_eq!(system.kind, AuthorType::System);
        let odd: Author = serde_json::from_value(json!({"id": "x", "type": 9})).unwrap();
        assert_eq!(odd.kind, AuthorType::Unknown(9));
    }
}

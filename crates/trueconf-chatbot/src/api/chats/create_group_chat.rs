//! `createGroupChat` — create a group chat.
//!
//! The docs name the title field `name`; the official Python client sends `title`. By default
//! both are sent (servers ignore unknown fields), see [`GroupTitleField`].

use crate::api::Method;
use crate::model::CreatedChat;
use crate::validate::{self, ValidationError};
use serde::de::Error as _;
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Which field(s) carry the group chat's title on the wire.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum GroupTitleField {
    /// `title` and `name` with the same value (the default: accepted whichever a server reads).
    #[default]
    Both,
    /// Only `title` (what the official Python client sends).
    Title,
    /// Only `name` (what the docs show).
    Name,
}

/// The `createGroupChat` request.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct CreateGroupChat {
    /// The chat title (1–255 characters).
    pub title: String,
    /// Which wire field(s) carry it.
    pub title_field: GroupTitleField,
}

impl CreateGroupChat {
    /// A group chat named `title`, sent as both `title` and `name`.
    pub fn new(title: impl Into<String>) -> Self {
        Self {
            title: title.into(),
            title_field: GroupTitleField::Both,
        }
    }

    /// Chooses the wire field(s) for the title.
    #[must_use]
    pub fn with_title_field(mut self, field: GroupTitleField) -> Self {
        self.title_field = field;
        self
    }
}

impl Serialize for CreateGroupChat {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        if matches!(
            self.title_field,
            GroupTitleField::Both | GroupTitleField::Title
        ) {
            map.serialize_entry("title", &self.title)?;
        }
        if matches!(
            self.title_field,
            GroupTitleField::Both | GroupTitleField::Name
        ) {
            map.serialize_entry("name", &self.title)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for CreateGroupChat {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Wire {
            #[serde(default)]
            title: Option<String>,
            #[serde(default)]
            name: Option<String>,
        }
        let wire = Wire::deserialize(deserializer)?;
        let (title, title_field) = match (wire.title, wire.name) {
            (Some(title), Some(_)) => (title, GroupTitleField::Both),
            (Some(title), None) => (title, GroupTitleField::Title),
            (None, Some(name)) => (name, GroupTitleField::Name),
            (None, None) => return Err(D::Error::missing_field("title")),
        };
        Ok(Self { title, title_field })
    }
}

impl Method for CreateGroupChat {
    const NAME: &'static str = "createGroupChat";
    type Response = CreatedChat;

    fn validate(&self) -> Result<(), ValidationError> {
        validate::title("title", &self.title)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::{encoded, request_sample, response_sample};
    use serde_json::json;

    #[test]
    fn seed_samples() {
        let request: CreateGroupChat = request_sample(
            r#"{
"type": 1,
"id": 1,
"method": "createGroupChat",
"payload": {
"name": "TrueConf Server Administrators’ Chat"
}
}"#,
        );
        assert_eq!(request.title, "TrueConf Server Administrators’ Chat");
        assert_eq!(request.title_field, GroupTitleField::Name);
        let response = response_sample::<CreateGroupChat>(
            r#"{
"type": 2,
"id": 1,
"payload": {
"chatId": "2b896a6ef210d6b2dcaebc2186c9a7974d616054"
}
}"#,
        );
        assert_eq!(response.chat_id, "2b896a6ef210d6b2dcaebc2186c9a7974d616054");
    }

    #[test]
    fn sends_title_and_name_by_default() {
        assert_eq!(
            encoded(&CreateGroupChat::new("Ops"))["payload"],
            json!({"title": "Ops", "name": "Ops"})
        );
        assert_eq!(
            encoded(&CreateGroupChat::new("Ops").with_title_field(GroupTitleField::Title))["payload"],
            json!({"title": "Ops"})
        );
        let both: CreateGroupChat =
            serde_json::from_value(json!({"title": "A", "name": "A"})).unwrap();
        assert_eq!(both, CreateGroupChat::new("A"));
        let title_only: CreateGroupChat = serde_json::from_value(json!({"title": "T"})).unwrap();
        assert_eq!(title_only.title_field, GroupTitleField::Title);
        assert!(serde_json::from_value::<CreateGroupChat>(json!({})).is_err());
    }

    #[test]
    fn title_length_is_checked() {
        assert!(CreateGroupChat::new("x".repeat(255)).validate().is_ok());
        assert!(CreateGroupChat::new("x".repeat(256)).validate().is_err());
        assert!(CreateGroupChat::new("").validate().is_err());
    }
}

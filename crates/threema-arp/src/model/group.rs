//! [`Group`]: a group receiver.

use super::GroupReceiverAccess;
use serde::{Deserialize, Serialize};

/// A group (schema model `Group`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Group {
    /// The group id: an opaque string chosen by the app (Android uses its database id).
    pub id: String,
    /// The group name (at most 256 bytes).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The display name.
    pub display_name: String,
    /// The group colour in hex notation (`"#1122FF"`).
    pub color: String,
    /// The creation time, unix **seconds** (Android sends 0 when unknown).
    pub created_at: i64,
    /// True if the user is no longer a member (absent: `false`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disabled: Option<bool>,
    /// True if the chat is a secret (private) chat (absent: `false`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locked: Option<bool>,
    /// False if the chat is a secret chat and secret chats are hidden (absent: `true`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visible: Option<bool>,
    /// The member identities.
    #[serde(default, deserialize_with = "crate::codec::nil_default")]
    pub members: Vec<String>,
    /// The identity of the group creator (administrator).
    pub administrator: String,
    /// What the user may change.
    pub access: GroupReceiverAccess,
}

impl Group {
    /// A group with no name, no members and no permissions; set the public fields for
    /// anything else.
    pub fn new(
        id: impl Into<String>,
        display_name: impl Into<String>,
        administrator: impl Into<String>,
    ) -> Self {
        Self {
            id: id.into(),
            name: None,
            display_name: display_name.into(),
            color: "#000000".into(),
            created_at: 0,
            disabled: None,
            locked: None,
            visible: None,
            members: Vec::new(),
            administrator: administrator.into(),
            access: GroupReceiverAccess::default(),
        }
    }

    /// `disabled` with its default applied.
    pub fn disabled(&self) -> bool {
        self.disabled.unwrap_or(false)
    }

    /// `locked` with its default applied.
    pub fn locked(&self) -> bool {
        self.locked.unwrap_or(false)
    }

    /// `visible` with its default applied.
    pub fn visible(&self) -> bool {
        self.visible.unwrap_or(true)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::{at, decode_value, map, round_trip, sample_group};
    use rmpv::Value;

    #[test]
    fn round_trips() {
        let value = round_trip(&sample_group());
        assert_eq!(at(&value, "members.1"), &Value::from("ECHOECHO"));
        assert_eq!(at(&value, "createdAt"), &Value::from(1_500_000_000));
        round_trip(&Group::new("1", "G", "ECHOECHO"));
    }

    #[test]
    fn applies_defaults_and_nil_names() {
        let group: Group = decode_value(&map(vec![
            ("id", "17".into()),
            ("name", Value::Nil),
            ("displayName", "G".into()),
            ("color", "#000000".into()),
            ("createdAt", Value::from(0u8)),
            ("members", Value::Array(vec![])),
            ("administrator", "ECHOECHO".into()),
            (
                "access",
                map(vec![
                    ("canDelete", true.into()),
                    ("canChangeAvatar", true.into()),
                    ("canChangeName", true.into()),
                    ("canChangeMembers", true.into()),
                    ("canLeave", true.into()),
                    ("canSync", true.into()),
                ]),
            ),
        ]));
        assert_eq!(group.name, None);
        assert!(!group.disabled() && !group.locked() && group.visible());
    }
}

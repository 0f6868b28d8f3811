//! [`Role`] (ChatParticipantRoleEnum).

use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer};
use std::fmt;

transport_core::open_string_enum! {
    @custom_deserialize
    /// A participant's role in a chat (`role`, `userRole`).
    ///
    /// The docs list these as numbers (OWNER = 0 … WRITER = 6), but on the wire they are
    /// **strings**. Strings decode to the named role or [`Role::Other`]; a number (never seen
    /// from a real server) is mapped through the documented order and re-serializes as the
    /// string.
    pub enum Role {
        /// `owner` (0).
        Owner = "owner",
        /// `admin` (1).
        Admin = "admin",
        /// `user` (2).
        User = "user",
        /// `conf_owner` (3).
        ConfOwner = "conf_owner",
        /// `conf_moderator` (4).
        ConfModerator = "conf_moderator",
        /// `favorites_owner` (5).
        FavoritesOwner = "favorites_owner",
        /// `writer` (6): may post in a channel.
        Writer = "writer",
    }
}

impl Role {
    /// The role for a documented number (OWNER = 0 … WRITER = 6); other numbers are kept as
    /// [`Role::Other`] with the number as text.
    pub fn from_number(value: u64) -> Self {
        match value {
            0 => Self::Owner,
            1 => Self::Admin,
            2 => Self::User,
            3 => Self::ConfOwner,
            4 => Self::ConfModerator,
            5 => Self::FavoritesOwner,
            6 => Self::Writer,
            other => Self::Other(other.to_string()),
        }
    }
}

impl<'de> Deserialize<'de> for Role {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(RoleVisitor)
    }
}

struct RoleVisitor;

impl Visitor<'_> for RoleVisitor {
    type Value = Role;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a role name or number")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Role, E> {
        Ok(Role::from(v))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Role, E> {
        Ok(Role::from(v))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Role, E> {
        Ok(Role::from_number(v))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Role, E> {
        u64::try_from(v)
            .map(Role::from_number)
            .map_err(|_| E::invalid_value(de::Unexpected::Signed(v), &self))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_are_strings_on_the_wire() {
        let roles: Vec<Role> = serde_json::from_str(
            r#"["owner","admin","user","conf_owner","conf_moderator","favorites_owner","writer","guest"]"#,
        )
        .unwrap();
        assert_eq!(roles[0], Role::Owner);
        assert_eq!(roles[4], Role::ConfModerator);
        assert_eq!(roles[6], Role::Writer);
        assert_eq!(roles[7], Role::Other("guest".into()));
        assert_eq!(
            serde_json::to_string(&roles).unwrap(),
            r#"["owner","admin","user","conf_owner","conf_moderator","favorites_owner","writer","guest"]"#
        );
    }

    #[test]
    fn documented_numbers_are_accepted_and_sent_as_strings() {
        let roles: Vec<Role> = serde_json::from_str("[0,1,6,42]").unwrap();
        assert_eq!(
            roles,
            [
                Role::Owner,
                Role::Admin,
                Role::Writer,
                Role::Other("42".into())
            ]
        );
        assert_eq!(
            serde_json::to_string(&roles).unwrap(),
            r#"["owner","admin","writer","42"]"#
        );
        assert!(serde_json::from_str::<Role>("-1").is_err());
        assert!(serde_json::from_str::<Role>("true").is_err());
    }
}

//! [`MembersChange`]: the `data` of `update/group` and `update/distributionList`.

use super::Binary;
use super::receiver_ref::{check_members, max_bytes, non_empty_bytes};
use crate::codec::Nullable;
use crate::error::Result;
use serde::{Deserialize, Serialize};

/// A new member list plus optional name and avatar changes (the schema gives
/// `update/group` and `update/distributionList`, client → app, the same `data`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct MembersChange {
    /// The members (required: the full new member list).
    #[serde(default, deserialize_with = "crate::codec::nil_default")]
    pub members: Vec<String>,
    /// The name (at most 256 bytes); `Null` clears it, `Absent` keeps it.
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    pub name: Nullable<String>,
    /// The avatar; `Null` clears it, `Absent` keeps it.
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    pub avatar: Nullable<Binary>,
}

impl MembersChange {
    /// Sets the members; name and avatar unchanged.
    pub fn new(members: Vec<String>) -> Self {
        Self {
            members,
            name: Nullable::Absent,
            avatar: Nullable::Absent,
        }
    }

    /// Validates user input; `message` names the message in errors.
    pub(crate) fn check(&self, message: &str) -> Result<()> {
        check_members(&format!("{message} data.members"), &self.members)?;
        if let Nullable::Value(name) = &self.name {
            max_bytes(&format!("{message} data.name"), name, 256)?;
        }
        if let Nullable::Value(avatar) = &self.avatar {
            non_empty_bytes(&format!("{message} data.avatar"), avatar)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::{assert_keys, round_trip};

    #[test]
    fn round_trips_and_validates() {
        let mut change = MembersChange::new(vec!["ECHOECHO".into()]);
        assert_keys(&round_trip(&change), "", &["members"]);
        change.name = Nullable::Null;
        change.avatar = Nullable::Value(vec![1].into());
        assert_keys(&round_trip(&change), "", &["members", "name", "avatar"]);
        assert!(change.check("m").is_ok());
        change.name = Nullable::Value("x".repeat(257));
        assert_eq!(
            change.check("update/group").unwrap_err().to_string(),
            "invalid update/group data.name: is 257 bytes long, at most 256 are allowed"
        );
        assert!(MembersChange::new(vec![]).check("m").is_err());
    }
}

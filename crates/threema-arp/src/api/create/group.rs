//! `create/group`: create a group (client → app) and the created group (app → client), sent
//! after the group control messages were delivered.
//!
//! Error codes of the reply: `disabledByPolicy`, `valueTooLong`, `badRequest`.

use crate::api::macros::wire_message;
use crate::error::Result;
use crate::model::receiver_ref::{check_members, max_bytes, non_empty_bytes};
use crate::model::{Binary, Group, ReceiverData};
use serde::{Deserialize, Serialize};

/// `create/group` (client → app).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct CreateGroup {
    /// Members, name and avatar.
    pub data: CreateGroupData,
}

/// The `data` of [`CreateGroup`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CreateGroupData {
    /// The member identities.
    #[serde(default, deserialize_with = "crate::codec::nil_default")]
    pub members: Vec<String>,
    /// The name (at most 256 bytes). Threema Web sends `nil` when there is none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The avatar.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub avatar: Option<Binary>,
}

impl CreateGroup {
    /// A group of `members` without name and avatar.
    pub fn new(members: Vec<String>) -> Self {
        Self {
            data: CreateGroupData {
                members,
                name: None,
                avatar: None,
            },
        }
    }

    /// Sets the name.
    #[must_use]
    pub fn with_name(mut self, name: impl Into<String>) -> Self {
        self.data.name = Some(name.into());
        self
    }

    /// Sets the avatar.
    #[must_use]
    pub fn with_avatar(mut self, avatar: impl Into<Binary>) -> Self {
        self.data.avatar = Some(avatar.into());
        self
    }

    fn check(&self) -> Result<()> {
        check_members("create/group data.members", &self.data.members)?;
        if let Some(name) = &self.data.name {
            max_bytes("create/group data.name", name, 256)?;
        }
        if let Some(avatar) = &self.data.avatar {
            non_empty_bytes("create/group data.avatar", avatar)?;
        }
        Ok(())
    }
}

wire_message!(CreateGroup = "create" / "group", [ToApp], data: required,
    validate: CreateGroup::check);

/// `create/group` (app → client): the group was created and its control messages were
/// delivered.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct GroupCreated {
    /// The new group.
    pub data: ReceiverData<Group>,
}

impl GroupCreated {
    /// The reply for `group`.
    pub fn new(group: Group) -> Self {
        Self {
            data: ReceiverData::new(group),
        }
    }
}

wire_message!(GroupCreated = "create" / "group", [FromApp], data: defaulted);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::{Direction, Frame};
    use crate::codec::Ack;
    use crate::testutil::{assert_bin, assert_keys, frame_round_trip, sample_group};

    #[test]
    fn request_round_trips_with_bin_avatar() {
        let request = CreateGroup::new(vec!["ECHOECHO".into(), "ABCDEFGH".into()])
            .with_name("Climbers")
            .with_avatar(vec![0x89, 0x50]);
        let value = frame_round_trip(&Frame::new(request).with_id("g"), Direction::ToApp);
        assert_keys(&value, "data", &["members", "name", "avatar"]);
        assert_bin(&value, "data.avatar", &[0x89, 0x50]);
        let bad = CreateGroup::new(vec!["ECHOECHO".into()]).with_avatar(vec![]);
        assert!(Frame::new(bad).encode().is_err());
    }

    #[test]
    fn reply_round_trips() {
        let frame = Frame::new(GroupCreated::new(sample_group())).with_ack(Ack::success("g"));
        let value = frame_round_trip(&frame, Direction::FromApp);
        assert_keys(&value, "data", &["receiver"]);
    }
}

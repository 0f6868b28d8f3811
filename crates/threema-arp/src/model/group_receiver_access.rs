//! [`GroupReceiverAccess`]: what the user may change on a group.

use serde::{Deserialize, Serialize};

/// Permissions on a group (schema model `GroupReceiverAccess`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct GroupReceiverAccess {
    /// Whether the group can be deleted.
    pub can_delete: bool,
    /// Whether the avatar can be changed.
    pub can_change_avatar: bool,
    /// Whether the name can be changed.
    pub can_change_name: bool,
    /// Whether the members can be changed.
    pub can_change_members: bool,
    /// Whether the group can be left.
    pub can_leave: bool,
    /// Whether the group can be re-synced.
    pub can_sync: bool,
}

impl GroupReceiverAccess {
    /// No permissions; set the public fields.
    pub fn new() -> Self {
        Self::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::{assert_keys, round_trip};

    #[test]
    fn round_trips_with_camel_case_keys() {
        let mut access = GroupReceiverAccess::new();
        access.can_sync = true;
        assert_keys(
            &round_trip(&access),
            "",
            &[
                "canDelete",
                "canChangeAvatar",
                "canChangeName",
                "canChangeMembers",
                "canLeave",
                "canSync",
            ],
        );
    }
}

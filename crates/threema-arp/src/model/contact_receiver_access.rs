//! [`ContactReceiverAccess`]: what the user may change on a contact.

use serde::{Deserialize, Serialize};

/// Permissions on a contact (schema model `ContactReceiverAccess`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ContactReceiverAccess {
    /// Whether the contact can be deleted.
    pub can_delete: bool,
    /// Whether the avatar can be changed.
    pub can_change_avatar: bool,
    /// Whether the first name can be changed.
    pub can_change_first_name: bool,
    /// Whether the last name can be changed.
    pub can_change_last_name: bool,
}

impl ContactReceiverAccess {
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
        let mut access = ContactReceiverAccess::new();
        access.can_change_last_name = true;
        let value = round_trip(&access);
        assert_keys(
            &value,
            "",
            &[
                "canDelete",
                "canChangeAvatar",
                "canChangeFirstName",
                "canChangeLastName",
            ],
        );
    }
}

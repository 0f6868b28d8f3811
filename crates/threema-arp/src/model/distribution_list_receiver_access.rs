//! [`DistributionListReceiverAccess`]: what the user may change on a distribution list.

use serde::{Deserialize, Serialize};

/// Permissions on a distribution list (schema model `DistributionListReceiverAccess`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct DistributionListReceiverAccess {
    /// Whether the distribution list can be deleted.
    pub can_delete: bool,
    /// Whether the members can be changed.
    pub can_change_members: bool,
}

impl DistributionListReceiverAccess {
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
        let mut access = DistributionListReceiverAccess::new();
        access.can_delete = true;
        assert_keys(&round_trip(&access), "", &["canDelete", "canChangeMembers"]);
    }
}

//! [`DistributionList`]: a distribution list receiver.

use super::DistributionListReceiverAccess;
use serde::{Deserialize, Serialize};

/// A distribution list (schema model `DistributionList`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct DistributionList {
    /// The distribution list id: an opaque string chosen by the app.
    pub id: String,
    /// The display name.
    pub display_name: String,
    /// The colour in hex notation (`"#1122FF"`).
    pub color: String,
    /// True if the chat is a secret chat (absent: `false`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locked: Option<bool>,
    /// False if the chat is a secret chat and secret chats are hidden (absent: `true`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visible: Option<bool>,
    /// The member identities.
    #[serde(default, deserialize_with = "crate::codec::nil_default")]
    pub members: Vec<String>,
    /// What the user may change.
    pub access: DistributionListReceiverAccess,
}

impl DistributionList {
    /// A distribution list with no members and no permissions; set the public fields.
    pub fn new(id: impl Into<String>, display_name: impl Into<String>) -> Self {
        Self {
            id: id.into(),
            display_name: display_name.into(),
            color: "#000000".into(),
            locked: None,
            visible: None,
            members: Vec::new(),
            access: DistributionListReceiverAccess::default(),
        }
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
    use crate::testutil::{at, round_trip, sample_distribution_list};
    use rmpv::Value;

    #[test]
    fn round_trips() {
        let value = round_trip(&sample_distribution_list());
        assert_eq!(at(&value, "access.canChangeMembers"), &Value::from(true));
        let plain = DistributionList::new("3", "Friends");
        round_trip(&plain);
        assert!(!plain.locked() && plain.visible());
    }
}

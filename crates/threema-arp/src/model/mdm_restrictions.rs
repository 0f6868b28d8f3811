//! [`MdmRestrictions`]: restrictions set by a mobile device management.

use serde::{Deserialize, Serialize};

/// MDM restrictions (schema model `MdmRestrictions`). Absent flags mean `false`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct MdmRestrictions {
    /// Adding contacts is disabled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disable_add_contact: Option<bool>,
    /// Creating groups is disabled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disable_create_group: Option<bool>,
    /// Downloading media is made harder (no download button).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disable_save_to_gallery: Option<bool>,
    /// Exporting chats is disabled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disable_export: Option<bool>,
    /// Message contents are hidden in desktop notifications.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disable_message_preview: Option<bool>,
    /// Calls are disabled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disable_calls: Option<bool>,
    /// The profile cannot be edited.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub readonly_profile: Option<bool>,
}

impl MdmRestrictions {
    /// No restrictions.
    pub fn new() -> Self {
        Self::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::{assert_keys, round_trip};

    #[test]
    fn round_trips_every_flag() {
        let all = MdmRestrictions {
            disable_add_contact: Some(true),
            disable_create_group: Some(false),
            disable_save_to_gallery: Some(true),
            disable_export: Some(true),
            disable_message_preview: Some(true),
            disable_calls: Some(false),
            readonly_profile: Some(true),
        };
        assert_keys(
            &round_trip(&all),
            "",
            &[
                "disableAddContact",
                "disableCreateGroup",
                "disableSaveToGallery",
                "disableExport",
                "disableMessagePreview",
                "disableCalls",
                "readonlyProfile",
            ],
        );
        round_trip(&MdmRestrictions::new());
    }
}

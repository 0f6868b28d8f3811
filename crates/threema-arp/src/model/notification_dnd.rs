//! [`NotificationDnd`]: the do-not-disturb setting.

use crate::codec::string_enum;
use serde::{Deserialize, Serialize};

string_enum! {
    /// The do-not-disturb mode.
    pub enum DndMode {
        /// Notifications on.
        Off = "off",
        /// Do not disturb.
        On = "on",
        /// Do not disturb until [`NotificationDnd::until`].
        Until = "until",
    }
}

/// Do-not-disturb settings (schema model `NotificationDnd`).
///
/// The schema names the mention flag `mentionsOnly` and types it as a string enum; the apps
/// and Threema Web use a boolean `mentionOnly` (notes §7.3), which is what this type reads
/// and writes. A `mentionsOnly` key is ignored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct NotificationDnd {
    /// The mode.
    pub mode: DndMode,
    /// Only notify on mentions (with modes `on` or `until`; absent: `false`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mention_only: Option<bool>,
    /// The end of do-not-disturb, unix **milliseconds**; set when the mode is `until`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<i64>,
}

impl NotificationDnd {
    /// Settings with this mode.
    pub fn new(mode: DndMode) -> Self {
        Self {
            mode,
            mention_only: None,
            until: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::{assert_keys, decode_value, map, round_trip};

    #[test]
    fn round_trips_with_mention_only_as_bool() {
        let mut dnd = NotificationDnd::new(DndMode::Until);
        dnd.mention_only = Some(true);
        dnd.until = Some(1_700_000_000_000);
        assert_keys(&round_trip(&dnd), "", &["mode", "mentionOnly", "until"]);
    }

    #[test]
    fn ignores_the_schema_spelling_mentions_only() {
        let dnd: NotificationDnd = decode_value(&map(vec![
            ("mode", "on".into()),
            ("mentionsOnly", "on".into()),
        ]));
        assert_eq!(dnd, NotificationDnd::new(DndMode::On));
    }
}

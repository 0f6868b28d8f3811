//! [`NotificationSettings`]: the notification settings of a conversation.

use super::{NotificationDnd, NotificationSound};
use serde::{Deserialize, Serialize};

/// Notification settings (schema model `NotificationSettings`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct NotificationSettings {
    /// Sound settings.
    pub sound: NotificationSound,
    /// Do-not-disturb settings.
    pub dnd: NotificationDnd,
}

impl NotificationSettings {
    /// Settings from their two parts.
    pub fn new(sound: NotificationSound, dnd: NotificationDnd) -> Self {
        Self { sound, dnd }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DndMode, SoundMode};
    use crate::testutil::{assert_keys, round_trip};

    #[test]
    fn round_trips() {
        let settings = NotificationSettings::new(
            NotificationSound::new(SoundMode::Muted),
            NotificationDnd::new(DndMode::Off),
        );
        assert_keys(&round_trip(&settings), "", &["sound", "dnd"]);
    }
}

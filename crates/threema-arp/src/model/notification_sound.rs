//! [`NotificationSound`]: the notification sound setting.

use crate::codec::string_enum;
use serde::{Deserialize, Serialize};

string_enum! {
    /// The notification sound mode.
    pub enum SoundMode {
        /// The default sound.
        Default = "default",
        /// No sound.
        Muted = "muted",
    }
}

/// Notification sound settings (schema model `NotificationSound`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct NotificationSound {
    /// The mode.
    pub mode: SoundMode,
}

impl NotificationSound {
    /// Settings with this mode.
    pub fn new(mode: SoundMode) -> Self {
        Self { mode }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::{at, decode_value, map, round_trip};

    #[test]
    fn round_trips_and_keeps_unknown_modes() {
        let value = round_trip(&NotificationSound::new(SoundMode::Default));
        assert_eq!(at(&value, "mode").as_str(), Some("default"));
        let sound: NotificationSound = decode_value(&map(vec![("mode", "vibrate".into())]));
        assert_eq!(sound.mode, SoundMode::Other("vibrate".into()));
    }
}

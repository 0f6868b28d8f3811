//! [`Theme`]: the `Theme` object shared by several messages.

use crate::model::unknown_fields::{UnknownFields, collect_extra};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// The server's branding (`ResponseServerSettings.theme`): colours as `#rrggbb` strings (mixed
/// case) and asset URLs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Theme {
    /// Button background colour.
    pub button_background: String,
    /// Button text colour.
    pub button_text: String,
    /// Background of the user's own message bubbles.
    pub your_message_bubble_background: String,
    /// Text colour of the user's own message bubbles.
    pub your_message_bubble_text: String,
    /// Background of other members' message bubbles.
    pub their_message_bubble_background: String,
    /// Text colour of other members' message bubbles.
    pub their_message_bubble_text: String,
    /// URL of the logo.
    pub logo: String,
    /// URL of the notification sound.
    pub sound: String,
    /// Fields this crate does not know, kept so that re-serializing loses nothing.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

impl Theme {
    /// A theme; every colour and URL is given.
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        button_background: impl Into<String>,
        button_text: impl Into<String>,
        your_message_bubble_background: impl Into<String>,
        your_message_bubble_text: impl Into<String>,
        their_message_bubble_background: impl Into<String>,
        their_message_bubble_text: impl Into<String>,
        logo: impl Into<String>,
        sound: impl Into<String>,
    ) -> Self {
        Self {
            button_background: button_background.into(),
            button_text: button_text.into(),
            your_message_bubble_background: your_message_bubble_background.into(),
            your_message_bubble_text: your_message_bubble_text.into(),
            their_message_bubble_background: their_message_bubble_background.into(),
            their_message_bubble_text: their_message_bubble_text.into(),
            logo: logo.into(),
            sound: sound.into(),
            extra: BTreeMap::new(),
        }
    }
}

impl UnknownFields for Theme {
    fn collect_unknown_fields(&self, path: &str, out: &mut Vec<String>) {
        collect_extra(&self.extra, path, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{Kind, round_trip, seed};

    #[test]
    fn seed_response_server_settings_theme() {
        let sample = seed::sample(Kind::Response, "ResponseServerSettings");
        let value: Theme = round_trip(sample.pointer("/theme").expect("seed sample has /theme"));
        assert_eq!(value.button_background, "#2e7d32");
        assert_eq!(value.button_text, "#ffffff");
        assert_eq!(value.your_message_bubble_background, "#c9c9f2");
        assert_eq!(value.your_message_bubble_text, "#000000");
        assert_eq!(value.their_message_bubble_background, "#FFFFFF");
        assert_eq!(value.their_message_bubble_text, "#000000");
        assert_eq!(value.logo, "http://192.168.2.25:80/assets/logo.png");
        assert_eq!(
            value.sound,
            "http://192.168.2.25:80/assets/notification.mp3"
        );
    }
}

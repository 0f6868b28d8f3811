//! [`Configuration`]: the app configuration in `response/clientInfo`.

use serde::{Deserialize, Serialize};

/// The app configuration (schema model `Configuration`). Every field is optional; the
/// accessors apply the schema defaults.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Configuration {
    /// Whether calls are enabled (default `true`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub voip_enabled: Option<bool>,
    /// Whether all VoIP traffic is forced through TURN (default `false`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub voip_force_turn: Option<bool>,
    /// Whether a single emoji is shown larger (default `true`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub large_single_emoji: Option<bool>,
    /// Whether inactive contacts are shown (default `true`).
    #[serde(
        default,
        rename = "showInactiveIDs",
        skip_serializing_if = "Option::is_none"
    )]
    pub show_inactive_ids: Option<bool>,
}

impl Configuration {
    /// An empty configuration (all defaults).
    pub fn new() -> Self {
        Self::default()
    }

    /// `voip_enabled` with its default applied.
    pub fn voip_enabled(&self) -> bool {
        self.voip_enabled.unwrap_or(true)
    }

    /// `voip_force_turn` with its default applied.
    pub fn voip_force_turn(&self) -> bool {
        self.voip_force_turn.unwrap_or(false)
    }

    /// `large_single_emoji` with its default applied.
    pub fn large_single_emoji(&self) -> bool {
        self.large_single_emoji.unwrap_or(true)
    }

    /// `show_inactive_ids` with its default applied.
    pub fn show_inactive_ids(&self) -> bool {
        self.show_inactive_ids.unwrap_or(true)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::{assert_keys, round_trip};

    #[test]
    fn round_trips_and_applies_defaults() {
        let config = Configuration {
            voip_enabled: Some(false),
            voip_force_turn: Some(true),
            large_single_emoji: Some(false),
            show_inactive_ids: Some(false),
        };
        assert_keys(
            &round_trip(&config),
            "",
            &[
                "voipEnabled",
                "voipForceTurn",
                "largeSingleEmoji",
                "showInactiveIDs",
            ],
        );
        let empty = Configuration::new();
        assert_keys(&round_trip(&empty), "", &[]);
        assert!(empty.voip_enabled() && !empty.voip_force_turn());
        assert!(empty.large_single_emoji() && empty.show_inactive_ids());
    }
}

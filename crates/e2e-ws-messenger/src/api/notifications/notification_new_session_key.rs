//! `NotificationNewSessionKey` (server → client).

use crate::api::{WireMessage, WireNotification};
use crate::model::SessionKey;
use crate::model::unknown_fields::{UnknownFields, collect_extra, join};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// `NotificationNewSessionKey`: a conversation got a new session key (the user's copy).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct NotificationNewSessionKey {
    /// The session key.
    pub session_key: SessionKey,
    /// Fields this crate does not know, kept so that re-serializing loses nothing.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

impl NotificationNewSessionKey {
    /// A `NotificationNewSessionKey` with the given fields.
    pub fn new(session_key: SessionKey) -> Self {
        Self {
            session_key,
            extra: BTreeMap::new(),
        }
    }
}

impl UnknownFields for NotificationNewSessionKey {
    fn collect_unknown_fields(&self, path: &str, out: &mut Vec<String>) {
        collect_extra(&self.extra, path, out);
        self.session_key
            .collect_unknown_fields(&join(path, "sessionKey"), out);
    }
}

impl WireMessage for NotificationNewSessionKey {
    const WIRE_NAME: &'static str = "NotificationNewSessionKey";
}

impl WireNotification for NotificationNewSessionKey {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{Kind, round_trip, seed};

    #[test]
    fn seed_sample_round_trips() {
        let value: NotificationNewSessionKey = round_trip(&seed::sample(
            Kind::Notification,
            "NotificationNewSessionKey",
        ));
        assert_eq!(
            value.session_key.uuid.as_str(),
            "e0aae1c4-a82c-4c50-81a2-b4372dc302db"
        );
    }
}

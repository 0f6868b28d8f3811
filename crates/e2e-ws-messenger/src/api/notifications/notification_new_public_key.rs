//! `NotificationNewPublicKey` (server → client).

use crate::api::{WireMessage, WireNotification};
use crate::model::unknown_fields::{UnknownFields, collect_extra};
use crate::model::{ConversationUuid, PemPublicKey, UserId};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// `NotificationNewPublicKey`: a user has a new public key. It carries no `keyPairUuid`, so keys
/// cannot be cached by key pair from this notification alone.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct NotificationNewPublicKey {
    /// The user.
    pub user_id: UserId,
    /// A conversation; only `null` seen.
    #[serde(default)]
    pub conversation_uuid: Option<ConversationUuid>,
    /// The new public key (PEM text).
    pub key_base64: PemPublicKey,
    /// Fields this crate does not know, kept so that re-serializing loses nothing.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

impl NotificationNewPublicKey {
    /// A `NotificationNewPublicKey` with the given fields; the others start empty, `false` or `0`.
    pub fn new(user_id: UserId, key_base64: PemPublicKey) -> Self {
        Self {
            user_id,
            conversation_uuid: None,
            key_base64,
            extra: BTreeMap::new(),
        }
    }
}

impl UnknownFields for NotificationNewPublicKey {
    fn collect_unknown_fields(&self, path: &str, out: &mut Vec<String>) {
        collect_extra(&self.extra, path, out);
    }
}

impl WireMessage for NotificationNewPublicKey {
    const WIRE_NAME: &'static str = "NotificationNewPublicKey";
}

impl WireNotification for NotificationNewPublicKey {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{Kind, round_trip, seed};

    #[test]
    fn seed_sample_round_trips() {
        let value: NotificationNewPublicKey = round_trip(&seed::sample(
            Kind::Notification,
            "NotificationNewPublicKey",
        ));
        assert_eq!(
            value.user_id.as_str(),
            "9dNAmjirVLHA7P1f3q9rbeBJr/5yctwuPAXZQDGKcIg="
        );
        assert!(value.conversation_uuid.is_none());
        assert!(
            value
                .key_base64
                .as_str()
                .starts_with("-----BEGIN PUBLIC KEY-----\nMIICIjANBgkqh")
        );
        assert_eq!(value.key_base64.as_str().len(), 800);
    }
}

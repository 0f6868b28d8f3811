//! `UpdateContactNotification` (server → client).

use crate::api::{WireMessage, WireNotification};
use crate::model::UserId;
use crate::model::unknown_fields::{UnknownFields, collect_extra};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// `UpdateContactNotification`: a contact of the user changed (presumably from another device).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct UpdateContactNotification {
    /// The user.
    pub user_id: UserId,
    /// The contact.
    pub contact_id: UserId,
    /// Fields this crate does not know, kept so that re-serializing loses nothing.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

impl UpdateContactNotification {
    /// A `UpdateContactNotification` with the given fields.
    pub fn new(user_id: UserId, contact_id: UserId) -> Self {
        Self {
            user_id,
            contact_id,
            extra: BTreeMap::new(),
        }
    }
}

impl UnknownFields for UpdateContactNotification {
    fn collect_unknown_fields(&self, path: &str, out: &mut Vec<String>) {
        collect_extra(&self.extra, path, out);
    }
}

impl WireMessage for UpdateContactNotification {
    const WIRE_NAME: &'static str = "UpdateContactNotification";
}

impl WireNotification for UpdateContactNotification {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{Kind, round_trip, seed};

    #[test]
    fn seed_sample_round_trips() {
        let value: UpdateContactNotification = round_trip(&seed::sample(
            Kind::Notification,
            "UpdateContactNotification",
        ));
        assert_eq!(
            value.user_id.as_str(),
            "/4DZItfW2uZQyMCcxDboGMF0SjJs5sfedl9SXWNaO8Y="
        );
        assert_eq!(
            value.contact_id.as_str(),
            "upItfdN1OtNK50oxC5YQtGi2E9h1P862YnEVnNUhVA8="
        );
    }
}

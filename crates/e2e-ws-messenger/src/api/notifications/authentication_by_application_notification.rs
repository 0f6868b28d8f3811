//! `AuthenticationByApplicationNotification` (server → client).

use crate::api::{WireMessage, WireNotification};
use crate::model::Application;
use crate::model::unknown_fields::{UnknownFields, collect_extra, join};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// `AuthenticationByApplicationNotification`: an application of the user authenticated.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct AuthenticationByApplicationNotification {
    /// The application.
    pub application: Application,
    /// Fields this crate does not know, kept so that re-serializing loses nothing.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

impl AuthenticationByApplicationNotification {
    /// A `AuthenticationByApplicationNotification` with the given fields.
    pub fn new(application: Application) -> Self {
        Self {
            application,
            extra: BTreeMap::new(),
        }
    }
}

impl UnknownFields for AuthenticationByApplicationNotification {
    fn collect_unknown_fields(&self, path: &str, out: &mut Vec<String>) {
        collect_extra(&self.extra, path, out);
        self.application
            .collect_unknown_fields(&join(path, "application"), out);
    }
}

impl WireMessage for AuthenticationByApplicationNotification {
    const WIRE_NAME: &'static str = "AuthenticationByApplicationNotification";
}

impl WireNotification for AuthenticationByApplicationNotification {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{Kind, round_trip, seed};

    #[test]
    fn seed_sample_round_trips() {
        let value: AuthenticationByApplicationNotification = round_trip(&seed::sample(
            Kind::Notification,
            "AuthenticationByApplicationNotification",
        ));
        assert_eq!(
            value.application.uuid.as_str(),
            "db2553bb-3308-4a53-8c32-30dc3b55dece"
        );
    }
}

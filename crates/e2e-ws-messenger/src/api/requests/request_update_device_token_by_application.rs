//! `RequestUpdateDeviceTokenByApplication` → `ResponseStatusMessage`.

use crate::api::validate::non_empty;
use crate::api::{ResponseStatusMessage, WireMessage, WireRequest};
use crate::error::Error;
use crate::model::unknown_fields::{UnknownFields, collect_extra};
use crate::model::{ApplicationId, UserId};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;
use transport_core::Secret;

/// `RequestUpdateDeviceTokenByApplication` → `ResponseStatusMessage`: set the push token of an application.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct RequestUpdateDeviceTokenByApplication {
    /// The push token (FCM `<id>:APA91b…` or 64 hex digits for APNs).
    #[serde(with = "crate::model::secret_serde")]
    pub token: Secret,
    /// The user.
    pub user_id: UserId,
    /// The application.
    pub uuid: ApplicationId,
    /// Fields this crate does not know, kept so that re-serializing loses nothing.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

impl RequestUpdateDeviceTokenByApplication {
    /// A `RequestUpdateDeviceTokenByApplication` with the given fields.
    pub fn new(token: Secret, user_id: UserId, uuid: ApplicationId) -> Self {
        Self {
            token,
            user_id,
            uuid,
            extra: BTreeMap::new(),
        }
    }
}

impl UnknownFields for RequestUpdateDeviceTokenByApplication {
    fn collect_unknown_fields(&self, path: &str, out: &mut Vec<String>) {
        collect_extra(&self.extra, path, out);
    }
}

impl WireMessage for RequestUpdateDeviceTokenByApplication {
    const WIRE_NAME: &'static str = "RequestUpdateDeviceTokenByApplication";

    fn validate(&self) -> Result<(), Error> {
        non_empty("token", self.token.expose())
    }
}

impl WireRequest for RequestUpdateDeviceTokenByApplication {
    type Reply = ResponseStatusMessage;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{Kind, round_trip, seed};

    #[test]
    fn request_seed_sample_round_trips() {
        let value: RequestUpdateDeviceTokenByApplication = round_trip(&seed::sample(
            Kind::Request,
            "RequestUpdateDeviceTokenByApplication",
        ));
        assert_eq!(
            value.token.expose(),
            "cLwzm2RNQT6nAtNax9tPb3:APA91bHs980Cv04GyWR6ZHClhkIfoFalQCYTMs6iy..."
        );
        assert_eq!(
            value.user_id.as_str(),
            "/4DZItfW2uZQyMCcxDboGMF0SjJs5sfedl9SXWNaO8Y="
        );
        assert_eq!(value.uuid.as_str(), "db2553bb-3308-4a53-8c32-30dc3b55dece");
        value.validate().expect("the seed sample is valid");
    }
}

//! `RequestConfirmRegistration` → `ResponseStatusMessage`.

use crate::api::validate::non_empty;
use crate::api::{ResponseStatusMessage, WireMessage, WireRequest};
use crate::error::Error;
use crate::model::unknown_fields::{UnknownFields, collect_extra};
use crate::model::{ApplicationId, UserId};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;
use transport_core::Secret;

/// `RequestConfirmRegistration` → `ResponseStatusMessage`: confirm a registration with the SMS code.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct RequestConfirmRegistration {
    /// The code from the SMS (a string: `"121"` in the seed).
    #[serde(with = "crate::model::secret_serde")]
    pub sms_code: Secret,
    /// The user registering.
    pub user_id: UserId,
    /// The application being registered.
    pub uuid: ApplicationId,
    /// Fields this crate does not know, kept so that re-serializing loses nothing.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

impl RequestConfirmRegistration {
    /// A `RequestConfirmRegistration` with the given fields.
    pub fn new(sms_code: Secret, user_id: UserId, uuid: ApplicationId) -> Self {
        Self {
            sms_code,
            user_id,
            uuid,
            extra: BTreeMap::new(),
        }
    }
}

impl UnknownFields for RequestConfirmRegistration {
    fn collect_unknown_fields(&self, path: &str, out: &mut Vec<String>) {
        collect_extra(&self.extra, path, out);
    }
}

impl WireMessage for RequestConfirmRegistration {
    const WIRE_NAME: &'static str = "RequestConfirmRegistration";

    fn validate(&self) -> Result<(), Error> {
        non_empty("smsCode", self.sms_code.expose())
    }
}

impl WireRequest for RequestConfirmRegistration {
    type Reply = ResponseStatusMessage;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{Kind, round_trip, seed};

    #[test]
    fn request_seed_sample_round_trips() {
        let value: RequestConfirmRegistration =
            round_trip(&seed::sample(Kind::Request, "RequestConfirmRegistration"));
        assert_eq!(value.sms_code.expose(), "121");
        assert_eq!(
            value.user_id.as_str(),
            "/4DZItfW2uZQyMCcxDboGMF0SjJs5sfedl9SXWNaO8Y="
        );
        assert_eq!(value.uuid.as_str(), "db2553bb-3308-4a53-8c32-30dc3b55dece");
        value.validate().expect("the seed sample is valid");
    }
}

//! `RequestRegisterApplication` → `ResponseStatusMessage`.

use crate::api::{ResponseStatusMessage, WireMessage, WireRequest};
use crate::error::Error;
use crate::model::ids::validate_e164;
use crate::model::unknown_fields::{UnknownFields, collect_extra};
use crate::model::{ApplicationId, ApplicationType, DeviceInfo, UserId};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// `RequestRegisterApplication` → `ResponseStatusMessage`: register this application (device) for a phone
/// number; the server sends an SMS code to confirm with `RequestConfirmRegistration`.
///
/// The client sends both the phone number (`openUserId`) and its hash (`userId`), so the server
/// sees the number.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct RequestRegisterApplication {
    /// The Android SMS Retriever app hash the server puts into the SMS (11 characters); omitted by
    /// other platforms.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub android_sms_token: Option<String>,
    /// The platform.
    pub application_type: ApplicationType,
    /// The device model.
    pub model: String,
    /// The E.164 phone number.
    pub open_user_id: String,
    /// The OS version.
    pub os_version: String,
    /// `UserId::from_e164(openUserId)`.
    pub user_id: UserId,
    /// The application id, chosen by the client and reused by every later application request.
    pub uuid: ApplicationId,
    /// The device vendor.
    pub vendor: String,
    /// Fields this crate does not know, kept so that re-serializing loses nothing.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

impl RequestRegisterApplication {
    /// Registers application `uuid` of `device` for `phone`; `userId` is computed from it.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInput`] when `phone` is not an E.164 number.
    pub fn new(phone: &str, uuid: ApplicationId, device: DeviceInfo) -> Result<Self, Error> {
        Ok(Self {
            android_sms_token: None,
            application_type: device.application_type,
            model: device.model,
            open_user_id: phone.to_owned(),
            os_version: device.os_version,
            user_id: UserId::from_e164(phone)?,
            uuid,
            vendor: device.vendor,
            extra: BTreeMap::new(),
        })
    }
}

impl UnknownFields for RequestRegisterApplication {
    fn collect_unknown_fields(&self, path: &str, out: &mut Vec<String>) {
        collect_extra(&self.extra, path, out);
    }
}

impl WireMessage for RequestRegisterApplication {
    const WIRE_NAME: &'static str = "RequestRegisterApplication";

    fn validate(&self) -> Result<(), Error> {
        validate_e164(&self.open_user_id)?;
        if UserId::from_e164(&self.open_user_id)? != self.user_id {
            return Err(Error::invalid_input(
                "userId",
                "must be UserId::from_e164(openUserId)",
            ));
        }
        Ok(())
    }
}

impl WireRequest for RequestRegisterApplication {
    type Reply = ResponseStatusMessage;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{Kind, round_trip, seed};

    #[test]
    fn request_seed_sample_round_trips() {
        let value: RequestRegisterApplication =
            round_trip(&seed::sample(Kind::Request, "RequestRegisterApplication"));
        assert_eq!(value.android_sms_token.as_deref(), Some("p1VSyoHQY8a"));
        assert_eq!(value.application_type.as_str(), "android");
        assert_eq!(value.model, "SM-A336B");
        assert_eq!(value.open_user_id, "+35794048714");
        assert_eq!(value.os_version, "SDK 34");
        assert_eq!(
            value.user_id.as_str(),
            "/4DZItfW2uZQyMCcxDboGMF0SjJs5sfedl9SXWNaO8Y="
        );
        assert_eq!(value.uuid.as_str(), "db2553bb-3308-4a53-8c32-30dc3b55dece");
        assert_eq!(value.vendor, "samsung");
        value.validate().expect("the seed sample is valid");
    }
}

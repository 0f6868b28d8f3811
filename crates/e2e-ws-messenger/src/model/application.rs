//! [`Application`]: the `Application` object shared by several messages.

use crate::model::unknown_fields::{UnknownFields, collect_extra};
use crate::model::{ApplicationId, ApplicationType, DeviceInfo, Timestamp, UserId};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;
use transport_core::Secret;

/// A registered application (device) of a user (`ResponseApplicationsFull.applications[]`,
/// `AuthenticationByApplicationNotification.application`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Application {
    /// The application id (a UUID on Android, another opaque string on iOS).
    pub uuid: ApplicationId,
    /// The pending SMS code; only `null` seen.
    #[serde(default, with = "crate::model::secret_serde::option")]
    pub sms_code: Option<Secret>,
    /// The platform.
    pub application_type: ApplicationType,
    /// True once registration was confirmed with the SMS code.
    pub confirmed: bool,
    /// When the application registered.
    pub created: Timestamp,
    /// The owner.
    pub user_id: UserId,
    /// The push token (FCM or APNs).
    #[serde(default, with = "crate::model::secret_serde::option")]
    pub device_token: Option<Secret>,
    /// When the application last authenticated.
    pub last_login: Timestamp,
    /// True while the application is connected.
    pub online: bool,
    /// The OS version (`"SDK 34"`, `"17.7"`).
    pub os_version: String,
    /// The device vendor (`"samsung"`, `"Apple Inc."`).
    pub vendor: String,
    /// The device model (`"SM-A336B"`, `"iPhone"`).
    pub model: String,
    /// Fields this crate does not know, kept so that re-serializing loses nothing.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

impl Application {
    /// An application record; `last_login` starts equal to `created`.
    pub fn new(
        uuid: ApplicationId,
        user_id: UserId,
        device: DeviceInfo,
        created: Timestamp,
    ) -> Self {
        Self {
            uuid,
            sms_code: None,
            application_type: device.application_type,
            confirmed: false,
            created,
            user_id,
            device_token: None,
            last_login: created,
            online: false,
            os_version: device.os_version,
            vendor: device.vendor,
            model: device.model,
            extra: BTreeMap::new(),
        }
    }
}

impl UnknownFields for Application {
    fn collect_unknown_fields(&self, path: &str, out: &mut Vec<String>) {
        collect_extra(&self.extra, path, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{Kind, round_trip, seed};

    #[test]
    fn seed_response_applications_full_applications_0() {
        let sample = seed::sample(Kind::Response, "ResponseApplicationsFull");
        let value: Application = round_trip(
            sample
                .pointer("/applications/0")
                .expect("seed sample has /applications/0"),
        );
        assert_eq!(value.uuid.as_str(), "00872601-aee3-41c0-bf21-5cde7b2c48f9");
        assert!(value.sms_code.is_none());
        assert_eq!(value.application_type.as_str(), "android");
        assert!(value.confirmed);
        assert_eq!(value.created.as_millis(), 1732717294000);
        assert_eq!(
            value.user_id.as_str(),
            "/4DZItfW2uZQyMCcxDboGMF0SjJs5sfedl9SXWNaO8Y="
        );
        assert_eq!(
            value.device_token.as_ref().map(|v| v.expose()),
            Some("dwuj9wJ3QimGkG9E4OuC0e:APA91bEDcmZUrWCmH47MyhaI-X0dHS0S1_USAO8Bk...")
        );
        assert_eq!(value.last_login.as_millis(), 1732724815000);
        assert!(!value.online);
        assert_eq!(value.os_version, "SDK 34");
        assert_eq!(value.vendor, "samsung");
        assert_eq!(value.model, "SM-A336B");
    }

    #[test]
    fn seed_authentication_by_application_notification_application() {
        let sample = seed::sample(
            Kind::Notification,
            "AuthenticationByApplicationNotification",
        );
        let value: Application = round_trip(
            sample
                .pointer("/application")
                .expect("seed sample has /application"),
        );
        assert_eq!(value.uuid.as_str(), "db2553bb-3308-4a53-8c32-30dc3b55dece");
        assert_eq!(value.created.as_millis(), 1732795189440);
        assert!(
            value
                .device_token
                .as_ref()
                .map(|v| v.expose())
                .is_some_and(
                    |v| v.starts_with("cLwzm2RNQT6nAtNax9tPb3:APA91bHs980Cv04Gy") && v.len() == 142
                )
        );
        assert_eq!(value.last_login.as_millis(), 1732795449939);
        assert!(value.online);
    }
}

//! `response/clientInfo`: the app's device, configuration and capabilities
//! (app → client).

use crate::api::macros::wire_message;
use crate::codec::string_enum;
use crate::model::{Capabilities, Configuration};
use serde::{Deserialize, Serialize};

string_enum! {
    /// The app's operating system.
    pub enum Os {
        /// Android.
        Android = "android",
        /// iOS.
        Ios = "ios",
    }
}

/// `response/clientInfo` (app → client).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ResponseClientInfo {
    /// The device information.
    pub data: ClientInfo,
}

/// The `data` of [`ResponseClientInfo`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ClientInfo {
    /// The device model.
    pub device: String,
    /// The operating system.
    pub os: Os,
    /// The OS version (`"5.1"`).
    pub os_version: String,
    /// The app version (`"4.0.1"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub app_version: Option<String>,
    /// Whether this is Threema Work (absent: `false`, as Threema Web assumes).
    #[serde(default, deserialize_with = "crate::codec::nil_default")]
    pub is_work: bool,
    /// The wake-up push token. Android: the token, or `hms;…` / `threema-gateway;…`; iOS:
    /// `hex-token;p|s;bundle-id`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub push_token: Option<String>,
    /// The app configuration.
    pub configuration: Configuration,
    /// The app capabilities.
    pub capabilities: Capabilities,
}

impl ResponseClientInfo {
    /// The reply for a device.
    pub fn new(
        device: impl Into<String>,
        os: Os,
        os_version: impl Into<String>,
        capabilities: Capabilities,
    ) -> Self {
        Self {
            data: ClientInfo {
                device: device.into(),
                os,
                os_version: os_version.into(),
                app_version: None,
                is_work: false,
                push_token: None,
                configuration: Configuration::default(),
                capabilities,
            },
        }
    }
}

wire_message!(ResponseClientInfo = "response" / "clientInfo", [FromApp], data: required);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::{Direction, Frame};
    use crate::codec::Ack;
    use crate::testutil::{assert_keys, frame_round_trip, sample_capabilities};

    #[test]
    fn round_trips() {
        let mut reply = ResponseClientInfo::new("iPhone", Os::Ios, "17.1", sample_capabilities());
        reply.data.app_version = Some("6.0".into());
        reply.data.is_work = true;
        reply.data.push_token = Some("0011;p;ch.threema.iapp".into());
        reply.data.configuration.voip_enabled = Some(false);
        let value = frame_round_trip(
            &Frame::new(reply).with_ack(Ack::success("c")),
            Direction::FromApp,
        );
        assert_keys(
            &value,
            "data",
            &[
                "device",
                "os",
                "osVersion",
                "appVersion",
                "isWork",
                "pushToken",
                "configuration",
                "capabilities",
            ],
        );
    }
}

//! [`DeviceInfo`]: the device description an application registers with.

use crate::model::ApplicationType;

/// The device an application runs on, as `RequestRegisterApplication` and `Application` carry
/// it (`applicationType`, `model`, `osVersion`, `vendor`).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct DeviceInfo {
    /// The platform.
    pub application_type: ApplicationType,
    /// The device model (`"SM-A336B"`, `"iPhone"`).
    pub model: String,
    /// The OS version (`"SDK 34"`, `"17.7"`).
    pub os_version: String,
    /// The device vendor (`"samsung"`, `"Apple Inc."`).
    pub vendor: String,
}

impl DeviceInfo {
    /// A device description.
    pub fn new(
        application_type: ApplicationType,
        model: impl Into<String>,
        os_version: impl Into<String>,
        vendor: impl Into<String>,
    ) -> Self {
        Self {
            application_type,
            model: model.into(),
            os_version: os_version.into(),
            vendor: vendor.into(),
        }
    }
}

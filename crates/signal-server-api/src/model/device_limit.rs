//! [`DeviceLimit`]: the body of a 411 from linking a device.

use serde::{Deserialize, Serialize};

/// 411 body: the account already has its maximum number of devices.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct DeviceLimit {
    /// Devices the account has.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current: Option<u32>,
    /// The most it may have.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<u32>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes() {
        let d: DeviceLimit = serde_json::from_str(r#"{"current":6,"max":6}"#).unwrap();
        assert_eq!((d.current, d.max), (Some(6), Some(6)));
    }
}

//! [`StaleDevices`]: the body of a 410 from a send or a number change.

use super::DeviceId;
use serde::{Deserialize, Serialize};

/// 410 body: devices whose registration id changed (re-fetch their keys). On the wire an
/// **array of integers**.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct StaleDevices {
    /// Devices that are no longer valid.
    #[serde(default)]
    pub stale_devices: Vec<DeviceId>,
}

impl StaleDevices {
    /// A body listing these devices.
    pub fn new(stale_devices: Vec<DeviceId>) -> Self {
        Self { stale_devices }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integer_array_on_the_wire() {
        let s: StaleDevices = serde_json::from_str(r#"{"staleDevices":[3]}"#).unwrap();
        assert_eq!(s, StaleDevices::new(vec![DeviceId::new(3).unwrap()]));
        assert_eq!(
            serde_json::to_string(&s).unwrap(),
            r#"{"staleDevices":[3]}"#
        );
    }
}

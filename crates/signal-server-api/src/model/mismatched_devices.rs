//! [`MismatchedDevices`]: the body of a 409 from a send or a number change.

use super::DeviceId;
use serde::{Deserialize, Serialize};

/// 409 body: the devices the request must add (`missingDevices`) and drop (`extraDevices`).
/// On the wire both are **arrays of integers** (the spec's "array of string/format byte" is
/// the generator's view of Java `List<Byte>`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct MismatchedDevices {
    /// Devices present on the account but absent in the request.
    #[serde(default)]
    pub missing_devices: Vec<DeviceId>,
    /// Devices in the request but not on the account.
    #[serde(default)]
    pub extra_devices: Vec<DeviceId>,
}

impl MismatchedDevices {
    /// A body with these device lists.
    pub fn new(missing_devices: Vec<DeviceId>, extra_devices: Vec<DeviceId>) -> Self {
        Self {
            missing_devices,
            extra_devices,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integer_arrays_on_the_wire() {
        let m: MismatchedDevices =
            serde_json::from_str(r#"{"missingDevices":[1,2],"extraDevices":[],"new":true}"#)
                .unwrap();
        assert_eq!(
            m.missing_devices,
            vec![DeviceId::PRIMARY, DeviceId::new(2).unwrap()]
        );
        assert_eq!(
            serde_json::to_value(&m).unwrap(),
            serde_json::json!({"missingDevices": [1, 2], "extraDevices": []})
        );
        // Absent lists are empty.
        let empty: MismatchedDevices = serde_json::from_str("{}").unwrap();
        assert_eq!(empty, MismatchedDevices::default());
    }
}

//! [`AccountMismatchedDevices`]: one recipient's entry in a multi-recipient 409.

use super::{MismatchedDevices, ServiceId};
use serde::{Deserialize, Serialize};

/// One element of the 409 body of `PUT /v1/messages/multi_recipient` (the spec documents the
/// body as a string; the server sends a JSON array of these).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct AccountMismatchedDevices {
    /// The recipient (`<uuid>` or `PNI:<uuid>`).
    pub uuid: ServiceId,
    /// Its missing and extra devices.
    #[serde(default)]
    pub devices: MismatchedDevices,
}

impl AccountMismatchedDevices {
    /// An entry for `uuid`.
    pub fn new(uuid: ServiceId, devices: MismatchedDevices) -> Self {
        Self { uuid, devices }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_the_real_body() {
        let list: Vec<AccountMismatchedDevices> = serde_json::from_str(
            r#"[{"uuid":"PNI:9d0652a3-dcc3-4d11-975f-74d61598733f","devices":{"missingDevices":[2],"extraDevices":[]}}]"#,
        )
        .unwrap();
        assert!(matches!(list[0].uuid, ServiceId::Pni(_)));
        assert_eq!(list[0].devices.missing_devices[0].get(), 2);
    }
}

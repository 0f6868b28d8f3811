//! [`AccountStaleDevices`]: one recipient's entry in a multi-recipient 410.

use super::{ServiceId, StaleDevices};
use serde::{Deserialize, Serialize};

/// One element of the 410 body of `PUT /v1/messages/multi_recipient` (a JSON array on the
/// wire; the spec says string).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct AccountStaleDevices {
    /// The recipient.
    pub uuid: ServiceId,
    /// Its stale devices.
    #[serde(default)]
    pub devices: StaleDevices,
}

impl AccountStaleDevices {
    /// An entry for `uuid`.
    pub fn new(uuid: ServiceId, devices: StaleDevices) -> Self {
        Self { uuid, devices }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_the_real_body() {
        let list: Vec<AccountStaleDevices> = serde_json::from_str(
            r#"[{"uuid":"9d0652a3-dcc3-4d11-975f-74d61598733f","devices":{"staleDevices":[1,4]}}]"#,
        )
        .unwrap();
        assert!(matches!(list[0].uuid, ServiceId::Aci(_)));
        assert_eq!(list[0].devices.stale_devices.len(), 2);
    }
}

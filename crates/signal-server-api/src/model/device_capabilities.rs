//! [`DeviceCapabilities`]: what a device supports.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The capabilities a device announces (in [`AccountAttributes`](super::AccountAttributes) and
/// `PUT /v1/devices/capabilities`). Capabilities this crate does not name are kept in
/// [`other`](Self::other), so new ones can be sent and received without a new release.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct DeviceCapabilities {
    /// Supports storage service.
    #[serde(default)]
    pub storage: bool,
    /// Supports device transfer.
    #[serde(default)]
    pub transfer: bool,
    /// Supports payment activation.
    #[serde(default)]
    pub payment_activation: bool,
    /// Other capabilities, by wire name.
    #[serde(flatten)]
    pub other: BTreeMap<String, serde_json::Value>,
}

impl DeviceCapabilities {
    /// No capabilities.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets a capability by its wire name (known names set their field).
    #[must_use]
    pub fn with(mut self, name: &str, enabled: bool) -> Self {
        match name {
            "storage" => self.storage = enabled,
            "transfer" => self.transfer = enabled,
            "paymentActivation" => self.payment_activation = enabled,
            _ => {
                self.other
                    .insert(name.to_owned(), serde_json::Value::Bool(enabled));
            }
        }
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_and_new_capabilities() {
        let caps = DeviceCapabilities::new()
            .with("storage", true)
            .with("deleteSync", true);
        assert_eq!(
            serde_json::to_value(&caps).unwrap(),
            serde_json::json!({"storage": true, "transfer": false, "paymentActivation": false, "deleteSync": true})
        );
        let back: DeviceCapabilities =
            serde_json::from_str(r#"{"storage":true,"versionedExpirationTimer":true,"weird":"x"}"#)
                .unwrap();
        assert!(back.storage);
        assert_eq!(back.other["versionedExpirationTimer"], true);
        assert_eq!(back.other["weird"], "x");
    }
}

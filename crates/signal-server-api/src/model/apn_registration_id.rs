//! [`ApnRegistrationId`]: an APNs token for the primary device.

use serde::{Deserialize, Serialize};
use transport_core::Secret;

/// An APNs (iOS) push token and optional VoIP token. `Debug` never shows the tokens.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ApnRegistrationId {
    /// The APNs token.
    #[serde(with = "super::secret_string::required")]
    pub apn_registration_id: Secret,
    /// The VoIP token.
    #[serde(
        default,
        with = "super::secret_string::optional",
        skip_serializing_if = "Option::is_none"
    )]
    pub voip_registration_id: Option<Secret>,
}

impl ApnRegistrationId {
    /// An APNs token.
    pub fn new(apn_registration_id: impl Into<Secret>) -> Self {
        Self {
            apn_registration_id: apn_registration_id.into(),
            voip_registration_id: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wire_format() {
        let a = ApnRegistrationId::new("apn-token");
        assert_eq!(
            serde_json::to_value(&a).unwrap(),
            serde_json::json!({"apnRegistrationId": "apn-token"})
        );
        assert!(!format!("{a:?}").contains("apn-token"));
    }
}

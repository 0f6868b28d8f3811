//! [`GcmRegistrationId`]: an FCM token for the primary device.

use serde::{Deserialize, Serialize};
use transport_core::Secret;

/// An FCM/GCM (Android) push token. `Debug` never shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct GcmRegistrationId {
    /// The FCM token.
    #[serde(with = "super::secret_string::required")]
    pub gcm_registration_id: Secret,
}

impl GcmRegistrationId {
    /// An FCM token.
    pub fn new(gcm_registration_id: impl Into<Secret>) -> Self {
        Self {
            gcm_registration_id: gcm_registration_id.into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wire_format() {
        let g = GcmRegistrationId::new("fcm-token");
        assert_eq!(
            serde_json::to_value(&g).unwrap(),
            serde_json::json!({"gcmRegistrationId": "fcm-token"})
        );
        assert!(!format!("{g:?}").contains("fcm-token"));
    }
}

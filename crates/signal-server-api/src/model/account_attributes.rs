//! [`AccountAttributes`]: a device's registration attributes.

use super::{DeviceCapabilities, SecretBytes};
use serde::{Deserialize, Serialize};
use transport_core::Secret;

/// Attributes of the account and the calling device (`PUT /v1/accounts/attributes`, and part
/// of registration and device linking). Byte fields are base64 on the wire. `Debug` never
/// shows the registration lock, access key or recovery password.
///
/// The spec also lists `eachRegistrationIdValid`: a server-side validation getter, not a
/// field; it is not sent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct AccountAttributes {
    /// The device fetches messages itself (no push notifications).
    #[serde(default)]
    pub fetches_messages: bool,
    /// The ACI registration id (1‥=16383).
    #[serde(default)]
    pub registration_id: u32,
    /// The PNI registration id (1‥=16383).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pni_registration_id: Option<u32>,
    /// The encrypted device name.
    #[serde(
        default,
        with = "super::b64::standard_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub name: Option<Vec<u8>>,
    /// The registration lock token (64 hex characters), when the lock is set.
    #[serde(
        default,
        with = "super::secret_string::optional",
        skip_serializing_if = "Option::is_none"
    )]
    pub registration_lock: Option<Secret>,
    /// The 16-byte unidentified access key derived from the profile key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unidentified_access_key: Option<SecretBytes>,
    /// Anyone may send sealed-sender messages to this account.
    #[serde(default)]
    pub unrestricted_unidentified_access: bool,
    /// The device's capabilities.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub capabilities: Option<DeviceCapabilities>,
    /// The account can be found by its phone number (the server's default is true).
    #[serde(default = "yes")]
    pub discoverable_by_phone_number: bool,
    /// The registration recovery password.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recovery_password: Option<SecretBytes>,
}

fn yes() -> bool {
    true
}

impl AccountAttributes {
    /// Attributes with this ACI registration id, discoverable by phone number, and nothing
    /// else set.
    pub fn new(registration_id: u32) -> Self {
        Self {
            fetches_messages: false,
            registration_id,
            pni_registration_id: None,
            name: None,
            registration_lock: None,
            unidentified_access_key: None,
            unrestricted_unidentified_access: false,
            capabilities: None,
            discoverable_by_phone_number: true,
            recovery_password: None,
        }
    }

    /// Checks what the server would reject: registration ids outside 1‥=16383, an access key
    /// that is not 16 bytes, a registration lock that is not 64 hex characters.
    ///
    /// # Errors
    ///
    /// [`transport_core::Error::InvalidInput`] naming the field.
    pub fn validate(&self) -> transport_core::Result<()> {
        crate::api::validate::registration_id("registrationId", self.registration_id)?;
        if let Some(id) = self.pni_registration_id {
            crate::api::validate::registration_id("pniRegistrationId", id)?;
        }
        if let Some(key) = &self.unidentified_access_key {
            crate::api::validate::exact_len("unidentifiedAccessKey", key.len(), 16)?;
        }
        if let Some(lock) = &self.registration_lock {
            crate::api::validate::registration_lock("registrationLock", lock)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wire_format() {
        let mut a = AccountAttributes::new(4321);
        a.pni_registration_id = Some(8765);
        a.unidentified_access_key = Some(SecretBytes::from([1u8; 16]));
        a.name = Some(b"name".to_vec());
        a.capabilities = Some(DeviceCapabilities::new().with("storage", true));
        let json = serde_json::to_value(&a).unwrap();
        assert_eq!(
            json,
            serde_json::json!({
                "fetchesMessages": false,
                "registrationId": 4321,
                "pniRegistrationId": 8765,
                "name": "bmFtZQ==",
                "unidentifiedAccessKey": "AQEBAQEBAQEBAQEBAQEBAQ==",
                "unrestrictedUnidentifiedAccess": false,
                "capabilities": {"storage": true, "transfer": false, "paymentActivation": false},
                "discoverableByPhoneNumber": true
            })
        );
        assert_eq!(
            serde_json::from_value::<AccountAttributes>(json).unwrap(),
            a
        );
        assert!(a.validate().is_ok());
    }

    #[test]
    fn validation_and_redaction() {
        let mut a = AccountAttributes::new(0);
        assert!(
            a.validate()
                .unwrap_err()
                .to_string()
                .contains("registrationId")
        );
        a.registration_id = 16383;
        a.unidentified_access_key = Some(SecretBytes::from([1u8; 15]));
        assert!(a.validate().is_err());
        a.unidentified_access_key = None;
        a.registration_lock = Some(Secret::new("zz"));
        assert!(a.validate().is_err());
        a.registration_lock = Some(Secret::new("ab".repeat(32)));
        assert!(a.validate().is_ok());
        assert!(!format!("{a:?}").contains("abab"));
    }
}

//! [`PhoneNumberIdentityKeys`]: new key material for the phone-number identity of every device.

use super::{DeviceId, EcSignedPreKey, IdentityKey, IncomingMessage, KemSignedPreKey};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The PNI key material shared by `ChangeNumberRequest` and
/// `PhoneNumberIdentityKeyDistributionRequest`: a new PNI identity key, per-device signed
/// pre-keys and registration ids (keyed by device id, string keys on the wire), and one sync
/// message per linked device carrying its new keys.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct PhoneNumberIdentityKeys {
    /// The new PNI identity key.
    pub pni_identity_key: IdentityKey,
    /// One sync message per linked device.
    #[serde(default)]
    pub device_messages: Vec<IncomingMessage>,
    /// A new signed EC pre-key per device (this one included).
    pub device_pni_signed_prekeys: BTreeMap<DeviceId, EcSignedPreKey>,
    /// A new last-resort Kyber pre-key per device; when absent the server deletes them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub device_pni_pq_last_resort_prekeys: Option<BTreeMap<DeviceId, KemSignedPreKey>>,
    /// The new PNI registration id per device.
    pub pni_registration_ids: BTreeMap<DeviceId, u32>,
}

impl PhoneNumberIdentityKeys {
    /// Key material without sync messages or Kyber keys.
    pub fn new(
        pni_identity_key: IdentityKey,
        device_pni_signed_prekeys: BTreeMap<DeviceId, EcSignedPreKey>,
        pni_registration_ids: BTreeMap<DeviceId, u32>,
    ) -> Self {
        Self {
            pni_identity_key,
            device_messages: Vec::new(),
            device_pni_signed_prekeys,
            device_pni_pq_last_resort_prekeys: None,
            pni_registration_ids,
        }
    }

    /// Checks the registration ids (1‥=16383) and that every device with a registration id
    /// has a signed pre-key.
    ///
    /// # Errors
    ///
    /// [`transport_core::Error::InvalidInput`] naming the field.
    pub fn validate(&self) -> transport_core::Result<()> {
        for (device, id) in &self.pni_registration_ids {
            crate::api::validate::registration_id(&format!("pniRegistrationIds[{device}]"), *id)?;
            if !self.device_pni_signed_prekeys.contains_key(device) {
                return Err(transport_core::Error::invalid_input(
                    format!("devicePniSignedPrekeys[{device}]"),
                    "missing for a device with a registration id",
                ));
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn device_keyed_maps_have_string_keys() {
        let d1 = DeviceId::PRIMARY;
        let keys = PhoneNumberIdentityKeys::new(
            IdentityKey::new(vec![5, 2]),
            BTreeMap::from([(d1, EcSignedPreKey::new(7, vec![5], vec![6]))]),
            BTreeMap::from([(d1, 16383)]),
        );
        let json = serde_json::to_value(&keys).unwrap();
        assert_eq!(
            json,
            serde_json::json!({
                "pniIdentityKey": "BQI=",
                "deviceMessages": [],
                "devicePniSignedPrekeys": {"1": {"keyId": 7, "publicKey": "BQ==", "signature": "Bg=="}},
                "pniRegistrationIds": {"1": 16383}
            })
        );
        assert_eq!(
            serde_json::from_value::<PhoneNumberIdentityKeys>(json).unwrap(),
            keys
        );
        assert!(keys.validate().is_ok());
        let mut missing = keys.clone();
        missing
            .pni_registration_ids
            .insert(DeviceId::new(2).unwrap(), 5);
        assert!(
            missing
                .validate()
                .unwrap_err()
                .to_string()
                .contains("devicePniSignedPrekeys[2]")
        );
        let mut bad = keys;
        bad.pni_registration_ids.insert(d1, 0);
        assert!(bad.validate().is_err());
    }
}

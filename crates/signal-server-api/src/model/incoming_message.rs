//! [`IncomingMessage`]: one device's ciphertext in a send or a number change.

use super::{DeviceId, EnvelopeType};
use serde::{Deserialize, Serialize};

/// The encrypted message for one destination device.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct IncomingMessage {
    /// The ciphertext type.
    #[serde(rename = "type")]
    pub kind: EnvelopeType,
    /// The destination device (an integer on the wire; the spec says "string/format byte").
    pub destination_device_id: DeviceId,
    /// The destination device's registration id.
    pub destination_registration_id: u32,
    /// The ciphertext (standard base64 on the wire).
    #[serde(with = "super::b64::standard")]
    pub content: Vec<u8>,
}

impl IncomingMessage {
    /// A message for one device.
    pub fn new(
        kind: EnvelopeType,
        destination_device_id: DeviceId,
        destination_registration_id: u32,
        content: impl Into<Vec<u8>>,
    ) -> Self {
        Self {
            kind,
            destination_device_id,
            destination_registration_id,
            content: content.into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wire_format() {
        let m = IncomingMessage::new(
            EnvelopeType::PrekeyBundle,
            DeviceId::new(2).unwrap(),
            1234,
            b"ct".to_vec(),
        );
        let json = serde_json::json!({
            "type": 3, "destinationDeviceId": 2, "destinationRegistrationId": 1234, "content": "Y3Q="
        });
        assert_eq!(serde_json::to_value(&m).unwrap(), json);
        assert_eq!(serde_json::from_value::<IncomingMessage>(json).unwrap(), m);
    }
}

//! [`CopyMediaRequest`] and [`RemoteAttachment`]: copy one attachment into the backup CDN.

use super::SecretBytes;
use serde::{Deserialize, Serialize};

/// One media object to copy from the attachments CDN to the backup CDN, re-encrypted with the
/// given keys. `Debug` never shows the keys.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct CopyMediaRequest {
    /// The source object on the attachments CDN.
    pub source_attachment: RemoteAttachment,
    /// The length of the source before the copy's encryption.
    pub object_length: u32,
    /// The destination media id (URL-safe padded base64 text, as given).
    pub media_id: String,
    /// The 32-byte MAC key (standard base64 on the wire).
    pub hmac_key: SecretBytes,
    /// The 32-byte AES key (standard base64 on the wire).
    pub encryption_key: SecretBytes,
    /// The 16-byte IV (standard base64 on the wire).
    #[serde(with = "super::b64::standard")]
    pub iv: Vec<u8>,
}

impl CopyMediaRequest {
    /// A copy request.
    pub fn new(
        source_attachment: RemoteAttachment,
        object_length: u32,
        media_id: impl Into<String>,
        hmac_key: impl Into<SecretBytes>,
        encryption_key: impl Into<SecretBytes>,
        iv: impl Into<Vec<u8>>,
    ) -> Self {
        Self {
            source_attachment,
            object_length,
            media_id: media_id.into(),
            hmac_key: hmac_key.into(),
            encryption_key: encryption_key.into(),
            iv: iv.into(),
        }
    }

    /// Checks key and IV sizes (32, 32, 16 bytes) and a non-empty media id.
    ///
    /// # Errors
    ///
    /// [`transport_core::Error::InvalidInput`] naming the field.
    pub fn validate(&self, at: &str) -> transport_core::Result<()> {
        use crate::api::validate;
        validate::exact_len(&format!("{at}hmacKey"), self.hmac_key.len(), 32)?;
        validate::exact_len(&format!("{at}encryptionKey"), self.encryption_key.len(), 32)?;
        validate::exact_len(&format!("{at}iv"), self.iv.len(), 16)?;
        validate::not_empty(&format!("{at}mediaId"), &self.media_id)
    }
}

/// The spec's `RemoteAttachment`: an object on the attachments CDN.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct RemoteAttachment {
    /// The attachment CDN number.
    pub cdn: u32,
    /// The attachment key on that CDN.
    pub key: String,
}

impl RemoteAttachment {
    /// An attachment on `cdn` at `key`.
    pub fn new(cdn: u32, key: impl Into<String>) -> Self {
        Self {
            cdn,
            key: key.into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wire_format_and_validation() {
        let r = CopyMediaRequest::new(
            RemoteAttachment::new(3, "abc"),
            100,
            "bWVkaWE=",
            [1u8; 32],
            [2u8; 32],
            vec![3u8; 16],
        );
        let json = serde_json::to_value(&r).unwrap();
        assert_eq!(
            json,
            serde_json::json!({
                "sourceAttachment": {"cdn": 3, "key": "abc"},
                "objectLength": 100,
                "mediaId": "bWVkaWE=",
                "hmacKey": "AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE=",
                "encryptionKey": "AgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgI=",
                "iv": "AwMDAwMDAwMDAwMDAwMDAw=="
            })
        );
        assert_eq!(serde_json::from_value::<CopyMediaRequest>(json).unwrap(), r);
        assert!(r.validate("").is_ok());
        let mut bad = r.clone();
        bad.iv = vec![0; 15];
        assert!(
            bad.validate("items[0].")
                .unwrap_err()
                .to_string()
                .contains("items[0].iv")
        );
        assert!(!format!("{r:?}").contains("AQEB"));
    }
}

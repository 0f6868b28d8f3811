//! [`EncryptedUsername`]: the encrypted username behind a username link.

use serde::{Deserialize, Serialize};

/// An encrypted username for username links (URL-safe base64 on the wire, 1‥=128 bytes).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct EncryptedUsername {
    /// The encrypted username.
    #[serde(default, with = "super::b64::url")]
    pub username_link_encrypted_value: Vec<u8>,
    /// Reuse the existing link handle instead of generating a new one (request only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub keep_link_handle: Option<bool>,
}

impl EncryptedUsername {
    /// An encrypted username.
    pub fn new(username_link_encrypted_value: impl Into<Vec<u8>>) -> Self {
        Self {
            username_link_encrypted_value: username_link_encrypted_value.into(),
            keep_link_handle: None,
        }
    }

    /// Checks the size limit (1‥=128 bytes).
    ///
    /// # Errors
    ///
    /// [`transport_core::Error::InvalidInput`] when out of range.
    pub fn validate(&self) -> transport_core::Result<()> {
        crate::api::validate::len_range(
            "usernameLinkEncryptedValue",
            self.username_link_encrypted_value.len(),
            1,
            128,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wire_format() {
        let mut e = EncryptedUsername::new(vec![0xfb, 0xff]);
        e.keep_link_handle = Some(true);
        assert_eq!(
            serde_json::to_value(&e).unwrap(),
            serde_json::json!({"usernameLinkEncryptedValue": "-_8", "keepLinkHandle": true})
        );
        let back: EncryptedUsername =
            serde_json::from_str(r#"{"usernameLinkEncryptedValue":"-_8"}"#).unwrap();
        assert_eq!(back.username_link_encrypted_value, vec![0xfb, 0xff]);
        assert!(EncryptedUsername::new(vec![]).validate().is_err());
        assert!(EncryptedUsername::new(vec![0; 129]).validate().is_err());
        assert!(EncryptedUsername::new(vec![0; 128]).validate().is_ok());
    }
}

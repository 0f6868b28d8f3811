//! [`Base64Data`]: a standard-base64 string field, kept verbatim and decoded on demand.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A field holding standard base64 (`ivBase64`, `bodyEncryptedBase64`, `keyEncryptedBase64`,
/// `signatureBase64`, `fileNameEncrypted`, `metaDataKeyEncryptedBase64`).
///
/// The string is kept exactly as received and decoded only when asked, so a malformed value
/// never fails the message that carries it.
///
/// ```
/// use e2e_ws_messenger::model::Base64Data;
///
/// let iv = Base64Data::encode(&[7u8; 16]);
/// assert_eq!(iv.as_str(), "BwcHBwcHBwcHBwcHBwcHBw==");
/// assert_eq!(iv.decode()?, vec![7u8; 16]);
/// assert!(Base64Data::from_wire("cut short...").decode().is_err());
/// # Ok::<(), base64::DecodeError>(())
/// ```
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Base64Data(String);

impl Base64Data {
    /// Encodes bytes as standard base64 with padding.
    pub fn encode(bytes: &[u8]) -> Self {
        Self(STANDARD.encode(bytes))
    }

    /// Keeps a string as received, without checking it.
    pub fn from_wire(text: impl Into<String>) -> Self {
        Self(text.into())
    }

    /// The string as on the wire.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Decodes the base64.
    ///
    /// # Errors
    ///
    /// The decoder's error when the string is not standard base64 with padding.
    pub fn decode(&self) -> Result<Vec<u8>, base64::DecodeError> {
        STANDARD.decode(&self.0)
    }
}

impl fmt::Debug for Base64Data {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Ciphertexts and signatures can be 700 characters long; show enough to recognise one.
        const SHOWN: usize = 24;
        match self.0.char_indices().nth(SHOWN) {
            Some((cut, _)) => write!(f, "Base64Data({}…, {} chars)", &self.0[..cut], self.0.len()),
            None => write!(f, "Base64Data({})", self.0),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_a_seed_iv_to_16_bytes() {
        let iv: Base64Data = serde_json::from_str("\"Zlmuy+Zre8+fnxpvmrFfqw==\"").unwrap();
        assert_eq!(iv.decode().unwrap().len(), 16);
        assert_eq!(
            serde_json::to_string(&iv).unwrap(),
            "\"Zlmuy+Zre8+fnxpvmrFfqw==\""
        );
    }

    #[test]
    fn keeps_cut_short_values_and_fails_only_on_decode() {
        let cut: Base64Data = serde_json::from_str(
            "\"orIZgsCxgDVbSEpku6pAEDLH7ANLCEU2Qcqm3pm5THvcO7E4z9Om4hxAjweU2Cj+...\"",
        )
        .unwrap();
        assert!(cut.as_str().ends_with("..."));
        assert!(cut.decode().is_err());
    }

    #[test]
    fn debug_is_shortened() {
        let long = Base64Data::encode(&[1u8; 512]);
        let shown = format!("{long:?}");
        assert!(
            shown.starts_with("Base64Data(AQEBAQEBAQEBAQEBAQEBAQEB…"),
            "{shown}"
        );
        assert!(shown.ends_with(", 684 chars)"), "{shown}");
        assert_eq!(
            format!("{:?}", Base64Data::encode(b"ab")),
            "Base64Data(YWI=)"
        );
    }
}

//! [`PemEncryptedPrivateKey`]: the user's password-encrypted private key, as
//! `privateKeyEncryptedBase64` carries it.

use serde::{Deserialize, Serialize};
use transport_core::Secret;

/// A PEM `-----BEGIN ENCRYPTED PRIVATE KEY-----` text: PKCS#8 `EncryptedPrivateKeyInfo` with
/// PKCS#12 PBE (SHA-1 + 3-key 3DES-CBC, OID 1.2.840.113549.1.12.1.3; notes §6.2). The client
/// stores it on the server for key recovery; the password source is unknown.
///
/// Held as a [`Secret`]: the key is only as strong as a weak PBE, so `Debug` never shows it.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PemEncryptedPrivateKey(#[serde(with = "crate::model::secret_serde")] Secret);

impl PemEncryptedPrivateKey {
    /// Wraps the PEM text.
    pub fn new(pem: impl Into<String>) -> Self {
        Self(Secret::new(pem.into()))
    }

    /// The PEM text. Use it only to put it on the wire or to decrypt it.
    pub fn expose(&self) -> &str {
        self.0.expose()
    }

    /// True if the text has the `ENCRYPTED PRIVATE KEY` armour the samples show.
    pub fn has_expected_armour(&self) -> bool {
        self.0
            .expose()
            .trim_start()
            .starts_with("-----BEGIN ENCRYPTED PRIVATE KEY-----")
    }
}

impl std::fmt::Debug for PemEncryptedPrivateKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PemEncryptedPrivateKey([redacted])")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_never_prints() {
        let sample = "\"-----BEGIN ENCRYPTED PRIVATE KEY-----\\nMIIJdjAoBgoqhkiG9w0BDAEDMBo...\"";
        let key: PemEncryptedPrivateKey = serde_json::from_str(sample).unwrap();
        assert!(key.has_expected_armour());
        assert!(key.expose().ends_with("DMBo..."));
        assert_eq!(format!("{key:?}"), "PemEncryptedPrivateKey([redacted])");
        assert_eq!(serde_json::to_string(&key).unwrap(), sample);
        assert!(!PemEncryptedPrivateKey::new("-----BEGIN PUBLIC KEY-----").has_expected_armour());
    }
}

//! [`PemPublicKey`]: a PEM `PUBLIC KEY` text, as `publicKeyBase64` and `keyBase64` carry it.

use crate::error::Error;
use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use serde::{Deserialize, Serialize};
use std::fmt;

const BEGIN: &str = "-----BEGIN PUBLIC KEY-----";
const END: &str = "-----END PUBLIC KEY-----";

/// A public key as the wire carries it: PEM text `-----BEGIN PUBLIC KEY-----` (RSA-4096 SPKI in
/// every sample), despite the `…Base64` field names. Line breaks are `\n` or `\r\n` (both occur
/// in the seed); the text is kept as received.
#[derive(Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PemPublicKey(String);

impl PemPublicKey {
    /// A public key from PEM text, checked: the `PUBLIC KEY` armour and base64 inside.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInput`] naming `publicKeyBase64` when the text is not such a PEM block.
    pub fn new(pem: impl Into<String>) -> Result<Self, Error> {
        let key = Self(pem.into());
        key.der()?;
        Ok(key)
    }

    /// Keeps a value received from the server as it is, without checking it.
    pub fn from_wire(pem: impl Into<String>) -> Self {
        Self(pem.into())
    }

    /// A PEM text with `\n` line breaks and 64-character lines for DER-encoded SPKI bytes.
    pub fn from_der(der: &[u8]) -> Self {
        let body = STANDARD.encode(der);
        let mut pem = String::with_capacity(body.len() + body.len() / 64 + 60);
        pem.push_str(BEGIN);
        pem.push('\n');
        for line in body.as_bytes().chunks(64) {
            pem.push_str(&String::from_utf8_lossy(line));
            pem.push('\n');
        }
        pem.push_str(END);
        pem.push('\n');
        Self(pem)
    }

    /// The text as on the wire.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The text with `\r\n` line breaks turned into `\n` (what PEM parsers and our own
    /// requests use).
    pub fn normalized(&self) -> String {
        self.0.replace("\r\n", "\n")
    }

    /// The DER bytes inside the armour (an SPKI structure).
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInput`] naming `publicKeyBase64` when the armour is missing or the body
    /// is not base64 (values cut short, as in most seed samples, fail here).
    pub fn der(&self) -> Result<Vec<u8>, Error> {
        let text = self.normalized();
        let inner = text
            .trim()
            .strip_prefix(BEGIN)
            .and_then(|rest| rest.strip_suffix(END))
            .ok_or_else(|| {
                Error::invalid_input(
                    "publicKeyBase64",
                    "expected a PEM block `-----BEGIN PUBLIC KEY-----` … `-----END PUBLIC KEY-----`",
                )
            })?;
        let body: String = inner.chars().filter(|c| !c.is_whitespace()).collect();
        STANDARD.decode(body).map_err(|e| {
            Error::invalid_input("publicKeyBase64", format!("PEM body is not base64: {e}"))
        })
    }
}

impl fmt::Debug for PemPublicKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PemPublicKey({} chars)", self.0.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `NotificationNewPublicKey.keyBase64`, the only full key in the seed (line 1467).
    const SEED_KEY: &str = "-----BEGIN PUBLIC KEY-----\nMIICIjANBgkqhkiG9w0BAQEFAAOCAg8AMIICCgKCAgEAjkGabFK95cFweMer6Mf6\nZVqem+tbKBBflMnGecCT4M2Gal74iOs7T7VJPpb4a3QDiIakqoltpWPVrm0bmG3L\nUJv1LvYwDe9r233KuQlziePxX2Z3Zo7X8EOG/IBux3DhRvcGd5/QrlAqafZXXU9a\nkYt3HgQASHIFZKsXwgUYKmOzymGfvX6Pfu94thWcy2lNhr7gZuS8GqZDwfAAOW9/\nc4BWBJsbWDm6bcZhs6utiwVHWuR41oky9OWfrLIDAxvn5Bur0EVNfGh09XIc/G3B\nEK/1Af47KK+a9bD5rEoKf5b34t/hCCoQgmY7SCAsj40Icg5P/LZuwFwCwVaTCBTT\n6yC/ohZjjv/yyOLO4ad5NOVTGpnCuUS9cBoet3FySP1okzDfTQ+ITaSHFvBWk/fw\noVJxDT2sYwxw7F1VEpoMT1ZtNLwku0072JyvhubEVSN/NNc1jAR0VkwQsUudD3mQ\n3nuvMgywDOK+IQVhSSa03egd/KyamL2yjlK3eYWRGC1E8fLDnHVK/vCEEqxJdvC9\ncPPC9ScK25qraxfHwIPLm1Qpf6x5o6Yu76zoKq0kuxFaI4QMc6Oe3gPxYpAWAwkx\nsSldQO9liqOraHIn7XS2rAf+JLZoOkZNzfGhQ17Olkq209JKJEApL2emHOKjaji8\nKG2QebrZj400xb7DAkI2RxECAwEAAQ==\n-----END PUBLIC KEY-----\n";

    #[test]
    fn the_seed_key_is_a_550_byte_spki_and_round_trips_through_der() {
        let key = PemPublicKey::new(SEED_KEY).unwrap();
        let der = key.der().unwrap();
        assert_eq!(der.len(), 550);
        assert_eq!(&der[..4], &[0x30, 0x82, 0x02, 0x22]);
        assert_eq!(PemPublicKey::from_der(&der).as_str(), SEED_KEY);
    }

    #[test]
    fn crlf_line_breaks_are_accepted_and_normalized() {
        let crlf = SEED_KEY.replace('\n', "\r\n");
        let key = PemPublicKey::new(crlf.clone()).unwrap();
        assert_eq!(key.as_str(), crlf);
        assert_eq!(key.normalized(), SEED_KEY);
        assert_eq!(key.der().unwrap().len(), 550);
    }

    #[test]
    fn cut_short_and_foreign_texts_are_rejected() {
        let cut = PemPublicKey::from_wire(
            "-----BEGIN PUBLIC KEY-----\r\nMIICIjANBgkqhkiG9w0BAQEFAAOCAg8AMIIC...",
        );
        assert!(cut.der().is_err());
        let err =
            PemPublicKey::new("-----BEGIN RSA PUBLIC KEY-----\nAAAA\n-----END RSA PUBLIC KEY-----")
                .unwrap_err();
        assert!(
            err.to_string().starts_with("invalid publicKeyBase64"),
            "{err}"
        );
    }

    #[test]
    fn debug_is_short() {
        let shown = format!("{:?}", PemPublicKey::from_wire(SEED_KEY));
        assert_eq!(shown, "PemPublicKey(800 chars)");
    }
}

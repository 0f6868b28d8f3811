//! `RequestAddUserKeys` → `ResponseStatusMessage`.

use crate::api::{ResponseStatusMessage, WireMessage, WireRequest};
use crate::error::Error;
use crate::model::unknown_fields::{UnknownFields, collect_extra};
use crate::model::{Base64Data, EncryptedEnvelope, PemEncryptedPrivateKey, PemPublicKey};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// `RequestAddUserKeys` → `ResponseStatusMessage`: upload the user's first key pair.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct RequestAddUserKeys {
    /// The wrapped metadata key.
    pub meta_data_key_encrypted_base64: Base64Data,
    /// The user's nick, an envelope without session-key fields.
    pub nick: EncryptedEnvelope,
    /// The password-encrypted private key (PEM).
    pub private_key_encrypted_base64: PemEncryptedPrivateKey,
    /// The public key (PEM text, RSA-4096).
    pub public_key_base64: PemPublicKey,
    /// Fields this crate does not know, kept so that re-serializing loses nothing.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

impl RequestAddUserKeys {
    /// A `RequestAddUserKeys` with the given fields.
    pub fn new(
        meta_data_key_encrypted_base64: Base64Data,
        nick: EncryptedEnvelope,
        private_key_encrypted_base64: PemEncryptedPrivateKey,
        public_key_base64: PemPublicKey,
    ) -> Self {
        Self {
            meta_data_key_encrypted_base64,
            nick,
            private_key_encrypted_base64,
            public_key_base64,
            extra: BTreeMap::new(),
        }
    }
}

impl UnknownFields for RequestAddUserKeys {
    fn collect_unknown_fields(&self, path: &str, out: &mut Vec<String>) {
        collect_extra(&self.extra, path, out);
    }
}

impl WireMessage for RequestAddUserKeys {
    const WIRE_NAME: &'static str = "RequestAddUserKeys";

    fn validate(&self) -> Result<(), Error> {
        self.public_key_base64.der()?;
        if !self.private_key_encrypted_base64.has_expected_armour() {
            return Err(Error::invalid_input(
                "privateKeyEncryptedBase64",
                "expected a PEM `ENCRYPTED PRIVATE KEY` block",
            ));
        }
        Ok(())
    }
}

impl WireRequest for RequestAddUserKeys {
    type Reply = ResponseStatusMessage;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{Kind, round_trip, seed};

    #[test]
    fn request_seed_sample_round_trips() {
        let value: RequestAddUserKeys =
            round_trip(&seed::sample(Kind::Request, "RequestAddUserKeys"));
        assert_eq!(
            value.meta_data_key_encrypted_base64.as_str(),
            "dkxkNn+Q24tfs/9WJnKFzd0jd8nXtgpvzDXaSmhGH69o..."
        );
        assert!(
            value
                .nick
                .as_str()
                .starts_with("eyJlbmNyeXB0ZWRCb2R5QmFzZTY0IjoiS05iL1dn")
        );
        assert_eq!(value.nick.as_str().len(), 96);
        assert_eq!(
            value.private_key_encrypted_base64.expose(),
            "-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIJdjAoBgoqhkiG9w0BDAEDMBo..."
        );
        assert_eq!(
            value.public_key_base64.as_str(),
            "-----BEGIN PUBLIC KEY-----\nMIICIjANBgkqhkiG9w0BAQEFAAOCAg8A..."
        );
    }
}

//! `RequestUpdateUserKeys` → `ResponseStatusMessage`.

use crate::api::{ResponseStatusMessage, WireMessage, WireRequest};
use crate::error::Error;
use crate::model::ids::validate_e164;
use crate::model::unknown_fields::{UnknownFields, collect_extra};
use crate::model::{Base64Data, EncryptedEnvelope, PemEncryptedPrivateKey, PemPublicKey};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// `RequestUpdateUserKeys` → `ResponseStatusMessage`: reset the user's keys; the server sends an SMS code
/// to confirm with `RequestConfirmUpdateUserKeys`.
///
/// Neither the document nor the sample has a public key, yet a `NotificationNewPublicKey` for the
/// same user follows in the seed; `publicKeyBase64` is therefore optional here (notes §9 #23).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct RequestUpdateUserKeys {
    /// The Android SMS Retriever app hash; omitted by other platforms.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub android_sms_token: Option<String>,
    /// The wrapped metadata key.
    pub meta_data_key_encrypted_base64: Base64Data,
    /// The user's nick, an envelope.
    pub nick: EncryptedEnvelope,
    /// The E.164 phone number.
    pub open_user_id: String,
    /// The new password-encrypted private key (PEM).
    pub private_key_encrypted_base64: PemEncryptedPrivateKey,
    /// The new public key; not in the document (a guess, omitted when `None`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub public_key_base64: Option<PemPublicKey>,
    /// Fields this crate does not know, kept so that re-serializing loses nothing.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

impl RequestUpdateUserKeys {
    /// A `RequestUpdateUserKeys` with the given fields; the others start empty, `false` or `0`.
    pub fn new(
        meta_data_key_encrypted_base64: Base64Data,
        nick: EncryptedEnvelope,
        open_user_id: impl Into<String>,
        private_key_encrypted_base64: PemEncryptedPrivateKey,
    ) -> Self {
        Self {
            android_sms_token: None,
            meta_data_key_encrypted_base64,
            nick,
            open_user_id: open_user_id.into(),
            private_key_encrypted_base64,
            public_key_base64: None,
            extra: BTreeMap::new(),
        }
    }
}

impl UnknownFields for RequestUpdateUserKeys {
    fn collect_unknown_fields(&self, path: &str, out: &mut Vec<String>) {
        collect_extra(&self.extra, path, out);
    }
}

impl WireMessage for RequestUpdateUserKeys {
    const WIRE_NAME: &'static str = "RequestUpdateUserKeys";

    fn validate(&self) -> Result<(), Error> {
        validate_e164(&self.open_user_id)
    }
}

impl WireRequest for RequestUpdateUserKeys {
    type Reply = ResponseStatusMessage;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{Kind, round_trip, seed};

    #[test]
    fn request_seed_sample_round_trips() {
        let value: RequestUpdateUserKeys =
            round_trip(&seed::sample(Kind::Request, "RequestUpdateUserKeys"));
        assert_eq!(value.android_sms_token.as_deref(), Some("p1VSyoHQY8a"));
        assert_eq!(
            value.meta_data_key_encrypted_base64.as_str(),
            "QXAD/JU2N4DKAdVs2bsNz0kXWreZkt2+hWVjiQS6KR9U3jCWsm2n5pYUuLe2Oqb9..."
        );
        assert_eq!(
            value.nick.as_str(),
            "eyJlbmNyeXB0ZWRCb2R5QmFzZTY0IjoiL21iTm1RPT0iLCJpdkJhc2U2NCI6Imd1..."
        );
        assert_eq!(value.open_user_id, "+16266260017");
        assert_eq!(
            value.private_key_encrypted_base64.expose(),
            "-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIJdjAoBgoqhkiG9w0BDAEDMB..."
        );
        assert!(value.public_key_base64.is_none());
        value.validate().expect("the seed sample is valid");
    }
}

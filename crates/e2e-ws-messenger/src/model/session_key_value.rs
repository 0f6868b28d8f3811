//! [`SessionKeyValue`]: the `SessionKeyValue` object shared by several messages.

use crate::model::unknown_fields::{UnknownFields, collect_extra};
use crate::model::{Base64Data, KeyPairUuid, UserId};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// One recipient's copy of a session key, as the client sends it
/// (`RequestCreateConversationFull.sessionKeyValue`, `RequestAddMember.sessionKeyValue`,
/// `RequestAddAdmin.sessionKeyValue`, `RequestAddNewSessionKeys.sessionKeys[]`).
///
/// Build one with a [`CryptoProvider`](crate::crypto::CryptoProvider): wrap the key for the
/// recipient's public key and sign it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct SessionKeyValue {
    /// The session key wrapped for `userId`.
    pub key_encrypted_base64: Base64Data,
    /// The signer's signature (not over the per-recipient ciphertext).
    pub signature_base64: Base64Data,
    /// Which of the signer's key pairs signed.
    pub signer_key_pair_uuid: KeyPairUuid,
    /// Who signed.
    pub signer_user_id: UserId,
    /// The recipient.
    pub user_id: UserId,
    /// Fields this crate does not know, kept so that re-serializing loses nothing.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

impl SessionKeyValue {
    /// A `SessionKeyValue` with the given fields.
    pub fn new(
        key_encrypted_base64: Base64Data,
        signature_base64: Base64Data,
        signer_key_pair_uuid: KeyPairUuid,
        signer_user_id: UserId,
        user_id: UserId,
    ) -> Self {
        Self {
            key_encrypted_base64,
            signature_base64,
            signer_key_pair_uuid,
            signer_user_id,
            user_id,
            extra: BTreeMap::new(),
        }
    }
}

impl UnknownFields for SessionKeyValue {
    fn collect_unknown_fields(&self, path: &str, out: &mut Vec<String>) {
        collect_extra(&self.extra, path, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{Kind, round_trip, seed};

    #[test]
    fn seed_request_add_member_sessionkeyvalue() {
        let sample = seed::sample(Kind::Request, "RequestAddMember");
        let value: SessionKeyValue = round_trip(
            sample
                .pointer("/sessionKeyValue")
                .expect("seed sample has /sessionKeyValue"),
        );
        assert_eq!(
            value.key_encrypted_base64.as_str(),
            "jnwK3UFwufotVH/IITjFwdgWbu/QrRxnbbIzjrcLWWRjVppIz9wY8DaXCufuMiVg..."
        );
        assert_eq!(
            value.signature_base64.as_str(),
            "K7IqrCbrFDCup+up4wOsIM6ZZZ4jUolDfNXvJoOfq2Ev9lacXG+DV1d57wWlMBdr..."
        );
        assert_eq!(
            value.signer_key_pair_uuid.as_str(),
            "e925acd1-af66-4ac6-b700-0f0e0724f04e"
        );
        assert_eq!(
            value.signer_user_id.as_str(),
            "/4DZItfW2uZQyMCcxDboGMF0SjJs5sfedl9SXWNaO8Y="
        );
        assert_eq!(
            value.user_id.as_str(),
            "gjSz6SR6CnUTFlx1fI0BVE863u9RlgAH0wTlW8udJQM="
        );
    }

    #[test]
    fn seed_request_add_new_session_keys_sessionkeys_0() {
        let sample = seed::sample(Kind::Request, "RequestAddNewSessionKeys");
        let value: SessionKeyValue = round_trip(
            sample
                .pointer("/sessionKeys/0")
                .expect("seed sample has /sessionKeys/0"),
        );
        assert!(
            value
                .key_encrypted_base64
                .as_str()
                .starts_with("gMsu4b2wOckAeTwQA4reVm78W1fBP+39+jFul2KL")
        );
        assert_eq!(value.key_encrypted_base64.as_str().len(), 684);
        assert!(
            value
                .signature_base64
                .as_str()
                .starts_with("il5BmQwVt/KKaMqrCLf8Z6B4XsxbsPhfJ7k049yd")
        );
        assert_eq!(value.signature_base64.as_str().len(), 684);
        assert_eq!(
            value.user_id.as_str(),
            "/4DZItfW2uZQyMCcxDboGMF0SjJs5sfedl9SXWNaO8Y="
        );
    }
}

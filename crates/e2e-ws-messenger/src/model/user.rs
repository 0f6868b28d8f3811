//! [`User`]: the `User` object shared by several messages.

use crate::model::unknown_fields::{UnknownFields, collect_extra};
use crate::model::{
    Base64Data, EncryptedEnvelope, KeyPairUuid, PemEncryptedPrivateKey, PemPublicKey, Timestamp,
    UserId,
};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// A user's public record (`ResponseUserInfo.user`, `ResponseUserInfoMulti.users[]`,
/// `ResponseGetConversationsFull.members[]`).
///
/// Every key field is nullable: the seed shows records with all of them `null`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct User {
    /// The user.
    pub user_id: UserId,
    /// The current public key (PEM text, RSA-4096).
    #[serde(default)]
    pub public_key_base64: Option<PemPublicKey>,
    /// The password-encrypted private key; presumably only returned to its owner.
    #[serde(default)]
    pub private_key_encrypted_base64: Option<PemEncryptedPrivateKey>,
    /// When the user registered.
    pub created: Timestamp,
    /// When the user last logged in.
    pub last_login: Timestamp,
    /// The user's global nick, an envelope.
    #[serde(default)]
    pub nick: Option<EncryptedEnvelope>,
    /// When the avatar last changed.
    pub avatar_updated: Timestamp,
    /// When the keys last changed.
    pub keys_updated: Timestamp,
    /// True if the user is blocked.
    pub blocked: bool,
    /// The wrapped per-user metadata key (format unknown; presumably RSA).
    #[serde(default)]
    pub meta_data_key_encrypted_base64: Option<Base64Data>,
    /// The current key pair (matches `signerKeyPairUuid` values).
    #[serde(default)]
    pub key_pair_uuid: Option<KeyPairUuid>,
    /// Fields this crate does not know, kept so that re-serializing loses nothing.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

impl User {
    /// A `User` with the given fields; the others start empty, `false` or `0`.
    pub fn new(
        user_id: UserId,
        created: Timestamp,
        last_login: Timestamp,
        avatar_updated: Timestamp,
        keys_updated: Timestamp,
    ) -> Self {
        Self {
            user_id,
            public_key_base64: None,
            private_key_encrypted_base64: None,
            created,
            last_login,
            nick: None,
            avatar_updated,
            keys_updated,
            blocked: false,
            meta_data_key_encrypted_base64: None,
            key_pair_uuid: None,
            extra: BTreeMap::new(),
        }
    }
}

impl UnknownFields for User {
    fn collect_unknown_fields(&self, path: &str, out: &mut Vec<String>) {
        collect_extra(&self.extra, path, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{Kind, round_trip, seed};

    #[test]
    fn seed_response_user_info_user() {
        let sample = seed::sample(Kind::Response, "ResponseUserInfo");
        let value: User = round_trip(sample.pointer("/user").expect("seed sample has /user"));
        assert_eq!(
            value.user_id.as_str(),
            "upItfdN1OtNK50oxC5YQtGi2E9h1P862YnEVnNUhVA8="
        );
        assert_eq!(
            value.public_key_base64.as_ref().map(|v| v.as_str()),
            Some("-----BEGIN PUBLIC KEY-----\r\nMIICIjANBgkqhkiG9w0BAQEFAAOCAg8AMIIC...")
        );
        assert!(value.private_key_encrypted_base64.is_none());
        assert_eq!(value.created.as_millis(), 1731917645000);
        assert_eq!(value.last_login.as_millis(), 1732280198000);
        assert_eq!(
            value.nick.as_ref().map(|v| v.as_str()),
            Some("eyJpdkJhc2U2NCI6Ijd5aDJmV2Q5V3pIenFmWEVxaWh2QkE9PSIsImVuY3J5cHRl...")
        );
        assert_eq!(value.avatar_updated.as_millis(), 1731917645000);
        assert_eq!(value.keys_updated.as_millis(), 1731917672000);
        assert!(!value.blocked);
        assert!(value.meta_data_key_encrypted_base64.is_none());
        assert_eq!(
            value.key_pair_uuid.as_ref().map(|v| v.as_str()),
            Some("7ff6a1e2-52c7-43f4-9b58-76188e8910b7")
        );
    }

    #[test]
    fn seed_response_get_conversations_full_members_0() {
        let sample = seed::sample(Kind::Response, "ResponseGetConversationsFull");
        let value: User = round_trip(
            sample
                .pointer("/members/0")
                .expect("seed sample has /members/0"),
        );
        assert_eq!(
            value.user_id.as_str(),
            "6m76nVOeK46hNbZ1R39tNm0QYWo6+B3Dt0H5OFWBi2g="
        );
        assert!(value.public_key_base64.is_none());
        assert_eq!(value.created.as_millis(), 1729748120000);
        assert_eq!(value.last_login.as_millis(), 1730913976071);
        assert_eq!(
            value.nick.as_ref().map(|v| v.as_str()),
            Some("eyJpdkJhc2U2NCI6Imh1REpCUU1mMG90b2pIbGdoT2pOT1E9PSIsImVuY3J5cHRl...")
        );
        assert_eq!(value.avatar_updated.as_millis(), 1729748120000);
        assert_eq!(value.keys_updated.as_millis(), 1729748153000);
        assert_eq!(
            value
                .meta_data_key_encrypted_base64
                .as_ref()
                .map(|v| v.as_str()),
            Some("D3QWIl1fSIxQ5h90kCO4EPp2zKjBIeHacIqDNPi3auqKikQJqGHgWvwi53ohcvrW...")
        );
        assert_eq!(
            value.key_pair_uuid.as_ref().map(|v| v.as_str()),
            Some("c9f72f1b-78fb-4f0f-8a06-fcc1e1c57ebe")
        );
    }
}

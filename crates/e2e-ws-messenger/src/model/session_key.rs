//! [`SessionKey`]: the `SessionKey` object shared by several messages.

use crate::model::unknown_fields::{UnknownFields, collect_extra};
use crate::model::{Base64Data, ConversationUuid, KeyPairUuid, SessionKeyUuid, Timestamp, UserId};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// One recipient's copy of a conversation session key, as the server returns it
/// (`ResponseGetConversationFull.sessionKey`, `ResponseSessionKeyByUuid.sessionKey`,
/// `ResponseGetConversationsFull.sessionKeys[]`, `NotificationNewSessionKey.sessionKey`).
///
/// `keyEncryptedBase64` is the session key wrapped with the public key of `userId` (512 bytes:
/// RSA-4096); `signatureBase64` is the signer's signature (512 bytes), common to every recipient's
/// copy (notes §6.3).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct SessionKey {
    /// The session key id.
    pub uuid: SessionKeyUuid,
    /// The conversation.
    pub conversation_uuid: ConversationUuid,
    /// The recipient: whose public key wrapped this copy.
    pub user_id: UserId,
    /// The wrapped session key.
    pub key_encrypted_base64: Base64Data,
    /// The signer's signature.
    pub signature_base64: Base64Data,
    /// When the key was stored.
    pub created: Timestamp,
    /// Who signed. Documented everywhere but missing from the `ResponseGetConversationFull` sample,
    /// so optional.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signer_user_id: Option<UserId>,
    /// Which of the signer's key pairs signed (keys rotate).
    pub signer_key_pair_uuid: KeyPairUuid,
    /// Fields this crate does not know, kept so that re-serializing loses nothing.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

impl SessionKey {
    /// A `SessionKey` with the given fields; the others start empty, `false` or `0`.
    pub fn new(
        uuid: SessionKeyUuid,
        conversation_uuid: ConversationUuid,
        user_id: UserId,
        key_encrypted_base64: Base64Data,
        signature_base64: Base64Data,
        created: Timestamp,
        signer_key_pair_uuid: KeyPairUuid,
    ) -> Self {
        Self {
            uuid,
            conversation_uuid,
            user_id,
            key_encrypted_base64,
            signature_base64,
            created,
            signer_user_id: None,
            signer_key_pair_uuid,
            extra: BTreeMap::new(),
        }
    }
}

impl UnknownFields for SessionKey {
    fn collect_unknown_fields(&self, path: &str, out: &mut Vec<String>) {
        collect_extra(&self.extra, path, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{Kind, round_trip, seed};

    #[test]
    fn seed_response_session_key_by_uuid_sessionkey() {
        let sample = seed::sample(Kind::Response, "ResponseSessionKeyByUuid");
        let value: SessionKey = round_trip(
            sample
                .pointer("/sessionKey")
                .expect("seed sample has /sessionKey"),
        );
        assert_eq!(value.uuid.as_str(), "b8322f5c-92e7-4810-90da-8b167223e496");
        assert_eq!(
            value.conversation_uuid.as_str(),
            "6921d2fd-e88c-4802-bb70-d7a18770939e"
        );
        assert_eq!(
            value.user_id.as_str(),
            "/4DZItfW2uZQyMCcxDboGMF0SjJs5sfedl9SXWNaO8Y="
        );
        assert_eq!(
            value.key_encrypted_base64.as_str(),
            "orIZgsCxgDVbSEpku6pAEDLH7ANLCEU2Qcqm3pm5THvcO7E4z9Om4hxAjweU2Cj+..."
        );
        assert_eq!(
            value.signature_base64.as_str(),
            "f2LCOEVLhbYrUc77mZt2SgnvvUlsBG97JdGFu6pr3J143cc2PuWJAPiA//CZZz3j..."
        );
        assert_eq!(value.created.as_millis(), 1732795359460);
        assert_eq!(
            value.signer_user_id.as_ref().map(|v| v.as_str()),
            Some("/4DZItfW2uZQyMCcxDboGMF0SjJs5sfedl9SXWNaO8Y=")
        );
        assert_eq!(
            value.signer_key_pair_uuid.as_str(),
            "e925acd1-af66-4ac6-b700-0f0e0724f04e"
        );
    }

    #[test]
    fn seed_response_get_conversation_full_sessionkey() {
        let sample = seed::sample(Kind::Response, "ResponseGetConversationFull");
        let value: SessionKey = round_trip(
            sample
                .pointer("/sessionKey")
                .expect("seed sample has /sessionKey"),
        );
        assert!(
            value
                .key_encrypted_base64
                .as_str()
                .starts_with("orIZgsCxgDVbSEpku6pAEDLH7ANLCEU2Qcqm3pm5")
        );
        assert_eq!(value.key_encrypted_base64.as_str().len(), 684);
        assert!(
            value
                .signature_base64
                .as_str()
                .starts_with("f2LCOEVLhbYrUc77mZt2SgnvvUlsBG97JdGFu6pr")
        );
        assert_eq!(value.signature_base64.as_str().len(), 684);
        assert!(value.signer_user_id.is_none());
    }
}

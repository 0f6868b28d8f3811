//! [`Contact`]: the `Contact` object shared by several messages.

use crate::model::unknown_fields::{UnknownFields, collect_extra};
use crate::model::{EncryptedEnvelope, UserId};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// An entry of the user's contact list (`ResponseContactList.users[]`, `UpdateContact.contact`,
/// `RequestUpdateContactList.contactList[]`). The encrypted fields are envelopes under a key of the
/// owner (presumably the metadata key).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Contact {
    /// The contact's user id.
    pub contact_id: UserId,
    /// The contact's phone number, encrypted (12-byte ciphertexts match E.164 numbers).
    pub contact_id_encrypted: EncryptedEnvelope,
    /// The contact's display name, encrypted.
    #[serde(default)]
    pub nick_encrypted: Option<EncryptedEnvelope>,
    /// A verified key fingerprint, encrypted (format unknown).
    #[serde(default)]
    pub trusted_fingerprint_encrypted: Option<EncryptedEnvelope>,
    /// Fields this crate does not know, kept so that re-serializing loses nothing.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

impl Contact {
    /// A `Contact` with the given fields; the others start empty, `false` or `0`.
    pub fn new(contact_id: UserId, contact_id_encrypted: EncryptedEnvelope) -> Self {
        Self {
            contact_id,
            contact_id_encrypted,
            nick_encrypted: None,
            trusted_fingerprint_encrypted: None,
            extra: BTreeMap::new(),
        }
    }
}

impl UnknownFields for Contact {
    fn collect_unknown_fields(&self, path: &str, out: &mut Vec<String>) {
        collect_extra(&self.extra, path, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{Kind, round_trip, seed};

    #[test]
    fn seed_response_contact_list_users_0() {
        let sample = seed::sample(Kind::Response, "ResponseContactList");
        let value: Contact = round_trip(
            sample
                .pointer("/users/0")
                .expect("seed sample has /users/0"),
        );
        assert_eq!(
            value.contact_id.as_str(),
            "/4DZItfW2uZQyMCcxDboGMF0SjJs5sfedl9SXWNaO8Y="
        );
        assert_eq!(
            value.contact_id_encrypted.as_str(),
            "eyJlbmNyeXB0ZWRCb2R5QmFzZTY0IjoiZGw1QjljcDVtb2RBVWdFMiIsIml2QmFz..."
        );
        assert_eq!(
            value.nick_encrypted.as_ref().map(|v| v.as_str()),
            Some("eyJlbmNyeXB0ZWRCb2R5QmFzZTY0IjoiekxLWWthVnFvU0hpeUE9PSIsIml2QmFz...")
        );
        assert!(value.trusted_fingerprint_encrypted.is_none());
    }

    #[test]
    fn seed_update_contact_contact() {
        let sample = seed::sample(Kind::Request, "UpdateContact");
        let value: Contact = round_trip(
            sample
                .pointer("/contact")
                .expect("seed sample has /contact"),
        );
        assert_eq!(
            value.contact_id.as_str(),
            "upItfdN1OtNK50oxC5YQtGi2E9h1P862YnEVnNUhVA8="
        );
        assert_eq!(
            value.contact_id_encrypted.as_str(),
            "eyJlbmNyeXB0ZWRCb2R5QmFzZTY0IjoiMXY5M0lhVXVkRWZCK2xKQSIsIml2QmFz..."
        );
        assert_eq!(
            value.nick_encrypted.as_ref().map(|v| v.as_str()),
            Some("eyJlbmNyeXB0ZWRCb2R5QmFzZTY0IjoiZTVhbHF3PT0iLCJpdkJhc2U2NCI6InB1...")
        );
        assert_eq!(
            value
                .trusted_fingerprint_encrypted
                .as_ref()
                .map(|v| v.as_str()),
            Some("eyJlbmNyeXB0ZWRCb2R5QmFzZTY0IjoibGxGT3ZXTnBZeE1DczJRdDhXbnJldUY0...")
        );
    }
}

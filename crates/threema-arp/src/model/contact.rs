//! [`Contact`]: a contact receiver, with its enums.

use super::{Binary, ContactReceiverAccess};
use crate::codec::{int_enum, string_enum};
use serde::{Deserialize, Serialize};

int_enum! {
    /// How well the contact's public key is verified (`Contact.verificationLevel`).
    pub enum VerificationLevel {
        /// Unverified (red).
        Unverified = 1,
        /// Verified by the server, e.g. through a linked phone number (yellow).
        ServerVerified = 2,
        /// Fully verified, e.g. by scanning the contact's QR code (green).
        FullyVerified = 3,
    }
}

int_enum! {
    /// The identity type (`Contact.identityType`).
    pub enum IdentityType {
        /// A regular Threema user.
        Regular = 0,
        /// A Threema Work user.
        Work = 1,
    }
}

string_enum! {
    /// The state of a Threema identity (`Contact.state`).
    pub enum ContactState {
        /// Active.
        Active = "ACTIVE",
        /// Inactive (not used for a while).
        Inactive = "INACTIVE",
        /// Revoked or deleted.
        Invalid = "INVALID",
    }
}

/// A contact (schema model `Contact`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Contact {
    /// The Threema ID (8 characters).
    pub id: String,
    /// The display name, built by the app from first and last name.
    pub display_name: String,
    /// The contact colour in hex notation (`"#1122FF"`).
    pub color: String,
    /// The first name (at most 256 bytes).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_name: Option<String>,
    /// The last name (at most 256 bytes).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_name: Option<String>,
    /// The public nickname, without the leading `~` (at most 32 bytes).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub public_nickname: Option<String>,
    /// The verification level.
    pub verification_level: VerificationLevel,
    /// The identity state.
    pub state: ContactState,
    /// The feature mask: `0x01` audio messages, `0x02` group chats, `0x04` ballots, `0x08`
    /// file transfer, `0x10` VoIP calls. Android writes it as a 64-bit integer.
    pub feature_mask: u64,
    /// Whether the contact belongs to the same Threema Work package (absent: `false`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_work: Option<bool>,
    /// The identity type.
    pub identity_type: IdentityType,
    /// The contact's public key (32 bytes).
    pub public_key: Binary,
    /// Whether the contact is blocked (absent: `false`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_blocked: Option<bool>,
    /// Whether the chat is locked (private chat).
    pub locked: bool,
    /// Whether the chat is visible (private chats can be hidden).
    pub visible: bool,
    /// Whether the contact is hidden (e.g. only a group member, never added).
    pub hidden: bool,
    /// What the user may change.
    pub access: ContactReceiverAccess,
    /// The legacy feature level (Android extension, undocumented).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feature_level: Option<i64>,
}

impl Contact {
    /// A visible, active, unverified regular contact with no features and no permissions;
    /// set the public fields for anything else.
    pub fn new(
        id: impl Into<String>,
        display_name: impl Into<String>,
        public_key: impl Into<Binary>,
    ) -> Self {
        Self {
            id: id.into(),
            display_name: display_name.into(),
            color: "#000000".into(),
            first_name: None,
            last_name: None,
            public_nickname: None,
            verification_level: VerificationLevel::Unverified,
            state: ContactState::Active,
            feature_mask: 0,
            is_work: None,
            identity_type: IdentityType::Regular,
            public_key: public_key.into(),
            is_blocked: None,
            locked: false,
            visible: true,
            hidden: false,
            access: ContactReceiverAccess::default(),
            feature_level: None,
        }
    }

    /// `is_work` with its default applied.
    pub fn is_work(&self) -> bool {
        self.is_work.unwrap_or(false)
    }

    /// `is_blocked` with its default applied.
    pub fn is_blocked(&self) -> bool {
        self.is_blocked.unwrap_or(false)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::{assert_bin, at, decode_value, map, round_trip, sample_contact};
    use rmpv::Value;

    #[test]
    fn round_trips_with_bin_public_key() {
        let value = round_trip(&sample_contact());
        assert_bin(&value, "publicKey", &[9; 32]);
        assert_eq!(at(&value, "verificationLevel"), &Value::from(3));
        assert_eq!(at(&value, "access.canDelete"), &Value::from(true));
        round_trip(&Contact::new("*THREEMA", "Threema", [0u8; 32]));
    }

    #[test]
    fn accepts_a_64_bit_feature_mask_unknown_enums_and_nil_optionals() {
        let contact: Contact = decode_value(&map(vec![
            ("id", "ECHOECHO".into()),
            ("displayName", "Echo".into()),
            ("color", "#112233".into()),
            ("firstName", Value::Nil),
            ("verificationLevel", Value::from(9u64)),
            ("state", "SUSPENDED".into()),
            ("featureMask", Value::from(0x1_0000_001fu64)),
            ("identityType", Value::from(0i64)),
            ("publicKey", Value::Binary(vec![1; 32])),
            ("locked", false.into()),
            ("visible", true.into()),
            ("hidden", false.into()),
            ("type", "contact".into()),
            (
                "access",
                map(vec![
                    ("canDelete", true.into()),
                    ("canChangeAvatar", false.into()),
                    ("canChangeFirstName", true.into()),
                    ("canChangeLastName", true.into()),
                ]),
            ),
        ]));
        assert_eq!(contact.first_name, None);
        assert_eq!(contact.verification_level, VerificationLevel::Unknown(9));
        assert_eq!(contact.state, ContactState::Other("SUSPENDED".into()));
        assert_eq!(contact.feature_mask, 0x1_0000_001f);
        assert!(!contact.is_work());
        assert!(!contact.is_blocked());
    }
}

//! Identifiers: [`UserId`] (base64 of the SHA-256 of a phone number), the case-preserving
//! UUID newtypes ([`ConversationUuid`], [`MessageUuid`], [`SessionKeyUuid`], [`KeyPairUuid`])
//! and the opaque [`ApplicationId`].
//!
//! Constructors validate (strict where the user builds input); deserialization accepts any
//! string the server sends, so one odd id never fails a whole frame. Ids received from the
//! server are sent back exactly as received (notes §5: the server keeps the creator's case).

use crate::error::Error;
use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::fmt;

/// A user id: standard base64 (44 characters) of 32 bytes, the SHA-256 of the user's E.164 phone
/// number including the leading `+` (proven by two sample pairs in the seed, notes §5).
///
/// The hash is over a small space (phone numbers), so it is a pseudonym, not a secret.
///
/// ```
/// use e2e_ws_messenger::model::UserId;
///
/// let id = UserId::from_e164("+35794048714")?;
/// assert_eq!(id.as_str(), "/4DZItfW2uZQyMCcxDboGMF0SjJs5sfedl9SXWNaO8Y=");
/// assert!(UserId::new("not a user id").is_err());
/// # Ok::<(), e2e_ws_messenger::Error>(())
/// ```
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct UserId(String);

impl UserId {
    /// A user id from its wire form, validated: 44 characters of standard base64 that decode to
    /// 32 bytes.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInput`] when `id` is not base64 of 32 bytes.
    pub fn new(id: impl Into<String>) -> Result<Self, Error> {
        let id = id.into();
        if id.len() != 44 {
            return Err(Error::invalid_input(
                "userId",
                format!("must be 44 characters of base64, got {}", id.len()),
            ));
        }
        match STANDARD.decode(&id) {
            Ok(bytes) if bytes.len() == 32 => Ok(Self(id)),
            Ok(bytes) => Err(Error::invalid_input(
                "userId",
                format!("must decode to 32 bytes, got {}", bytes.len()),
            )),
            Err(e) => Err(Error::invalid_input(
                "userId",
                format!("not standard base64: {e}"),
            )),
        }
    }

    /// Keeps an id received from the server as it is, without checking it (deserialization does
    /// the same).
    pub fn from_wire(id: impl Into<String>) -> Self {
        Self(id.into())
    }

    /// The user id of an E.164 phone number: base64(SHA-256(UTF-8 of `phone`)), `phone`
    /// including its leading `+`.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInput`] when `phone` is not `+` followed by 7 to 15 digits (the first
    /// not zero).
    pub fn from_e164(phone: &str) -> Result<Self, Error> {
        validate_e164(phone)?;
        Ok(Self(STANDARD.encode(Sha256::digest(phone.as_bytes()))))
    }

    /// The wire form.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// True if the id is base64 of 32 bytes, as every id in the seed is. Ids received from the
    /// server are not checked on decoding; this tells whether one is well formed.
    pub fn is_well_formed(&self) -> bool {
        Self::new(self.0.clone()).is_ok()
    }
}

impl fmt::Debug for UserId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "UserId({})", self.0)
    }
}

impl fmt::Display for UserId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::str::FromStr for UserId {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::new(s)
    }
}

/// Checks that `phone` is an E.164 number: `+`, then 7 to 15 digits, the first not zero.
///
/// # Errors
///
/// [`Error::InvalidInput`] naming `openUserId` (the wire field that carries phone numbers).
pub fn validate_e164(phone: &str) -> Result<(), Error> {
    let Some(digits) = phone.strip_prefix('+') else {
        return Err(Error::invalid_input(
            "openUserId",
            "an E.164 phone number starts with `+`",
        ));
    };
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(Error::invalid_input(
            "openUserId",
            "an E.164 phone number has only digits after the `+`",
        ));
    }
    if !(7..=15).contains(&digits.len()) || digits.starts_with('0') {
        return Err(Error::invalid_input(
            "openUserId",
            format!(
                "an E.164 phone number has 7 to 15 digits and no leading zero, got {}",
                digits.len()
            ),
        ));
    }
    Ok(())
}

macro_rules! uuid_newtype {
    ($(#[$meta:meta])* $name:ident, $field:literal) => {
        $(#[$meta])*
        ///
        /// Case-preserving: the server returns whatever case the creator used (uppercase from
        /// iOS, lowercase from Android), so the string is kept and sent back exactly. `==` is
        /// exact; [`eq_ignore_case`](Self::eq_ignore_case) compares like UUIDs do.
        #[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            /// Validates a hyphenated UUID string (any case) and keeps it as given.
            ///
            /// # Errors
            ///
            #[doc = concat!("[`Error::InvalidInput`] naming `", $field, "` when `uuid` is not a hyphenated UUID.")]
            pub fn new(uuid: impl Into<String>) -> Result<Self, Error> {
                let uuid = uuid.into();
                check_uuid($field, &uuid)?;
                Ok(Self(uuid))
            }

            /// Keeps a value received from the server as it is, without checking it
            /// (deserialization does the same).
            pub fn from_wire(uuid: impl Into<String>) -> Self {
                Self(uuid.into())
            }

            /// A new random (version 4) UUID in lowercase, as the Android client makes them.
            pub fn random() -> Self {
                Self(uuid::Uuid::new_v4().hyphenated().to_string())
            }

            /// The wire form, exactly as received or given.
            pub fn as_str(&self) -> &str {
                &self.0
            }

            /// True if both name the same UUID, ignoring ASCII case.
            pub fn eq_ignore_case(&self, other: &Self) -> bool {
                self.0.eq_ignore_ascii_case(&other.0)
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, concat!(stringify!($name), "({})"), self.0)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl std::str::FromStr for $name {
            type Err = Error;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Self::new(s)
            }
        }
    };
}

fn check_uuid(field: &str, uuid: &str) -> Result<(), Error> {
    // `Uuid::try_parse` also accepts the simple, braced and URN forms; the wire only uses the
    // hyphenated one, which is 36 characters long.
    if uuid.len() == 36 && uuid::Uuid::try_parse(uuid).is_ok() {
        Ok(())
    } else {
        Err(Error::invalid_input(
            field,
            "must be a hyphenated UUID (8-4-4-4-12 hex digits)",
        ))
    }
}

uuid_newtype!(
    /// The id of a conversation (`conversationUuid`, `Conversation.uuid`), chosen by the
    /// creating client.
    ConversationUuid,
    "conversationUuid"
);
uuid_newtype!(
    /// The id of a message (`messageUuid`, `Message.uuid`), chosen by the sending client.
    MessageUuid,
    "messageUuid"
);
uuid_newtype!(
    /// The id of a conversation session key (`sessionKeyUuid`, `SessionKey.uuid`).
    SessionKeyUuid,
    "sessionKeyUuid"
);
uuid_newtype!(
    /// The id of a user's RSA key pair (`keyPairUuid`, `signerKeyPairUuid`).
    KeyPairUuid,
    "keyPairUuid"
);

/// The id of a registered application (device): `uuid` in the registration and authentication
/// requests and in `Application`.
///
/// Opaque: a v4 UUID from Android, but strings like `6F-C2C6B7B15065-6396923166703690188` from
/// iOS. `RequestAuthenticationByApplication` carries only the user id and this id, so it may
/// act as a bearer credential (notes §6.4): `Debug` does not show it.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ApplicationId(String);

impl ApplicationId {
    /// An application id; any non-empty string without surrounding whitespace.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInput`] when `id` is empty or has leading or trailing whitespace.
    pub fn new(id: impl Into<String>) -> Result<Self, Error> {
        let id = id.into();
        if id.is_empty() || id.trim() != id {
            return Err(Error::invalid_input(
                "uuid",
                "an application id is a non-empty string without surrounding whitespace",
            ));
        }
        Ok(Self(id))
    }

    /// Keeps an id received from the server as it is, without checking it (deserialization
    /// does the same).
    pub fn from_wire(id: impl Into<String>) -> Self {
        Self(id.into())
    }

    /// A new random id in the Android form (a lowercase v4 UUID).
    pub fn random() -> Self {
        Self(uuid::Uuid::new_v4().hyphenated().to_string())
    }

    /// The wire form. Put it only on the wire.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for ApplicationId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ApplicationId([redacted])")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_id_from_e164_matches_both_seed_pairs() {
        // Seed: RequestRegisterApplication (openUserId/userId) and RequestUpdateUserKeys +
        // NotificationNewPublicKey.
        assert_eq!(
            UserId::from_e164("+35794048714").unwrap().as_str(),
            "/4DZItfW2uZQyMCcxDboGMF0SjJs5sfedl9SXWNaO8Y="
        );
        assert_eq!(
            UserId::from_e164("+16266260017").unwrap().as_str(),
            "9dNAmjirVLHA7P1f3q9rbeBJr/5yctwuPAXZQDGKcIg="
        );
    }

    #[test]
    fn e164_validation_rejects_bad_numbers() {
        for bad in [
            "35794048714",
            "+3579404871a",
            "+123",
            "+0123456789",
            "+1234567890123456",
        ] {
            let err = UserId::from_e164(bad).unwrap_err();
            assert!(
                matches!(&err, Error::InvalidInput { field, .. } if field == "openUserId"),
                "{bad}: {err}"
            );
        }
        assert!(UserId::from_e164("+1234567").is_ok());
    }

    #[test]
    fn user_id_validation() {
        assert!(UserId::new("upItfdN1OtNK50oxC5YQtGi2E9h1P862YnEVnNUhVA8=").is_ok());
        let short = UserId::new("upItfdN1OtNK50ox").unwrap_err();
        assert!(short.to_string().contains("44 characters"), "{short}");
        let not_b64 = UserId::new("upItfdN1OtNK50oxC5YQtGi2E9h1P862YnEVnNUhV!8=").unwrap_err();
        assert!(not_b64.to_string().contains("base64"), "{not_b64}");
        // Lenient decoding: anything the server sends is kept.
        let odd: UserId = serde_json::from_str("\"support\"").unwrap();
        assert_eq!(odd.as_str(), "support");
        assert!(!odd.is_well_formed());
        assert_eq!(serde_json::to_string(&odd).unwrap(), "\"support\"");
    }

    #[test]
    fn uuids_keep_their_case_and_compare_ignoring_it() {
        let upper = ConversationUuid::new("2A22B9FB-3F79-4839-A3D6-B25B234E76F1").unwrap();
        let lower = ConversationUuid::new("2a22b9fb-3f79-4839-a3d6-b25b234e76f1").unwrap();
        assert_eq!(upper.as_str(), "2A22B9FB-3F79-4839-A3D6-B25B234E76F1");
        assert_ne!(upper, lower);
        assert!(upper.eq_ignore_case(&lower));
        assert_eq!(
            serde_json::to_string(&upper).unwrap(),
            "\"2A22B9FB-3F79-4839-A3D6-B25B234E76F1\""
        );
        assert!(MessageUuid::new("2a22b9fb3f794839a3d6b25b234e76f1").is_err());
        assert!(SessionKeyUuid::new("{2a22b9fb-3f79-4839-a3d6-b25b234e76f1}").is_err());
        let err = KeyPairUuid::new("nope").unwrap_err();
        assert!(matches!(&err, Error::InvalidInput { field, .. } if field == "keyPairUuid"));
    }

    #[test]
    fn random_uuids_are_lowercase_v4() {
        let a = MessageUuid::random();
        let b = MessageUuid::random();
        assert_ne!(a, b);
        assert_eq!(a.as_str(), a.as_str().to_lowercase());
        assert_eq!(&a.as_str()[14..15], "4");
        assert!(MessageUuid::new(a.as_str()).is_ok());
    }

    #[test]
    fn application_id_is_opaque_and_not_printed() {
        let ios = ApplicationId::new("6F-C2C6B7B15065-6396923166703690188").unwrap();
        assert_eq!(ios.as_str(), "6F-C2C6B7B15065-6396923166703690188");
        assert_eq!(format!("{ios:?}"), "ApplicationId([redacted])");
        assert!(ApplicationId::new("").is_err());
        assert!(ApplicationId::new(" x").is_err());
        assert_eq!(ApplicationId::random().as_str().len(), 36);
    }
}

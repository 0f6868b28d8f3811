//! Shared types: identifiers, timestamps, encrypted fields, keys, and the objects several
//! messages carry (`Message`, `Conversation`, `SessionKey`, `User`, …).
//!
//! Decoding is lenient (notes §13): every field that is `null` or documented nullable anywhere
//! is an `Option`; collections default to empty; unknown fields are kept in `extra`; ids,
//! envelopes and base64 values are kept verbatim and checked only on demand.

mod application;
mod application_type;
mod base64_data;
mod contact;
mod conversation;
mod device_info;
mod envelope;
mod event_type;
mod file_info;
pub mod ids;
mod message;
mod param;
mod pem_encrypted_private_key;
mod pem_public_key;
pub(crate) mod secret_serde;
mod session_key;
mod session_key_value;
mod status;
mod theme;
mod timestamp;
pub(crate) mod unknown_fields;
mod user;

pub use application::Application;
pub use application_type::ApplicationType;
pub use base64_data::Base64Data;
pub use contact::Contact;
pub use conversation::Conversation;
pub use device_info::DeviceInfo;
pub use envelope::{EncryptedEnvelope, EnvelopeFields, EnvelopeStyle};
pub use event_type::EventType;
pub use file_info::FileInfo;
pub use ids::{ApplicationId, ConversationUuid, KeyPairUuid, MessageUuid, SessionKeyUuid, UserId};
pub use message::Message;
pub use param::Param;
pub use pem_encrypted_private_key::PemEncryptedPrivateKey;
pub use pem_public_key::PemPublicKey;
pub use session_key::SessionKey;
pub use session_key_value::SessionKeyValue;
pub use status::Status;
pub use theme::Theme;
pub use timestamp::Timestamp;
pub use unknown_fields::UnknownFields;
pub use user::User;

//! The ARP models (schema `models`): one type per file, with the shared `args` shapes and
//! the newer fields the apps send (reactions, `Quote.message`, capability flags).
//!
//! All models are `#[non_exhaustive]` with a `new(required…)` constructor and public
//! fields. Decoding ignores unknown keys, treats `nil` like an absent optional field, keeps
//! unknown enum values, and accepts integers of any msgpack width. Fields that the schema
//! marks optional with a default are `Option`s (so absent and explicit values round-trip
//! exactly) with an accessor of the same name that applies the default.

mod audio;
mod binary;
mod capabilities;
mod configuration;
mod connection;
mod contact;
mod contact_details;
mod contact_receiver_access;
mod conversation;
mod distribution_list;
mod distribution_list_receiver_access;
mod email;
mod emoji_reaction;
mod file;
mod group;
mod group_receiver_access;
mod id_args;
mod identity_args;
mod image_format;
mod location;
mod mdm_restrictions;
mod members_change;
mod message;
mod message_event;
mod message_id_data;
mod message_ref;
mod notification_dnd;
mod notification_settings;
mod notification_sound;
mod phone;
mod quote;
mod reactions;
mod receiver;
mod receiver_data;
pub(crate) mod receiver_ref;
mod receiver_type;
mod system_contact;
mod thumbnail;
mod update_mode;
mod video;
mod voip;
mod voip_aborted;
mod voip_finished;
mod voip_identity;
mod voip_missed;
mod voip_rejected;
mod voip_ringing;
mod voip_started;

pub use audio::Audio;
pub use binary::Binary;
pub use capabilities::Capabilities;
pub use configuration::Configuration;
pub use connection::Connection;
pub use contact::{Contact, ContactState, IdentityType, VerificationLevel};
pub use contact_details::ContactDetails;
pub use contact_receiver_access::ContactReceiverAccess;
pub use conversation::Conversation;
pub use distribution_list::DistributionList;
pub use distribution_list_receiver_access::DistributionListReceiverAccess;
pub use email::Email;
pub use emoji_reaction::EmojiReaction;
pub use file::File;
pub use group::Group;
pub use group_receiver_access::GroupReceiverAccess;
pub use id_args::IdArgs;
pub use identity_args::IdentityArgs;
pub use image_format::ImageFormat;
pub use location::Location;
pub use mdm_restrictions::MdmRestrictions;
pub use members_change::MembersChange;
pub use message::{Message, MessageState, MessageType, StatusType};
pub use message_event::{MessageEvent, MessageEventType};
pub use message_id_data::MessageIdData;
pub use message_ref::MessageRef;
pub use notification_dnd::{DndMode, NotificationDnd};
pub use notification_settings::NotificationSettings;
pub use notification_sound::{NotificationSound, SoundMode};
pub use phone::Phone;
pub use quote::Quote;
pub use reactions::Reactions;
pub use receiver::Receiver;
pub use receiver_data::ReceiverData;
pub use receiver_ref::ReceiverRef;
pub use receiver_type::ReceiverType;
pub use system_contact::SystemContact;
pub use thumbnail::Thumbnail;
pub use update_mode::UpdateMode;
pub use video::Video;
pub use voip::{Voip, VoipCallStatus, VoipRejectCode};
pub use voip_aborted::VoipAborted;
pub use voip_finished::VoipFinished;
pub use voip_identity::VoipIdentity;
pub use voip_missed::VoipMissed;
pub use voip_rejected::{VoipRejectReason, VoipRejected};
pub use voip_ringing::VoipRinging;
pub use voip_started::VoipStarted;

/// The schema models (`models` in the ARP YAML) and the Rust type that implements each.
pub const SCHEMA_MODELS: &[(&str, &str)] = &[
    ("Audio", "Audio"),
    ("Capabilities", "Capabilities"),
    ("Configuration", "Configuration"),
    ("Connection", "Connection"),
    ("Contact", "Contact"),
    ("ContactDetails", "ContactDetails"),
    ("ContactReceiverAccess", "ContactReceiverAccess"),
    ("Conversation", "Conversation"),
    ("DistributionList", "DistributionList"),
    (
        "DistributionListReceiverAccess",
        "DistributionListReceiverAccess",
    ),
    ("Email", "Email"),
    ("File", "File"),
    ("Group", "Group"),
    ("GroupReceiverAccess", "GroupReceiverAccess"),
    ("ImageFormat", "ImageFormat"),
    ("Location", "Location"),
    ("MdmRestrictions", "MdmRestrictions"),
    ("Message", "Message"),
    ("MessageEvent", "MessageEvent"),
    ("NotificationDnd", "NotificationDnd"),
    ("NotificationSettings", "NotificationSettings"),
    ("NotificationSound", "NotificationSound"),
    ("Phone", "Phone"),
    ("Quote", "Quote"),
    ("SystemContact", "SystemContact"),
    ("Thumbnail", "Thumbnail"),
    ("Video", "Video"),
    ("VoIP", "Voip"),
    ("VoipAborted", "VoipAborted"),
    ("VoipFinished", "VoipFinished"),
    ("VoipMissed", "VoipMissed"),
    ("VoipRejected", "VoipRejected"),
    ("VoipRinging", "VoipRinging"),
    ("VoipStarted", "VoipStarted"),
];

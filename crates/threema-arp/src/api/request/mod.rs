//! `request/*`: requests for data; most subscribe to updates.

mod ack;
mod avatar;
mod battery_status;
mod blob;
mod client_info;
mod connection_ack;
mod contact_detail;
mod conversations;
mod group_sync;
mod key_persisted;
mod messages;
mod profile;
mod read;
mod receivers;
mod thumbnail;

pub use ack::{RequestAck, RequestAckArgs};
pub use avatar::{RequestAvatar, RequestAvatarArgs};
pub use battery_status::RequestBatteryStatus;
pub use blob::RequestBlob;
pub use client_info::{ClientInfoRequest, RequestClientInfo};
pub use connection_ack::RequestConnectionAck;
pub use contact_detail::RequestContactDetail;
pub use conversations::{RequestConversations, RequestConversationsArgs};
pub use group_sync::RequestGroupSync;
pub use key_persisted::RequestKeyPersisted;
pub use messages::{RequestMessages, RequestMessagesArgs};
pub use profile::RequestProfile;
pub use read::RequestRead;
pub use receivers::RequestReceivers;
pub use thumbnail::RequestThumbnail;

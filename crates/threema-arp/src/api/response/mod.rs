//! `response/*`: the app's answers to `request/*`, each carrying the `ack` of the request.

mod avatar;
mod blob;
mod client_info;
mod confirm_action;
mod contact_detail;
mod conversations;
mod messages;
mod profile;
mod receivers;
mod thumbnail;

pub use avatar::{ResponseAvatar, ResponseAvatarArgs};
pub use blob::{BlobData, ResponseBlob};
pub use client_info::{ClientInfo, Os, ResponseClientInfo};
pub use confirm_action::{ConfirmActionArgs, ResponseConfirmAction};
pub use contact_detail::ResponseContactDetail;
pub use conversations::ResponseConversations;
pub use messages::{ResponseMessages, ResponseMessagesArgs};
pub use profile::{Profile, ResponseProfile};
pub use receivers::{ReceiverLists, ResponseReceivers};
pub use thumbnail::ResponseThumbnail;

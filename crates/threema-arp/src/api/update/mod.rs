//! `update/*`: changes in either direction: edits by the client, subscribed updates from the
//! app, and the connection-layer messages (`connectionInfo`, `connectionAck`,
//! `connectionDisconnect`).

mod active_conversation;
mod alert;
mod avatar;
mod battery_status;
mod confirm;
mod connection_ack;
mod connection_disconnect;
mod connection_info;
mod contact;
mod conversation;
mod distribution_list;
mod group;
mod messages;
mod profile;
mod receiver;
mod receivers;
mod typing;
mod voip_status;

pub use active_conversation::UpdateActiveConversation;
pub use alert::{AlertArgs, AlertData, AlertSource, AlertType, UpdateAlert};
pub use avatar::UpdateAvatar;
pub use battery_status::{BatteryStatus, UpdateBatteryStatus};
pub use confirm::UpdateConfirm;
pub use connection_ack::{ConnectionAckData, UpdateConnectionAck};
pub use connection_disconnect::{DisconnectData, DisconnectReason, UpdateConnectionDisconnect};
pub use connection_info::{ConnectionInfo, UpdateConnectionInfo};
pub use contact::{ContactUpdated, UpdateContact, UpdateContactData};
pub use conversation::{
    ConversationUpdated, ConversationUpdatedArgs, UpdateConversation, UpdateConversationData,
};
pub use distribution_list::{
    DistributionListUpdated, UpdateDistributionList, UpdateDistributionListData,
};
pub use group::{GroupUpdated, UpdateGroup, UpdateGroupData};
pub use messages::{UpdateMessages, UpdateMessagesArgs};
pub use profile::{ProfileChange, ProfileUpdated, UpdateProfile};
pub use receiver::{UpdateReceiver, UpdateReceiverArgs};
pub use receivers::{UpdateReceivers, UpdateReceiversArgs};
pub use typing::{TypingData, UpdateTyping};
pub use voip_status::{UpdateVoipStatus, VoipStatus, VoipStatusArgs, VoipStatusType};

//! `delete/*`: delete conversations, distribution lists, groups and messages. Each is
//! confirmed by `update/confirm`.

mod clean_receiver_conversation;
mod distribution_list;
mod group;
mod message;

pub use clean_receiver_conversation::DeleteCleanReceiverConversation;
pub use distribution_list::DeleteDistributionList;
pub use group::{DeleteGroup, DeleteGroupArgs, DeleteType};
pub use message::DeleteMessage;

//! `create/*`: create contacts, groups, distribution lists and messages.

mod contact;
mod distribution_list;
mod file_message;
mod group;
mod text_message;

pub use contact::{ContactCreated, CreateContact, CreateContactData};
pub use distribution_list::{
    CreateDistributionList, CreateDistributionListData, DistributionListCreated,
};
pub use file_message::{CreateFileMessage, CreateFileMessageData, FileMessageCreated};
pub use group::{CreateGroup, CreateGroupData, GroupCreated};
pub use text_message::{CreateTextMessage, CreateTextMessageData, TextMessageCreated};

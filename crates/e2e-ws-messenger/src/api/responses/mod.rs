//! Every response type (server → client). The three shared by several requests live here; the
//! others live next to their request in [`requests`](crate::api::requests) and are re-exported.

mod response_files;
mod response_get_messages;
mod response_status_message;

pub use response_files::ResponseFiles;
pub use response_get_messages::ResponseGetMessages;
pub use response_status_message::ResponseStatusMessage;

pub use crate::api::requests::{
    BlackList, NicksList, Params, ResponseAddedMessage, ResponseAddedSessionKey,
    ResponseApplicationsFull, ResponseContactList, ResponseCreateConversation,
    ResponseGetConversationFull, ResponseGetConversationsFull, ResponseGetMembersList,
    ResponseGetUpdatedPublicKeys, ResponsePong, ResponseRegisteredUsers, ResponseServerSettings,
    ResponseSessionKeyByUuid, ResponseUserInfo, ResponseUserInfoMulti,
};

//! Tag `Messages` (5 operations): sending, fetching, acknowledging and reporting messages.

mod get_pending_messages;
mod remove_pending_message;
mod report_spam_message;
mod send_message;
mod send_multi_recipient_message;

pub use get_pending_messages::{
    GetPendingMessages, OutgoingMessageEntity, OutgoingMessageEntityList,
};
pub use remove_pending_message::RemovePendingMessage;
pub use report_spam_message::ReportSpamMessage;
pub use send_message::{SendMessage, SendMessageResponse};
pub use send_multi_recipient_message::{
    MULTI_RECIPIENT_CONTENT_TYPE, MultiRecipientAccess, SendMultiRecipientMessage,
    SendMultiRecipientMessageResponse,
};

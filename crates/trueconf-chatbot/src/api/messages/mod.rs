//! Message methods: sending, editing, removing, forwarding, reading history, chat activity.

mod edit_message;
mod forward_message;
mod get_chat_history;
mod get_message_by_id;
mod remove_message;
mod send_chat_activity;
mod send_message;

pub use edit_message::{EditMessage, EditedMessage};
pub use forward_message::ForwardMessage;
pub use get_chat_history::{ChatHistory, GetChatHistory};
pub use get_message_by_id::GetMessageById;
pub use remove_message::RemoveMessage;
pub use send_chat_activity::{ChatActivity, SendChatActivity};
pub use send_message::SendMessage;

use crate::model::TextContent;
use crate::validate::{self, ValidationError};

/// Checks a text content: visible length and inline buttons.
pub(crate) fn validate_text_content(
    field: &str,
    content: &TextContent,
) -> Result<(), ValidationError> {
    validate::message_text(&format!("{field}.text"), &content.text, &content.parse_mode)?;
    validate::keyboard(&format!("{field}.buttons"), &content.buttons)
}

//! Notifications (server → client, unsolicited), one wire message per file.

mod authentication_by_application_notification;
mod conversation_avatar_changed_notification;
mod conversation_nick_updated_notification;
mod delete_message_notification;
mod file_ready_notification;
mod notification_add_member_to_conversation;
mod notification_added_message_to_conversation;
mod notification_conversation_deleted;
mod notification_conversation_leaved;
mod notification_new_public_key;
mod notification_new_session_key;
mod notification_rename_conversation;
mod notification_typing;
mod update_contact_notification;
mod updated_message_notification;

pub use authentication_by_application_notification::*;
pub use conversation_avatar_changed_notification::*;
pub use conversation_nick_updated_notification::*;
pub use delete_message_notification::*;
pub use file_ready_notification::*;
pub use notification_add_member_to_conversation::*;
pub use notification_added_message_to_conversation::*;
pub use notification_conversation_deleted::*;
pub use notification_conversation_leaved::*;
pub use notification_new_public_key::*;
pub use notification_new_session_key::*;
pub use notification_rename_conversation::*;
pub use notification_typing::*;
pub use update_contact_notification::*;
pub use updated_message_notification::*;

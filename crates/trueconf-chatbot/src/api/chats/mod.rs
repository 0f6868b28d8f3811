//! Chat methods (the "Working with Chats" section of the docs): creating, renaming, clearing
//! and removing chats, managing participants, listing chats.

mod add_chat_participant;
mod change_participant_role;
mod clear_history;
mod create_channel;
mod create_favorites_chat;
mod create_group_chat;
mod create_p2p_chat;
mod edit_chat_avatar;
mod edit_chat_title;
mod get_chat_by_id;
mod get_chat_participant;
mod get_chat_participants;
mod get_chats;
mod has_chat_participant;
mod remove_chat;
mod remove_chat_participant;

pub use add_chat_participant::AddChatParticipant;
pub use change_participant_role::ChangeParticipantRole;
pub use clear_history::ClearHistory;
pub use create_channel::CreateChannel;
pub use create_favorites_chat::CreateFavoritesChat;
pub use create_group_chat::{CreateGroupChat, GroupTitleField};
pub use create_p2p_chat::CreateP2pChat;
pub use edit_chat_avatar::{ChatAvatarResult, EditChatAvatar};
pub use edit_chat_title::{ChatTitleResult, EditChatTitle};
pub use get_chat_by_id::GetChatById;
pub use get_chat_participant::GetChatParticipant;
pub use get_chat_participants::{ChatParticipants, GetChatParticipants};
pub use get_chats::GetChats;
pub use has_chat_participant::HasChatParticipant;
pub use remove_chat::{RemoveChat, RemovedChat};
pub use remove_chat_participant::RemoveChatParticipant;

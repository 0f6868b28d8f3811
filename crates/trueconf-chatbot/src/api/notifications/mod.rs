//! Server notifications: `{"type":1,"id":M,"method":…,"payload":…}` frames, each acknowledged
//! with `{"type":2,"id":M}` ([`crate::codec::encode_ack`]).
//!
//! [`Notification::decode`] never loses a notification: unknown methods become
//! [`Notification::Unknown`] with the raw payload, and a payload that does not fit its type is
//! returned as a [`MalformedNotification`] with the JSON path of the problem.

use crate::model::{Chat, Envelope, FileUploadLimits};
use serde::de::DeserializeOwned;
use serde_json::Value;

mod add_chat_participant;
mod change_participant_role;
mod clear_history;
mod command;
mod create_channel;
mod create_favorites_chat;
mod create_group_chat;
mod create_p2p_chat;
mod edit_chat_avatar;
mod edit_chat_title;
mod edit_message;
mod get_file_upload_limits;
mod remove_chat;
mod remove_chat_participant;
mod remove_message;
mod send_message;
mod upload_file_progress;

pub use add_chat_participant::ParticipantAdded;
pub use change_participant_role::ParticipantRoleChanged;
pub use clear_history::ChatHistoryCleared;
pub use command::{CommandNotification, CommandPayload, CommandSource};
pub use edit_chat_avatar::ChatAvatarEdited;
pub use edit_chat_title::ChatTitleEdited;
pub use edit_message::MessageEdited;
pub use remove_chat::ChatRemoved;
pub use remove_chat_participant::ParticipantRemoved;
pub use remove_message::MessageRemoved;
pub use upload_file_progress::UploadFileProgress;

/// A server notification, typed by its `method`.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Notification {
    /// `sendMessage`: a new message (also system envelopes when enabled in `auth`, and the
    /// unread backlog when `receiveUnread` was set).
    Message(Box<Envelope>),
    /// `editMessage`: a message was edited.
    MessageEdited(MessageEdited),
    /// `removeMessage`: a message was removed.
    MessageRemoved(MessageRemoved),
    /// `createP2PChat`: another user started a personal chat with the bot.
    P2pChatCreated(Box<Chat>),
    /// `createGroupChat`: the bot was added to a new group chat.
    GroupChatCreated(Box<Chat>),
    /// `createChannel`: the bot was added to a new channel.
    ChannelCreated(Box<Chat>),
    /// `createFavoritesChat`: the Favorites chat was created (5.5.2+).
    FavoritesChatCreated(Box<Chat>),
    /// `removeChat`: a chat the bot was in was removed.
    ChatRemoved(ChatRemoved),
    /// `addChatParticipant`: someone joined a group chat or channel.
    ParticipantAdded(ParticipantAdded),
    /// `removeChatParticipant` (the docs' sample spells it `removedChatParticipant`; both are
    /// accepted): someone was removed from a chat.
    ParticipantRemoved(ParticipantRemoved),
    /// `changeParticipantRole`: a participant's role changed (5.5.2+).
    ParticipantRoleChanged(ParticipantRoleChanged),
    /// `editChatTitle`: a chat was renamed (5.5.3+).
    ChatTitleEdited(ChatTitleEdited),
    /// `editChatAvatar`: a chat's image changed (5.5.3+).
    ChatAvatarEdited(ChatAvatarEdited),
    /// `clearHistory`: a chat's history was cleared (5.5.3+).
    HistoryCleared(ChatHistoryCleared),
    /// `uploadFileProgress` (the docs call it `uploadingProgress`; both are accepted): bytes
    /// of a subscribed file uploaded so far.
    UploadProgress(UploadFileProgress),
    /// `getFileUploadLimits`: the admin changed the upload limits (5.5.3+).
    UploadLimitsChanged(FileUploadLimits),
    /// `command`: an inline command button was pressed.
    Command(Box<CommandNotification>),
    /// A method this version does not know, with its payload kept verbatim.
    Unknown {
        /// The wire method.
        method: String,
        /// The raw payload.
        payload: Value,
    },
}

/// A notification whose payload does not fit its type. It still has an id (in the
/// [`NotificationFrame`](crate::codec::NotificationFrame)) and must still be acknowledged.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct MalformedNotification {
    /// The wire method.
    pub method: String,
    /// The raw payload.
    pub payload: Value,
    /// The JSON path of the field that did not fit (`"lastMessage.author"`), `"."` for the
    /// payload itself.
    pub path: String,
    /// What did not fit.
    pub message: String,
}

impl MalformedNotification {
    /// The same problem as a transport decode error.
    pub fn to_error(&self) -> transport_core::Error {
        transport_core::Error::decode(
            format!("`{}` notification", self.method),
            self.path.clone(),
            self.message.clone(),
            b"",
        )
    }
}

impl std::fmt::Display for MalformedNotification {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "cannot decode `{}` notification at `{}`: {}",
            self.method, self.path, self.message
        )
    }
}

impl std::error::Error for MalformedNotification {}

impl Notification {
    /// Decodes the payload of a notification with wire method `method`.
    ///
    /// # Errors
    ///
    /// A [`MalformedNotification`] (holding the payload) when a known method's payload does
    /// not fit its type. Unknown methods are not errors.
    pub fn decode(method: &str, payload: Value) -> Result<Self, MalformedNotification> {
        let decoded = match method {
            "sendMessage" => typed(&payload).map(|e| Self::Message(Box::new(e))),
            "editMessage" => typed(&payload).map(Self::MessageEdited),
            "removeMessage" => typed(&payload).map(Self::MessageRemoved),
            "createP2PChat" => typed(&payload).map(|c| Self::P2pChatCreated(Box::new(c))),
            "createGroupChat" => typed(&payload).map(|c| Self::GroupChatCreated(Box::new(c))),
            "createChannel" => typed(&payload).map(|c| Self::ChannelCreated(Box::new(c))),
            "createFavoritesChat" => {
                typed(&payload).map(|c| Self::FavoritesChatCreated(Box::new(c)))
            }
            "removeChat" => typed(&payload).map(Self::ChatRemoved),
            "addChatParticipant" => typed(&payload).map(Self::ParticipantAdded),
            "removeChatParticipant" | "removedChatParticipant" => {
                typed(&payload).map(Self::ParticipantRemoved)
            }
            "changeParticipantRole" => typed(&payload).map(Self::ParticipantRoleChanged),
            "editChatTitle" => typed(&payload).map(Self::ChatTitleEdited),
            "editChatAvatar" => typed(&payload).map(Self::ChatAvatarEdited),
            "clearHistory" => typed(&payload).map(Self::HistoryCleared),
            "uploadFileProgress" | "uploadingProgress" => typed(&payload).map(Self::UploadProgress),
            "getFileUploadLimits" => typed(&payload).map(Self::UploadLimitsChanged),
            "command" => typed(&payload).map(|c| Self::Command(Box::new(c))),
            _ => {
                return Ok(Self::Unknown {
                    method: method.to_owned(),
                    payload,
                });
            }
        };
        decoded.map_err(|(path, message)| MalformedNotification {
            method: method.to_owned(),
            payload,
            path,
            message,
        })
    }

    /// The wire method (the canonical spelling for methods with aliases).
    pub fn method(&self) -> &str {
        match self {
            Self::Message(_) => "sendMessage",
            Self::MessageEdited(_) => "editMessage",
            Self::MessageRemoved(_) => "removeMessage",
            Self::P2pChatCreated(_) => "createP2PChat",
            Self::GroupChatCreated(_) => "createGroupChat",
            Self::ChannelCreated(_) => "createChannel",
            Self::FavoritesChatCreated(_) => "createFavoritesChat",
            Self::ChatRemoved(_) => "removeChat",
            Self::ParticipantAdded(_) => "addChatParticipant",
            Self::ParticipantRemoved(_) => "removeChatParticipant",
            Self::ParticipantRoleChanged(_) => "changeParticipantRole",
            Self::ChatTitleEdited(_) => "editChatTitle",
            Self::ChatAvatarEdited(_) => "editChatAvatar",
            Self::HistoryCleared(_) => "clearHistory",
            Self::UploadProgress(_) => "uploadFileProgress",
            Self::UploadLimitsChanged(_) => "getFileUploadLimits",
            Self::Command(_) => "command",
            Self::Unknown { method, .. } => method,
        }
    }

    /// The payload as JSON (what a server sends).
    ///
    /// # Errors
    ///
    /// A serialization error (not expected for the types of this crate).
    pub fn to_payload(&self) -> Result<Value, serde_json::Error> {
        match self {
            Self::Message(e) => serde_json::to_value(e),
            Self::MessageEdited(n) => serde_json::to_value(n),
            Self::MessageRemoved(n) => serde_json::to_value(n),
            Self::P2pChatCreated(c)
            | Self::GroupChatCreated(c)
            | Self::ChannelCreated(c)
            | Self::FavoritesChatCreated(c) => serde_json::to_value(c),
            Self::ChatRemoved(n) => serde_json::to_value(n),
            Self::ParticipantAdded(n) => serde_json::to_value(n),
            Self::ParticipantRemoved(n) => serde_json::to_value(n),
            Self::ParticipantRoleChanged(n) => serde_json::to_value(n),
            Self::ChatTitleEdited(n) => serde_json::to_value(n),
            Self::ChatAvatarEdited(n) => serde_json::to_value(n),
            Self::HistoryCleared(n) => serde_json::to_value(n),
            Self::UploadProgress(n) => serde_json::to_value(n),
            Self::UploadLimitsChanged(n) => serde_json::to_value(n),
            Self::Command(n) => serde_json::to_value(n),
            Self::Unknown { payload, .. } => Ok(payload.clone()),
        }
    }
}

/// Decodes a borrowed payload into `T`; on failure returns the JSON path and the message.
fn typed<T: DeserializeOwned>(payload: &Value) -> Result<T, (String, String)> {
    serde_path_to_error::deserialize(payload).map_err(|e| {
        let path = e.path().to_string();
        let path = if path.is_empty() {
            ".".to_owned()
        } else {
            path
        };
        (path, e.into_inner().to_string())
    })
}

#[cfg(test)]
pub(crate) mod test_support {
    //! Helpers for the per-notification tests.

    use super::Notification;
    use crate::codec::{self, Inbound};
    use serde_json::Value;

    /// Decodes a documentation sample notification frame through the codec, checks that its
    /// payload re-serializes to the same JSON value and returns the notification.
    pub(crate) fn notification_sample(frame: &str) -> Notification {
        let raw: Value = serde_json::from_str(frame).expect("sample is JSON");
        let Inbound::Notification(n) = codec::decode(frame).expect("decodes") else {
            panic!("not a notification: {frame}")
        };
        assert_eq!(Value::from(n.id), raw["id"]);
        assert_eq!(raw["method"], n.method.as_str());
        let notification = n.notification.expect("payload decodes");
        assert_eq!(
            notification.to_payload().unwrap(),
            raw["payload"],
            "round trip"
        );
        notification
    }
}

//! Shared wire types: chats, envelopes (messages) and their content, ids, enums, timestamps.
//!
//! Every enum is open (unknown values are kept) and every struct ignores unknown fields, so a
//! newer server never breaks decoding.

#[macro_use]
mod macros;

mod access_token;
mod activity_type;
mod author;
mod bool_result;
mod button;
mod chat;
mod chat_participant;
mod chat_type;
mod command_enums;
mod content;
mod created_chat;
mod empty;
mod envelope;
mod envelope_type;
mod error_code;
mod file_ready_state;
mod file_upload_limits;
mod http_error_body;
mod ids;
mod parse_mode;
mod role;
mod sent_message;
mod server_info;
mod timestamp;

pub use access_token::AccessToken;
pub use activity_type::ActivityType;
pub use author::{Author, AuthorType};
pub use bool_result::BoolResult;
pub use button::{Button, ButtonStyle, ButtonType, Keyboard};
pub use chat::Chat;
pub use chat_participant::ChatParticipant;
pub use chat_type::ChatType;
pub use command_enums::{AnswerType, CommandLevel, CommandStatus, CommandVisibility};
pub use content::{
    AttachmentContent, ChatAvatarContent, ChatTitleContent, EnvelopeContent, HistoryClearedContent,
    LocationContent, ParticipantContent, RemovedParticipantContent, SurveyContent, TextContent,
    VoiceContent,
};
pub use created_chat::CreatedChat;
pub use empty::Empty;
pub use envelope::{ChatRef, Envelope, MessageBox};
pub use envelope_type::EnvelopeType;
pub use error_code::ErrorCode;
pub use file_ready_state::FileReadyState;
pub use file_upload_limits::{ExtensionFilter, ExtensionMode, FileUploadLimits};
pub use http_error_body::HttpErrorBody;
pub use ids::{ChatId, FileId, MessageId, UserId};
pub use parse_mode::ParseMode;
pub use role::Role;
pub use sent_message::SentMessage;
pub use server_info::{Product, ServerInfo};
pub use timestamp::Timestamp;

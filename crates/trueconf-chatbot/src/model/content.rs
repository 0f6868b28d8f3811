//! [`EnvelopeContent`]: the `content` of an envelope, typed by the envelope `type`, and the
//! content kinds it holds.

use super::{Envelope, EnvelopeType, FileId, FileReadyState, Keyboard, ParseMode, Role, UserId};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// Text with a parse mode and optional inline buttons: the content of a plain message (200),
/// and what `sendMessage`/`editMessage` send.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct TextContent {
    /// The text (at most 4096 visible characters, see [`crate::validate::visible_len`]).
    pub text: String,
    /// How the text is rendered.
    #[serde(default = "default_parse_mode")]
    pub parse_mode: ParseMode,
    /// Inline buttons (newer servers), rows of buttons.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub buttons: Keyboard,
}

fn default_parse_mode() -> ParseMode {
    ParseMode::Text
}

impl TextContent {
    /// Text with a parse mode and no buttons.
    pub fn new(text: impl Into<String>, parse_mode: ParseMode) -> Self {
        Self {
            text: text.into(),
            parse_mode,
            buttons: Vec::new(),
        }
    }

    /// Plain text (`parseMode: "text"`).
    pub fn plain(text: impl Into<String>) -> Self {
        Self::new(text, ParseMode::Text)
    }

    /// Sets the inline buttons.
    #[must_use]
    pub fn with_buttons(mut self, buttons: Keyboard) -> Self {
        self.buttons = buttons;
        self
    }
}

/// A file (202 ATTACHMENT). Photos, videos, stickers (`sticker/webp`) and documents differ
/// only in `mimeType`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct AttachmentContent {
    /// The file name.
    pub name: String,
    /// The size in bytes.
    pub size: u64,
    /// The stored file; pass it to `getFileInfo`.
    pub file_id: FileId,
    /// The MIME type.
    pub mime_type: String,
    /// Whether the file can be downloaded yet.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ready_state: Option<FileReadyState>,
}

impl AttachmentContent {
    /// An attachment.
    pub fn new(
        name: impl Into<String>,
        size: u64,
        file_id: FileId,
        mime_type: impl Into<String>,
    ) -> Self {
        Self {
            name: name.into(),
            size,
            file_id,
            mime_type: mime_type.into(),
            ready_state: None,
        }
    }

    /// True for stickers (`sticker/…`).
    pub fn is_sticker(&self) -> bool {
        self.mime_type.starts_with("sticker/")
    }

    /// True for images (`image/…`).
    pub fn is_image(&self) -> bool {
        self.mime_type.starts_with("image/")
    }

    /// True for videos (`video/…`).
    pub fn is_video(&self) -> bool {
        self.mime_type.starts_with("video/")
    }
}

/// A shared location (203 LOCATION).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct LocationContent {
    /// Latitude in degrees.
    pub latitude: f64,
    /// Longitude in degrees.
    pub longitude: f64,
    /// A title (the Python client's name for it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// A description (TrueConf's TypeScript client's name for it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

impl LocationContent {
    /// A location.
    pub fn new(latitude: f64, longitude: f64) -> Self {
        Self {
            latitude,
            longitude,
            title: None,
            description: None,
        }
    }
}

/// A survey (poll) link (204 SURVEY).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct SurveyContent {
    /// The survey tool URL.
    pub url: String,
    /// The survey title.
    pub title: String,
    /// The survey campaign id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// The description (a localisation placeholder such as `{{Survey}}`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The button caption.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub button_text: Option<String>,
    /// The survey app version.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub app_version: Option<u32>,
    /// The client-generated secret.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secret: Option<String>,
    /// The HTML fallback link.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alt: Option<String>,
}

impl SurveyContent {
    /// A survey with a URL and a title.
    pub fn new(url: impl Into<String>, title: impl Into<String>) -> Self {
        Self {
            url: url.into(),
            title: title.into(),
            path: None,
            description: None,
            button_text: None,
            app_version: None,
            secret: None,
            alt: None,
        }
    }
}

/// A voice message (205 VOICE_MESSAGE).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct VoiceContent {
    /// The stored file.
    pub file_id: FileId,
    /// The size in bytes.
    pub size: u64,
    /// The MIME type.
    pub mime_type: String,
    /// The duration as sent (the unit is undocumented; kept as the exact JSON number).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration: Option<serde_json::Number>,
}

impl VoiceContent {
    /// A voice message.
    pub fn new(file_id: FileId, size: u64, mime_type: impl Into<String>) -> Self {
        Self {
            file_id,
            size,
            mime_type: mime_type.into(),
            duration: None,
        }
    }
}

/// A participant and a role: system envelopes 1 (ADD_PARTICIPANT) and 110 (PARTICIPANT_ROLE).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ParticipantContent {
    /// The participant.
    pub user_id: UserId,
    /// The (new) role.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<Role>,
}

impl ParticipantContent {
    /// A participant with a role.
    pub fn new(user_id: UserId, role: Option<Role>) -> Self {
        Self { user_id, role }
    }
}

/// The removed participant: system envelope 2 (REMOVE_PARTICIPANT).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct RemovedParticipantContent {
    /// The participant.
    pub user_id: UserId,
}

impl RemovedParticipantContent {
    /// A removed participant.
    pub fn new(user_id: UserId) -> Self {
        Self { user_id }
    }
}

/// The new title: system envelope 21 (EDIT_CHAT_TITLE).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ChatTitleContent {
    /// The new title.
    pub title: String,
}

impl ChatTitleContent {
    /// A title change.
    pub fn new(title: impl Into<String>) -> Self {
        Self {
            title: title.into(),
        }
    }
}

/// The new avatar: system envelope 22 (EDIT_CHAT_AVATAR).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ChatAvatarContent {
    /// The new avatar URL; `null` when the avatar was removed.
    #[serde(default)]
    pub avatar_url: Option<String>,
}

impl ChatAvatarContent {
    /// An avatar change (`None` = removed).
    pub fn new(avatar_url: Option<String>) -> Self {
        Self { avatar_url }
    }
}

/// History cleared: system envelope 23 (CLEAR_CHAT_HISTORY).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct HistoryClearedContent {
    /// True if cleared for everyone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub for_all: Option<bool>,
}

impl HistoryClearedContent {
    /// A history-cleared event.
    pub fn new(for_all: Option<bool>) -> Self {
        Self { for_all }
    }
}

/// The `content` of an [`Envelope`], chosen by its `type`.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum EnvelopeContent {
    /// 1 ADD_PARTICIPANT.
    ParticipantAdded(ParticipantContent),
    /// 2 REMOVE_PARTICIPANT.
    ParticipantRemoved(RemovedParticipantContent),
    /// 21 EDIT_CHAT_TITLE.
    ChatTitleChanged(ChatTitleContent),
    /// 22 EDIT_CHAT_AVATAR.
    ChatAvatarChanged(ChatAvatarContent),
    /// 23 CLEAR_CHAT_HISTORY.
    HistoryCleared(HistoryClearedContent),
    /// 110 PARTICIPANT_ROLE.
    ParticipantRoleChanged(ParticipantContent),
    /// 200 PLAIN_MESSAGE.
    Text(TextContent),
    /// 201 FORWARDED_MESSAGE: the original envelope.
    Forwarded(Box<Envelope>),
    /// 202 ATTACHMENT.
    Attachment(AttachmentContent),
    /// 203 LOCATION.
    Location(LocationContent),
    /// 204 SURVEY.
    Survey(SurveyContent),
    /// 205 VOICE_MESSAGE.
    Voice(VoiceContent),
    /// A type this version does not know, with its content kept verbatim.
    Unknown {
        /// The envelope `type`.
        kind: u32,
        /// The raw `content`.
        content: Value,
    },
}

impl EnvelopeContent {
    /// The envelope `type` this content belongs to.
    pub fn envelope_type(&self) -> EnvelopeType {
        match self {
            Self::ParticipantAdded(_) => EnvelopeType::AddParticipant,
            Self::ParticipantRemoved(_) => EnvelopeType::RemoveParticipant,
            Self::ChatTitleChanged(_) => EnvelopeType::EditChatTitle,
            Self::ChatAvatarChanged(_) => EnvelopeType::EditChatAvatar,
            Self::HistoryCleared(_) => EnvelopeType::ClearChatHistory,
            Self::ParticipantRoleChanged(_) => EnvelopeType::ParticipantRole,
            Self::Text(_) => EnvelopeType::PlainMessage,
            Self::Forwarded(_) => EnvelopeType::ForwardedMessage,
            Self::Attachment(_) => EnvelopeType::Attachment,
            Self::Location(_) => EnvelopeType::Location,
            Self::Survey(_) => EnvelopeType::Survey,
            Self::Voice(_) => EnvelopeType::VoiceMessage,
            Self::Unknown { kind, .. } => EnvelopeType::from(*kind),
        }
    }

    /// Decodes `content` for an envelope of type `kind`. On failure the error names the JSON
    /// path inside `content`.
    pub(crate) fn from_wire(kind: EnvelopeType, content: Value) -> Result<Self, String> {
        Ok(match kind {
            EnvelopeType::AddParticipant => Self::ParticipantAdded(decode_content(content)?),
            EnvelopeType::RemoveParticipant => Self::ParticipantRemoved(decode_content(content)?),
            EnvelopeType::EditChatTitle => Self::ChatTitleChanged(decode_content(content)?),
            EnvelopeType::EditChatAvatar => Self::ChatAvatarChanged(decode_content(content)?),
            EnvelopeType::ClearChatHistory => Self::HistoryCleared(decode_content(content)?),
            EnvelopeType::ParticipantRole => Self::ParticipantRoleChanged(decode_content(content)?),
            EnvelopeType::PlainMessage => Self::Text(decode_content(content)?),
            EnvelopeType::ForwardedMessage => Self::Forwarded(Box::new(decode_content(content)?)),
            EnvelopeType::Attachment => Self::Attachment(decode_content(content)?),
            EnvelopeType::Location => Self::Location(decode_content(content)?),
            EnvelopeType::Survey => Self::Survey(decode_content(content)?),
            EnvelopeType::VoiceMessage => Self::Voice(decode_content(content)?),
            EnvelopeType::Unknown(kind) => Self::Unknown { kind, content },
        })
    }

    /// The text, for plain messages.
    pub fn text(&self) -> Option<&TextContent> {
        match self {
            Self::Text(text) => Some(text),
            _ => None,
        }
    }
}

/// Decodes a content value, reporting the path inside `content` on failure.
fn decode_content<T: serde::de::DeserializeOwned>(content: Value) -> Result<T, String> {
    match transport_core::json::from_value::<T>("content", content) {
        Ok(value) => Ok(value),
        Err(transport_core::Error::Decode(e)) => Err(if e.path == "." {
            format!("invalid content: {}", e.message)
        } else {
            format!("invalid content at `content.{}`: {}", e.path, e.message)
        }),
        Err(other) => Err(other.to_string()),
    }
}

impl Serialize for EnvelopeContent {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::ParticipantAdded(c) | Self::ParticipantRoleChanged(c) => c.serialize(serializer),
            Self::ParticipantRemoved(c) => c.serialize(serializer),
            Self::ChatTitleChanged(c) => c.serialize(serializer),
            Self::ChatAvatarChanged(c) => c.serialize(serializer),
            Self::HistoryCleared(c) => c.serialize(serializer),
            Self::Text(c) => c.serialize(serializer),
            Self::Forwarded(c) => c.serialize(serializer),
            Self::Attachment(c) => c.serialize(serializer),
            Self::Location(c) => c.serialize(serializer),
            Self::Survey(c) => c.serialize(serializer),
            Self::Voice(c) => c.serialize(serializer),
            Self::Unknown { content, .. } => content.serialize(serializer),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn envelope(kind: u32, content: Value) -> Value {
        json!({
            "chatId": "c1", "messageId": "m1", "timestamp": 1746029638147u64,
            "author": {"id": "video.example.com", "type": 0},
            "type": kind, "content": content, "isEdited": false,
            "box": {"id": 3, "position": "1"}
        })
    }

    fn round_trip(kind: u32, content: Value) -> EnvelopeContent {
        let raw = envelope(kind, content);
        let e: Envelope = serde_json::from_value(raw.clone()).unwrap();
        assert_eq!(u32::from(e.envelope_type()), kind);
        assert_eq!(serde_json::to_value(&e).unwrap(), raw, "type {kind}");
        e.content
    }

    #[test]
    fn system_envelopes_are_typed() {
        let added = round_trip(1, json!({"userId": "u@s", "role": "user"}));
        assert_eq!(
            added,
            EnvelopeContent::ParticipantAdded(ParticipantContent::new(
                UserId::new("u@s"),
                Some(Role::User)
            ))
        );
        let removed = round_trip(2, json!({"userId": "u@s"}));
        assert!(matches!(removed, EnvelopeContent::ParticipantRemoved(r) if r.user_id == "u@s"));
        let title = round_trip(21, json!({"title": "New title"}));
        assert_eq!(
            title,
            EnvelopeContent::ChatTitleChanged(ChatTitleContent::new("New title"))
        );
        let avatar = round_trip(22, json!({"avatarUrl": null}));
        assert_eq!(
            avatar,
            EnvelopeContent::ChatAvatarChanged(ChatAvatarContent::new(None))
        );
        let cleared = round_trip(23, json!({"forAll": true}));
        assert_eq!(
            cleared,
            EnvelopeContent::HistoryCleared(HistoryClearedContent::new(Some(true)))
        );
        let role = round_trip(110, json!({"userId": "bot@s", "role": "admin"}));
        assert!(
            matches!(role, EnvelopeContent::ParticipantRoleChanged(p) if p.role == Some(Role::Admin))
        );
    }

    #[test]
    fn message_envelopes_are_typed() {
        let text = round_trip(
            200,
            json!({"text": "Pick", "parseMode": "html", "buttons": [[{"type": "command", "label": "A", "command": "/a"}]]}),
        );
        let EnvelopeContent::Text(text) = text else {
            panic!("not text")
        };
        assert_eq!(text.buttons[0][0].command.as_deref(), Some("/a"));

        let forwarded = round_trip(
            201,
            json!({
                "messageId": "orig", "timestamp": 1746028006345u64,
                "author": {"id": "u@s", "type": 1}, "type": 200,
                "content": {"text": "original", "parseMode": "text"}
            }),
        );
        let EnvelopeContent::Forwarded(original) = forwarded else {
            panic!("not forwarded")
        };
        assert_eq!(original.text(), Some("original"));

        let file = round_trip(
            202,
            json!({"name": "s.webp", "size": 1024, "fileId": "f1", "mimeType": "sticker/webp", "readyState": 2}),
        );
        let EnvelopeContent::Attachment(file) = file else {
            panic!("not attachment")
        };
        assert!(file.is_sticker() && !file.is_image() && !file.is_video());
        assert_eq!(file.ready_state, Some(FileReadyState::Ready));

        let location = round_trip(
            203,
            json!({"latitude": 55.75, "longitude": 37.61, "title": "Moscow"}),
        );
        assert!(
            matches!(location, EnvelopeContent::Location(l) if l.latitude == 55.75 && l.title.as_deref() == Some("Moscow"))
        );

        let survey = round_trip(
            204,
            json!({"url": "https://s/webtools/survey", "title": "Lunch?", "path": "p1",
                   "description": "{{Survey}}", "buttonText": "{{Go to survey}}", "appVersion": 1,
                   "secret": "abc", "alt": "<a href=\"x\">x</a>"}),
        );
        assert!(matches!(survey, EnvelopeContent::Survey(s) if s.app_version == Some(1)));

        let voice = round_trip(
            205,
            json!({"fileId": "v1", "size": 2048, "mimeType": "audio/ogg", "duration": 3}),
        );
        assert!(
            matches!(voice, EnvelopeContent::Voice(v) if v.duration == Some(serde_json::Number::from(3)))
        );
    }

    #[test]
    fn unknown_types_keep_their_content() {
        let unknown = round_trip(299, json!({"sticker": {"pack": 1}}));
        assert_eq!(
            unknown,
            EnvelopeContent::Unknown {
                kind: 299,
                content: json!({"sticker": {"pack": 1}})
            }
        );
        assert_eq!(unknown.envelope_type(), EnvelopeType::Unknown(299));
        assert_eq!(unknown.text(), None);
    }
}

//! [`Message`]: a chat message, with its enums.

use super::{
    Audio, EmojiReaction, File, Location, MessageEvent, Quote, Reactions, Thumbnail, Video, Voip,
};
use crate::codec::string_enum;
use serde::{Deserialize, Serialize};

string_enum! {
    /// The kind of a message (`Message.type`).
    pub enum MessageType {
        /// Text (status lines also come as text with `isStatus`).
        Text = "text",
        /// Image.
        Image = "image",
        /// Video.
        Video = "video",
        /// Voice message.
        Audio = "audio",
        /// File.
        File = "file",
        /// Location.
        Location = "location",
        /// Contact.
        Contact = "contact",
        /// Status line.
        Status = "status",
        /// Call status.
        VoipStatus = "voipStatus",
        /// Ballot (poll).
        Ballot = "ballot",
    }
}

string_enum! {
    /// The delivery state of a message (`Message.state`).
    ///
    /// Current Android apps never send `user-ack`/`user-dec` (they map them to `read` and
    /// carry agreement in reactions); iOS may.
    pub enum MessageState {
        /// Stored in the app, no delivery attempt yet.
        Pending = "pending",
        /// Being delivered to the chat server.
        Sending = "sending",
        /// Could not be delivered; the user must retry.
        SendFailed = "send-failed",
        /// Blobs uploaded and message delivered to the chat server.
        Sent = "sent",
        /// Received by the recipient.
        Delivered = "delivered",
        /// Read by the recipient.
        Read = "read",
        /// Agreed to by the recipient.
        UserAck = "user-ack",
        /// Declined by the recipient.
        UserDec = "user-dec",
    }
}

string_enum! {
    /// The kind of a status message (`Message.statusType`).
    pub enum StatusType {
        /// A status text.
        Text = "text",
        /// The "first unread message" marker.
        FirstUnreadMessage = "firstUnreadMessage",
    }
}

/// A message (schema model `Message`, plus the newer reaction fields).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Message {
    /// The message kind.
    #[serde(rename = "type")]
    pub message_type: MessageType,
    /// The message id (Android: its database id as a decimal string).
    pub id: String,
    /// The text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
    /// The thumbnail.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub thumbnail: Option<Thumbnail>,
    /// The time of the last modification, unix seconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<i64>,
    /// The message events.
    #[serde(
        default,
        deserialize_with = "crate::codec::nil_default",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub events: Vec<MessageEvent>,
    /// The sort key: higher is newer.
    pub sort_key: u64,
    /// The sender's identity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partner_id: Option<String>,
    /// Whether the user sent this message.
    pub is_outbox: bool,
    /// Whether this is a status message.
    pub is_status: bool,
    /// The kind of status message.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_type: Option<StatusType>,
    /// The caption.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub caption: Option<String>,
    /// Whether the message is unread (absent: `false`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unread: Option<bool>,
    /// The delivery state.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<MessageState>,
    /// The time of the last edit. The schema says unix milliseconds, but both apps send
    /// **seconds**; see [`Message::last_edited_at_seconds`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_edited_at: Option<i64>,
    /// The quote.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<Quote>,
    /// File details.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<File>,
    /// Video details.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub video: Option<Video>,
    /// Audio details.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub audio: Option<Audio>,
    /// Location details.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<Location>,
    /// Call details.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub voip: Option<Voip>,
    /// Agreements and declines (iOS, newer than ARP 2.2.2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reactions: Option<Reactions>,
    /// Emoji reactions (newer than ARP 2.2.2).
    #[serde(
        default,
        deserialize_with = "crate::codec::nil_default",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub emoji_reactions: Vec<EmojiReaction>,
}

/// Timestamps at or above this are taken as milliseconds (it is the year 5138 in seconds).
const MILLISECONDS_THRESHOLD: i64 = 100_000_000_000;

impl Message {
    /// A received, non-status message of a kind; set the public fields.
    pub fn new(message_type: MessageType, id: impl Into<String>, sort_key: u64) -> Self {
        Self {
            message_type,
            id: id.into(),
            body: None,
            thumbnail: None,
            date: None,
            events: Vec::new(),
            sort_key,
            partner_id: None,
            is_outbox: false,
            is_status: false,
            status_type: None,
            caption: None,
            unread: None,
            state: None,
            last_edited_at: None,
            quote: None,
            file: None,
            video: None,
            audio: None,
            location: None,
            voip: None,
            reactions: None,
            emoji_reactions: Vec::new(),
        }
    }

    /// `unread` with its default applied.
    pub fn is_unread(&self) -> bool {
        self.unread.unwrap_or(false)
    }

    /// The last edit time in unix seconds, whichever unit the app used: values too large to
    /// be seconds are taken as the schema's milliseconds.
    pub fn last_edited_at_seconds(&self) -> Option<i64> {
        self.last_edited_at.map(|value| {
            if value >= MILLISECONDS_THRESHOLD {
                value / 1000
            } else {
                value
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::{assert_bin, at, decode_value, map, round_trip, sample_message};
    use rmpv::Value;

    #[test]
    fn round_trips_every_field() {
        let value = round_trip(&sample_message());
        assert_bin(&value, "thumbnail.preview", &[0xff, 0xd8]);
        assert_eq!(at(&value, "state"), &Value::from("send-failed"));
        assert_eq!(at(&value, "emojiReactions.0.emoji"), &Value::from("👍"));
        assert_eq!(at(&value, "voip.reason"), &Value::from(4));
        round_trip(&Message::new(MessageType::Ballot, "1", 0));
    }

    #[test]
    fn last_edited_at_is_read_in_seconds_or_milliseconds() {
        let mut message = Message::new(MessageType::Text, "1", 1);
        message.last_edited_at = Some(1_700_000_000);
        assert_eq!(message.last_edited_at_seconds(), Some(1_700_000_000));
        message.last_edited_at = Some(1_700_000_000_123);
        assert_eq!(message.last_edited_at_seconds(), Some(1_700_000_000));
    }

    #[test]
    fn stripped_removed_messages_and_unknown_kinds_decode() {
        let message: Message = decode_value(&map(vec![
            ("type", "poll2".into()),
            ("id", "9".into()),
            ("sortKey", Value::from(3u8)),
            ("isOutbox", false.into()),
            ("isStatus", false.into()),
            ("events", Value::Nil),
            ("state", "transcoding".into()),
        ]));
        assert_eq!(message.message_type, MessageType::Other("poll2".into()));
        assert_eq!(
            message.state,
            Some(MessageState::Other("transcoding".into()))
        );
        assert!(message.events.is_empty());
    }
}

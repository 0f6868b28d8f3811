//! What the server pushes, as the client hands it on: [`Update`]s on the [`Updates`] stream.
//!
//! Every server notification is acknowledged with `{"type":2,"id":N}`: by default at once, by
//! the client's reader, before any application code runs ([`AckMode::Immediate`]); or, with
//! [`AckMode::AfterHandler`], by the application (the [`Dispatcher`](crate::bot::Dispatcher)
//! does it after the handler returned) through [`Client::ack`](crate::Client::ack).
//!
//! Nothing is dropped silently: unknown methods arrive as
//! [`Notification::Unknown`], payloads that
//! do not decode as [`MalformedNotification`]s (still acknowledged), frames that are not even
//! JSON as [`Update::Unreadable`], and notifications the application was too slow to take as
//! [`Update::Lost`] with their number.

use crate::api::notifications::{MalformedNotification, Notification};
use crate::codec::NotificationFrame;
use crate::model::{ChatId, Envelope};
use futures_util::Stream;
use std::pin::Pin;
use std::task::{Context, Poll};
use transport_core::ws::{NotificationItem, Notifications};

/// When notifications are acknowledged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum AckMode {
    /// The reader acknowledges every notification the moment it arrives, before any
    /// application code (the official client's behaviour). The default.
    #[default]
    Immediate,
    /// The application acknowledges each [`Delivery`] with
    /// [`Client::ack`](crate::Client::ack) once it has handled it (the dispatcher does this
    /// after the handler returned). A notification the client could not hand on (lost to
    /// overflow, or its connection ended first) stays unacknowledged, so the server still
    /// counts it as unread.
    AfterHandler,
}

/// One item of the [`Updates`] stream.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Update {
    /// A server notification.
    Notification(Box<Delivery>),
    /// A frame the client could not read at all (not JSON, no `type`/`id`): it cannot be
    /// acknowledged or attributed. Only a length and the reason are kept.
    Unreadable {
        /// Why it could not be read.
        reason: String,
        /// The frame's length in bytes.
        len: usize,
    },
    /// `missed` notifications were dropped here because the application did not take them
    /// fast enough (see [`ClientBuilder::notification_buffer`](crate::ClientBuilder::notification_buffer)).
    Lost {
        /// How many.
        missed: u64,
    },
}

/// A notification as delivered: its id, method and typed content, and what is needed to
/// acknowledge it.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Delivery {
    /// The server's id for this notification (per connection).
    pub id: u32,
    /// The `method` exactly as sent.
    pub method: String,
    /// The typed notification ([`Notification::Unknown`] for unknown methods), or the payload
    /// that did not decode, with the reason.
    pub notification: Result<Notification, MalformedNotification>,
    /// The connection it arrived on (an acknowledgement is only valid there).
    pub(crate) connection: u64,
    /// True when the application must acknowledge it ([`AckMode::AfterHandler`]).
    pub(crate) needs_ack: bool,
}

impl Delivery {
    pub(crate) fn new(frame: NotificationFrame, connection: u64, needs_ack: bool) -> Self {
        Self {
            id: frame.id,
            method: frame.method,
            notification: frame.notification,
            connection,
            needs_ack,
        }
    }

    /// True when this delivery still needs [`Client::ack`](crate::Client::ack)
    /// ([`AckMode::AfterHandler`]).
    pub fn needs_ack(&self) -> bool {
        self.needs_ack
    }

    /// The message, for a `sendMessage` notification.
    pub fn message(&self) -> Option<&Envelope> {
        match &self.notification {
            Ok(Notification::Message(envelope)) => Some(envelope),
            _ => None,
        }
    }

    /// The chat this notification is about, when it names one: the chat of a message or of a
    /// chat event, the chat of the message a command button belongs to.
    pub fn chat_id(&self) -> Option<&ChatId> {
        self.notification.as_ref().ok().and_then(chat_of)
    }

    /// The chat id as text, also for a malformed notification whose raw payload has a
    /// string `chatId` (what the dispatcher orders by).
    pub(crate) fn chat_key(&self) -> Option<&str> {
        match &self.notification {
            Ok(notification) => chat_of(notification).map(ChatId::as_str),
            Err(malformed) => malformed
                .payload
                .get("chatId")
                .and_then(serde_json::Value::as_str),
        }
    }
}

/// The chat a notification is about, if it names one.
pub fn chat_of(notification: &Notification) -> Option<&ChatId> {
    match notification {
        Notification::Message(e) => envelope_chat(e),
        Notification::MessageEdited(n) => Some(&n.chat_id),
        Notification::MessageRemoved(n) => Some(&n.chat_id),
        Notification::P2pChatCreated(c)
        | Notification::GroupChatCreated(c)
        | Notification::ChannelCreated(c)
        | Notification::FavoritesChatCreated(c) => Some(&c.chat_id),
        Notification::ChatRemoved(n) => Some(&n.chat_id),
        Notification::ParticipantAdded(n) => Some(&n.chat_id),
        Notification::ParticipantRemoved(n) => Some(&n.chat_id),
        Notification::ParticipantRoleChanged(n) => Some(&n.chat_id),
        Notification::ChatTitleEdited(n) => Some(&n.chat_id),
        Notification::ChatAvatarEdited(n) => Some(&n.chat_id),
        Notification::HistoryCleared(n) => Some(&n.chat_id),
        Notification::Command(c) => c.command_source.message.as_ref().and_then(envelope_chat),
        _ => None,
    }
}

fn envelope_chat(envelope: &Envelope) -> Option<&ChatId> {
    envelope
        .chat_id
        .as_ref()
        .or_else(|| envelope.chat.as_ref().map(|c| &c.chat_id))
}

/// The stream of [`Update`]s of a client, taken once with
/// [`Client::updates`](crate::Client::updates). It ends after the client shut down or closed
/// for good.
pub struct Updates {
    inner: Notifications<Update>,
}

impl std::fmt::Debug for Updates {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Updates").finish_non_exhaustive()
    }
}

impl Updates {
    pub(crate) fn new(inner: Notifications<Update>) -> Self {
        Self { inner }
    }

    /// The next update, or `None` once the client is closed and everything was taken.
    pub async fn recv(&mut self) -> Option<Update> {
        self.inner.recv().await.map(flatten)
    }
}

fn flatten(item: NotificationItem<Update>) -> Update {
    match item {
        NotificationItem::Notification(update) => update,
        NotificationItem::Lagged { missed } => Update::Lost { missed },
        // `NotificationItem` is non-exhaustive; anything new is a loss we cannot describe.
        _ => Update::Lost { missed: 0 },
    }
}

impl Stream for Updates {
    type Item = Update;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Update>> {
        Pin::new(&mut self.inner)
            .poll_next(cx)
            .map(|o| o.map(flatten))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codec::{self, Inbound};

    fn delivery(frame: &str) -> Delivery {
        let Inbound::Notification(n) = codec::decode(frame).unwrap() else {
            panic!("not a notification")
        };
        Delivery::new(n, 1, false)
    }

    #[test]
    fn chat_of_messages_events_and_commands() {
        let message = delivery(
            r#"{"method":"sendMessage","type":1,"id":1,"payload":{"chatId":"c1","messageId":"m","timestamp":1,"author":{"id":"u","type":1},"type":200,"content":{"text":"hi","parseMode":"text"}}}"#,
        );
        assert_eq!(message.chat_id().map(ChatId::as_str), Some("c1"));
        assert_eq!(message.message().and_then(Envelope::text), Some("hi"));
        let removed =
            delivery(r#"{"method":"removeChat","type":1,"id":2,"payload":{"chatId":"c2"}}"#);
        assert_eq!(removed.chat_id().map(ChatId::as_str), Some("c2"));
        assert!(removed.message().is_none());
        let progress = delivery(
            r#"{"method":"uploadFileProgress","type":1,"id":3,"payload":{"fileId":"f","progress":1}}"#,
        );
        assert_eq!(progress.chat_id(), None);
        let unknown =
            delivery(r#"{"method":"newThing","type":1,"id":4,"payload":{"chatId":"c4"}}"#);
        assert_eq!(unknown.chat_id(), None);
        let malformed = delivery(
            r#"{"method":"editMessage","type":1,"id":5,"payload":{"chatId":"c5","timestamp":"x"}}"#,
        );
        assert!(malformed.notification.is_err());
        assert_eq!(malformed.chat_id(), None);
        assert_eq!(malformed.chat_key(), Some("c5"));
        assert_eq!(message.chat_key(), Some("c1"));
    }

    #[test]
    fn lagged_items_become_lost() {
        assert_eq!(
            flatten(NotificationItem::Lagged { missed: 3 }),
            Update::Lost { missed: 3 }
        );
        let u = Update::Unreadable {
            reason: "x".into(),
            len: 2,
        };
        assert_eq!(flatten(NotificationItem::Notification(u.clone())), u);
    }
}

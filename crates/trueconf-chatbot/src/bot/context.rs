//! What a handler gets: the client and the notification.

use super::filter::Command;
use crate::client::Client;
use crate::error::Result;
use crate::model::{Author, ChatId, Envelope, SentMessage, TextContent};
use crate::update::Delivery;
use std::sync::Arc;

/// What a message handler gets: the client, the message, and the command if the text is one.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct MessageContext {
    /// The client (to answer, or call anything else).
    pub client: Client,
    /// The message.
    pub message: Arc<Envelope>,
    /// The text command, when the text starts with `/name`.
    pub command: Option<Command>,
    /// The whole delivery (id, method).
    pub delivery: Arc<Delivery>,
}

impl MessageContext {
    /// The text, for text messages.
    pub fn text(&self) -> Option<&str> {
        self.message.text()
    }

    /// The chat the message is in.
    pub fn chat_id(&self) -> Option<&ChatId> {
        self.message
            .chat_id
            .as_ref()
            .or_else(|| self.message.chat.as_ref().map(|c| &c.chat_id))
    }

    /// The author.
    pub fn author(&self) -> &Author {
        &self.message.author
    }

    /// Answers with plain text as a reply to the message.
    ///
    /// # Errors
    ///
    /// As [`Client::call`].
    pub async fn reply(&self, text: impl Into<String>) -> Result<SentMessage> {
        self.client
            .reply(&self.message, TextContent::plain(text))
            .await
    }

    /// Sends plain text to the message's chat (not as a reply).
    ///
    /// # Errors
    ///
    /// As [`Client::call`]; a transport `InvalidInput` when the message names no chat.
    pub async fn send(&self, text: impl Into<String>) -> Result<SentMessage> {
        let chat = self.chat_id().cloned().ok_or_else(|| {
            transport_core::Error::invalid_input("message", "carries no chat id to answer in")
        })?;
        self.client.send_text(chat, text).await
    }
}

/// What a handler of other notifications gets.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct EventContext {
    /// The client.
    pub client: Client,
    /// The delivery: id, method, and the typed notification (or the malformed payload).
    pub delivery: Arc<Delivery>,
}

impl EventContext {
    /// The chat the notification is about, if it names one.
    pub fn chat_id(&self) -> Option<&ChatId> {
        self.delivery.chat_id()
    }
}

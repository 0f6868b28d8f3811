//! `create/textMessage`: send a text (client → app) and the stored message's id
//! (app → client).
//!
//! Error codes of the reply: `blocked` (Android also `valueTooLong`).

use crate::api::macros::wire_message;
use crate::error::{Error, Result};
use crate::model::receiver_ref::{non_empty, threema_id};
use crate::model::{MessageIdData, Quote, ReceiverRef};
use serde::{Deserialize, Serialize};

/// `create/textMessage` (client → app): send a text to a conversation.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct CreateTextMessage {
    /// The conversation.
    pub args: ReceiverRef,
    /// The text and quote.
    pub data: CreateTextMessageData,
}

/// The `data` of [`CreateTextMessage`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CreateTextMessageData {
    /// The text (the app limits it to `Capabilities::max_message_body_size` bytes).
    pub text: String,
    /// A quote (v2: with `messageId`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<Quote>,
}

impl CreateTextMessage {
    /// Sends `text` to `receiver`.
    pub fn new(receiver: ReceiverRef, text: impl Into<String>) -> Self {
        Self {
            args: receiver,
            data: CreateTextMessageData {
                text: text.into(),
                quote: None,
            },
        }
    }

    /// Quotes a message.
    #[must_use]
    pub fn with_quote(mut self, quote: Quote) -> Self {
        self.data.quote = Some(quote);
        self
    }

    fn check(&self) -> Result<()> {
        self.args.check("create/textMessage", false)?;
        non_empty("create/textMessage data.text", &self.data.text)?;
        if let Some(quote) = &self.data.quote {
            threema_id("create/textMessage data.quote.identity", &quote.identity)?;
            match &quote.message_id {
                Some(id) if !id.is_empty() => {}
                _ => {
                    return Err(Error::invalid(
                        "create/textMessage data.quote.messageId",
                        "is required (the apps accept only v2 quotes)",
                    ));
                }
            }
        }
        Ok(())
    }
}

wire_message!(CreateTextMessage = "create" / "textMessage", [ToApp], args: required,
    data: required, validate: CreateTextMessage::check);

/// `create/textMessage` (app → client): the message was stored. The client must keep waking
/// the app until `update/messages` shows this message in state `sent`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct TextMessageCreated {
    /// The conversation.
    pub args: ReceiverRef,
    /// The id of the stored message (`None` in error replies).
    pub data: MessageIdData,
}

impl TextMessageCreated {
    /// The reply for a message stored as `message_id`.
    pub fn new(receiver: ReceiverRef, message_id: impl Into<String>) -> Self {
        Self {
            args: receiver,
            data: MessageIdData::new(message_id),
        }
    }
}

wire_message!(TextMessageCreated = "create" / "textMessage", [FromApp], args: required,
    data: defaulted);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::{ArpMessage, Direction, Frame};
    use crate::codec::Ack;
    use crate::model::ReceiverType;
    use crate::testutil::{assert_keys, decode_frame, frame_round_trip, map};
    use rmpv::Value;

    #[test]
    fn request_round_trips() {
        let request = CreateTextMessage::new(ReceiverRef::contact("ECHOECHO"), "Hi")
            .with_quote(Quote::new("ABCDEFGH", "Hello", "41"));
        let value = frame_round_trip(&Frame::new(request).with_id("t"), Direction::ToApp);
        assert_keys(&value, "args", &["type", "id", "temporaryId"]);
        assert_keys(&value, "data.quote", &["identity", "text", "messageId"]);
    }

    #[test]
    fn validation_is_strict() {
        let to_me = CreateTextMessage::new(ReceiverRef::new(ReceiverType::Me, "ECHOECHO"), "x");
        assert!(Frame::new(to_me).encode().is_err());
        let empty = CreateTextMessage::new(ReceiverRef::contact("ECHOECHO"), "");
        assert!(Frame::new(empty).encode().unwrap_err().is_invalid_input());
        let mut v1 = Quote::new("ABCDEFGH", "Hello", "41");
        v1.message_id = None;
        let v1 = CreateTextMessage::new(ReceiverRef::contact("ECHOECHO"), "x").with_quote(v1);
        assert!(Frame::new(v1).encode().is_err());
    }

    #[test]
    fn reply_round_trips_and_accepts_android_failures() {
        let reply = TextMessageCreated::new(ReceiverRef::contact("ECHOECHO"), "123");
        frame_round_trip(
            &Frame::new(reply).with_ack(Ack::success("t")),
            Direction::FromApp,
        );
        let frame = decode_frame(
            &map(vec![
                ("type", "create".into()),
                ("subType", "textMessage".into()),
                (
                    "args",
                    map(vec![
                        ("type", "contact".into()),
                        ("id", "ECHOECHO".into()),
                        ("temporaryId", "t".into()),
                        ("success", false.into()),
                        ("error", "valueTooLong".into()),
                    ]),
                ),
                ("data", map(vec![("messageId", Value::Nil)])),
            ]),
            Direction::FromApp,
        )
        .unwrap();
        assert_eq!(frame.ack, Some(Ack::failure("t", "valueTooLong")));
        let ArpMessage::TextMessageCreated(reply) = frame.message else {
            panic!("wrong variant")
        };
        assert_eq!(reply.data.message_id, None);
    }
}

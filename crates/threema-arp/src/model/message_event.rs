//! [`MessageEvent`]: an event in the life of a message.

use crate::codec::string_enum;
use serde::{Deserialize, Serialize};

string_enum! {
    /// The kind of a message event.
    pub enum MessageEventType {
        /// Created and stored in the app.
        Created = "created",
        /// Delivered to the chat server.
        Sent = "sent",
        /// Received by the recipient.
        Delivered = "delivered",
        /// Read by the recipient.
        Read = "read",
        /// Agreed to or declined by the recipient.
        Acked = "acked",
        /// Last modified.
        Modified = "modified",
    }
}

/// A message event (schema model `MessageEvent`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct MessageEvent {
    /// When it happened, unix seconds.
    pub date: i64,
    /// What happened.
    #[serde(rename = "type")]
    pub event_type: MessageEventType,
}

impl MessageEvent {
    /// An event.
    pub fn new(event_type: MessageEventType, date: i64) -> Self {
        Self { date, event_type }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::{assert_keys, round_trip};

    #[test]
    fn round_trips() {
        let event = MessageEvent::new(MessageEventType::Acked, 1_700_000_000);
        assert_keys(&round_trip(&event), "", &["date", "type"]);
        round_trip(&MessageEvent::new(
            MessageEventType::Other("edited".into()),
            1,
        ));
    }
}

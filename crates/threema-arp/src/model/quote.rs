//! [`Quote`]: a quoted message.

use super::Message;
use serde::{Deserialize, Serialize};

/// A quote (schema model `Quote`). Current apps expect quotes v2, with a `messageId`; the
/// Android app also sends the quoted message itself in `message` (the unmerged
/// `quote-embed-message` schema branch).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Quote {
    /// The identity of the quoted message's author.
    pub identity: String,
    /// The quoted text.
    pub text: String,
    /// The id of the quoted message (optional in the schema, required by current apps).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message_id: Option<String>,
    /// The quoted message (Android extension, newer than ARP 2.2.2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<Box<Message>>,
}

impl Quote {
    /// A v2 quote of message `message_id` by `identity`.
    pub fn new(
        identity: impl Into<String>,
        text: impl Into<String>,
        message_id: impl Into<String>,
    ) -> Self {
        Self {
            identity: identity.into(),
            text: text.into(),
            message_id: Some(message_id.into()),
            message: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::MessageType;
    use crate::testutil::{assert_keys, round_trip};

    #[test]
    fn round_trips_v2_and_embedded_quotes() {
        let quote = Quote::new("ECHOECHO", "hello", "42");
        assert_keys(&round_trip(&quote), "", &["identity", "text", "messageId"]);
        let mut embedded = quote;
        embedded.message = Some(Box::new(Message::new(MessageType::Text, "42", 7)));
        round_trip(&embedded);
    }
}

//! [`MessageIdData`]: `data` of the form `{messageId: …}`.

use serde::{Deserialize, Serialize};

/// The `data` of the app's `create/textMessage` and `create/fileMessage` replies: the id of
/// the stored message. `None` in error replies (Android sends `messageId: nil`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct MessageIdData {
    /// The id of the new message.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message_id: Option<String>,
}

impl MessageIdData {
    /// Data holding a message id.
    pub fn new(message_id: impl Into<String>) -> Self {
        Self {
            message_id: Some(message_id.into()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::{assert_keys, decode_value, map, round_trip};
    use rmpv::Value;

    #[test]
    fn round_trips_and_reads_nil_as_absent() {
        assert_keys(&round_trip(&MessageIdData::new("77")), "", &["messageId"]);
        let failed: MessageIdData = decode_value(&map(vec![("messageId", Value::Nil)]));
        assert_eq!(failed, MessageIdData::default());
    }
}

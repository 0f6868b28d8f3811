//! `response/blob`: the file behind a message (app → client). The whole blob is one ARP
//! message (many chunks). Error codes: `blobDownloadFailed`, `blobDecryptFailed`,
//! `invalidMessage`.

use crate::api::macros::wire_message;
use crate::model::{Binary, MessageRef};
use serde::{Deserialize, Serialize};

/// `response/blob` (app → client).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ResponseBlob {
    /// The message.
    pub args: MessageRef,
    /// The blob (`None` in error replies).
    pub data: Option<BlobData>,
}

/// The `data` of [`ResponseBlob`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct BlobData {
    /// The bytes.
    pub blob: Binary,
    /// The MIME type.
    #[serde(rename = "type")]
    pub mime_type: String,
    /// The file name.
    pub name: String,
}

impl ResponseBlob {
    /// The blob of `message`.
    pub fn new(
        message: MessageRef,
        blob: impl Into<Binary>,
        mime_type: impl Into<String>,
        name: impl Into<String>,
    ) -> Self {
        Self {
            args: message,
            data: Some(BlobData {
                blob: blob.into(),
                mime_type: mime_type.into(),
                name: name.into(),
            }),
        }
    }
}

wire_message!(ResponseBlob = "response" / "blob", [FromApp], args: required, data: optional);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::{Direction, Frame};
    use crate::codec::Ack;
    use crate::model::ReceiverRef;
    use crate::testutil::{assert_bin, assert_keys, frame_round_trip};

    #[test]
    fn round_trips_with_bin_blob() {
        let message = MessageRef::new(ReceiverRef::contact("ECHOECHO"), "7");
        let reply = ResponseBlob::new(message.clone(), vec![1, 2, 3], "image/jpeg", "a.jpg");
        let value = frame_round_trip(
            &Frame::new(reply).with_ack(Ack::success("b")),
            Direction::FromApp,
        );
        assert_keys(&value, "data", &["blob", "type", "name"]);
        assert_bin(&value, "data.blob", &[1, 2, 3]);
        let mut failed = ResponseBlob::new(message, vec![1], "x/y", "z");
        failed.data = None;
        frame_round_trip(
            &Frame::new(failed).with_ack(Ack::failure("b", "blobDownloadFailed")),
            Direction::FromApp,
        );
    }
}

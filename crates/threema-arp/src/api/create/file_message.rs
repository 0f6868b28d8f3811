//! `create/fileMessage`: send a file (client → app) and the stored message's id
//! (app → client).
//!
//! Schema correction: the file bytes travel in `data.data` (Binary). The schema YAML leaves
//! the field out, but the Android app requires it and Threema Web sends it; the whole file
//! is one ARP message split into many chunks. Error codes of the reply: `fileTooLarge`,
//! `blocked`.

use crate::api::macros::wire_message;
use crate::error::{Error, Result};
use crate::model::receiver_ref::{non_empty, non_empty_bytes};
use crate::model::{Binary, MessageIdData, ReceiverRef};
use serde::{Deserialize, Serialize};

/// `create/fileMessage` (client → app): send a file to a conversation.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct CreateFileMessage {
    /// The conversation.
    pub args: ReceiverRef,
    /// The file.
    pub data: CreateFileMessageData,
}

/// The `data` of [`CreateFileMessage`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct CreateFileMessageData {
    /// The file name.
    pub name: String,
    /// The MIME type.
    pub file_type: String,
    /// Send as a generic file even if it is an image, audio or video (required by the
    /// schema; the Android app defaults it to `false`).
    #[serde(default, deserialize_with = "crate::codec::nil_default")]
    pub send_as_file: bool,
    /// The size in bytes; must equal the length of `data` (Android rejects a mismatch).
    pub size: u64,
    /// The caption.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub caption: Option<String>,
    /// The file bytes (missing from the schema, required in practice).
    pub data: Binary,
}

impl CreateFileMessage {
    /// Sends `bytes` as `name` with MIME type `file_type` to `receiver`; `size` is set from
    /// the bytes.
    pub fn new(
        receiver: ReceiverRef,
        name: impl Into<String>,
        file_type: impl Into<String>,
        bytes: impl Into<Binary>,
    ) -> Self {
        let bytes = bytes.into();
        Self {
            args: receiver,
            data: CreateFileMessageData {
                name: name.into(),
                file_type: file_type.into(),
                send_as_file: false,
                size: bytes.len() as u64,
                caption: None,
                data: bytes,
            },
        }
    }

    /// Sets the caption.
    #[must_use]
    pub fn with_caption(mut self, caption: impl Into<String>) -> Self {
        self.data.caption = Some(caption.into());
        self
    }

    /// Forces sending as a generic file.
    #[must_use]
    pub fn send_as_file(mut self, send_as_file: bool) -> Self {
        self.data.send_as_file = send_as_file;
        self
    }

    fn check(&self) -> Result<()> {
        self.args.check("create/fileMessage", false)?;
        non_empty("create/fileMessage data.name", &self.data.name)?;
        non_empty("create/fileMessage data.fileType", &self.data.file_type)?;
        non_empty_bytes("create/fileMessage data.data", &self.data.data)?;
        if self.data.size != self.data.data.len() as u64 {
            return Err(Error::invalid(
                "create/fileMessage data.size",
                format!(
                    "is {} but the file has {} bytes",
                    self.data.size,
                    self.data.data.len()
                ),
            ));
        }
        Ok(())
    }
}

wire_message!(CreateFileMessage = "create" / "fileMessage", [ToApp], args: required,
    data: required, validate: CreateFileMessage::check);

/// `create/fileMessage` (app → client): the message was stored. The client must keep waking
/// the app until `update/messages` shows this message in state `sent`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct FileMessageCreated {
    /// The conversation.
    pub args: ReceiverRef,
    /// The id of the stored message (`None` in error replies).
    pub data: MessageIdData,
}

impl FileMessageCreated {
    /// The reply for a message stored as `message_id`.
    pub fn new(receiver: ReceiverRef, message_id: impl Into<String>) -> Self {
        Self {
            args: receiver,
            data: MessageIdData::new(message_id),
        }
    }
}

wire_message!(FileMessageCreated = "create" / "fileMessage", [FromApp], args: required,
    data: defaulted);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::{Direction, Frame};
    use crate::codec::Ack;
    use crate::testutil::{assert_bin, assert_keys, at, frame_round_trip};
    use rmpv::Value;

    #[test]
    fn request_carries_the_file_bytes_as_bin() {
        let request = CreateFileMessage::new(
            ReceiverRef::group("17"),
            "a.txt",
            "text/plain",
            b"hello".to_vec(),
        )
        .with_caption("note")
        .send_as_file(true);
        let value = frame_round_trip(&Frame::new(request).with_id("f"), Direction::ToApp);
        assert_keys(
            &value,
            "data",
            &["name", "fileType", "sendAsFile", "size", "caption", "data"],
        );
        assert_bin(&value, "data.data", b"hello");
        assert_eq!(at(&value, "data.size"), &Value::from(5));
    }

    #[test]
    fn validation_rejects_size_mismatch_and_empty_files() {
        let mut request =
            CreateFileMessage::new(ReceiverRef::contact("ECHOECHO"), "a", "b/c", vec![1, 2]);
        request.data.size = 3;
        let error = Frame::new(request).encode().unwrap_err();
        assert_eq!(
            error.to_string(),
            "invalid create/fileMessage data.size: is 3 but the file has 2 bytes"
        );
        let empty = CreateFileMessage::new(ReceiverRef::contact("ECHOECHO"), "a", "b/c", vec![]);
        assert!(Frame::new(empty).encode().is_err());
    }

    #[test]
    fn reply_round_trips() {
        let reply = FileMessageCreated::new(ReceiverRef::group("17"), "99");
        let value = frame_round_trip(
            &Frame::new(reply).with_ack(Ack::success("f")),
            Direction::FromApp,
        );
        assert_eq!(at(&value, "data.messageId"), &Value::from("99"));
    }
}

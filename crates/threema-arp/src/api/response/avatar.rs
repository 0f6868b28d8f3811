//! `response/avatar`: the avatar of a receiver (app → client). `data` is the bare image
//! (PNG), or absent if the receiver has no avatar.

use crate::api::macros::wire_message;
use crate::model::{Binary, ReceiverRef, ReceiverType};
use serde::{Deserialize, Serialize};

/// `response/avatar` (app → client).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ResponseAvatar {
    /// The receiver and the resolution.
    pub args: ResponseAvatarArgs,
    /// The avatar bytes; `None` if there is no avatar.
    pub data: Option<Binary>,
}

/// The `args` of [`ResponseAvatar`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ResponseAvatarArgs {
    /// The receiver type (without `me`).
    #[serde(rename = "type")]
    pub receiver_type: ReceiverType,
    /// The receiver id.
    pub id: String,
    /// Whether this is the high-resolution avatar.
    pub high_resolution: bool,
}

impl ResponseAvatar {
    /// The avatar of `receiver` (`None`: no avatar).
    pub fn new(receiver: ReceiverRef, high_resolution: bool, avatar: Option<Binary>) -> Self {
        Self {
            args: ResponseAvatarArgs {
                receiver_type: receiver.receiver_type,
                id: receiver.id,
                high_resolution,
            },
            data: avatar,
        }
    }
}

wire_message!(ResponseAvatar = "response" / "avatar", [FromApp], args: required,
    data: optional);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::{Direction, Frame};
    use crate::codec::Ack;
    use crate::testutil::{assert_bin, assert_keys, frame_round_trip};

    #[test]
    fn round_trips_with_bare_bin_data_or_none() {
        let reply = ResponseAvatar::new(
            ReceiverRef::contact("ECHOECHO"),
            false,
            Some(vec![0x89].into()),
        );
        let value = frame_round_trip(
            &Frame::new(reply).with_ack(Ack::success("a")),
            Direction::FromApp,
        );
        assert_bin(&value, "data", &[0x89]);
        assert_keys(&value, "args", &["type", "id", "highResolution"]);
        let none = ResponseAvatar::new(ReceiverRef::group("1"), true, None);
        let value = frame_round_trip(&Frame::new(none), Direction::FromApp);
        assert_keys(&value, "", &["type", "subType", "args"]);
    }
}

//! `update/avatar`: the low-resolution avatar of a subscribed receiver changed
//! (app → client). `data` is the bare image, or absent when the avatar was removed. The
//! client should drop its cached high-resolution avatar.

use crate::api::macros::wire_message;
use crate::model::{Binary, ReceiverRef};

/// `update/avatar` (app → client).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct UpdateAvatar {
    /// The receiver.
    pub args: ReceiverRef,
    /// The new low-resolution avatar; `None` if it was removed.
    pub data: Option<Binary>,
}

impl UpdateAvatar {
    /// The avatar of `receiver` changed (`None`: removed).
    pub fn new(receiver: ReceiverRef, avatar: Option<Binary>) -> Self {
        Self {
            args: receiver,
            data: avatar,
        }
    }
}

wire_message!(UpdateAvatar = "update" / "avatar", [FromApp], args: required, data: optional);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::{Direction, Frame};
    use crate::testutil::{assert_bin, assert_keys, frame_round_trip};

    #[test]
    fn round_trips_set_and_removed() {
        let set = UpdateAvatar::new(ReceiverRef::group("17"), Some(vec![1].into()));
        assert_bin(
            &frame_round_trip(&Frame::new(set), Direction::FromApp),
            "data",
            &[1],
        );
        let removed = UpdateAvatar::new(ReceiverRef::group("17"), None);
        let value = frame_round_trip(&Frame::new(removed), Direction::FromApp);
        assert_keys(&value, "", &["type", "subType", "args"]);
    }
}

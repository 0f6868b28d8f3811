//! `request/avatar`: the avatar of a receiver (client → app). Answered by
//! `response/avatar`.

use crate::api::macros::wire_message;
use crate::error::{Error, Result};
use crate::model::{ReceiverRef, ReceiverType};
use serde::{Deserialize, Serialize};

/// `request/avatar` (client → app).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct RequestAvatar {
    /// The receiver and the resolution.
    pub args: RequestAvatarArgs,
}

/// The `args` of [`RequestAvatar`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct RequestAvatarArgs {
    /// The receiver type (Threema Web asks for `contact` rather than `me`).
    #[serde(rename = "type")]
    pub receiver_type: ReceiverType,
    /// The receiver id.
    pub id: String,
    /// Whether to send the high-resolution avatar.
    pub high_resolution: bool,
    /// The maximum side length in px of a low-resolution avatar (only without
    /// `high_resolution`; Threema Web uses 48).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_size: Option<u32>,
}

impl RequestAvatar {
    /// The high-resolution avatar of `receiver`.
    pub fn high_resolution(receiver: ReceiverRef) -> Self {
        Self::new(receiver, true, None)
    }

    /// The low-resolution avatar of `receiver`, at most `max_size` px on each side.
    pub fn low_resolution(receiver: ReceiverRef, max_size: u32) -> Self {
        Self::new(receiver, false, Some(max_size))
    }

    fn new(receiver: ReceiverRef, high_resolution: bool, max_size: Option<u32>) -> Self {
        Self {
            args: RequestAvatarArgs {
                receiver_type: receiver.receiver_type,
                id: receiver.id,
                high_resolution,
                max_size,
            },
        }
    }

    fn check(&self) -> Result<()> {
        ReceiverRef::new(self.args.receiver_type.clone(), self.args.id.clone())
            .check("request/avatar", true)?;
        match (self.args.high_resolution, self.args.max_size) {
            (true, Some(_)) => Err(Error::invalid(
                "request/avatar args.maxSize",
                "is only allowed for low-resolution avatars",
            )),
            (_, Some(0)) => Err(Error::invalid(
                "request/avatar args.maxSize",
                "must not be 0",
            )),
            _ => Ok(()),
        }
    }
}

wire_message!(RequestAvatar = "request" / "avatar", [ToApp], args: required,
    validate: RequestAvatar::check);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::{Direction, Frame};
    use crate::testutil::{assert_keys, frame_round_trip};

    #[test]
    fn round_trips_both_resolutions() {
        let low = RequestAvatar::low_resolution(ReceiverRef::contact("ECHOECHO"), 48);
        let value = frame_round_trip(&Frame::new(low), Direction::ToApp);
        assert_keys(&value, "args", &["type", "id", "highResolution", "maxSize"]);
        let high = RequestAvatar::high_resolution(ReceiverRef::group("17"));
        let value = frame_round_trip(&Frame::new(high), Direction::ToApp);
        assert_keys(&value, "args", &["type", "id", "highResolution"]);
    }

    #[test]
    fn max_size_needs_low_resolution() {
        let mut bad = RequestAvatar::high_resolution(ReceiverRef::group("17"));
        bad.args.max_size = Some(48);
        assert!(Frame::new(bad).encode().is_err());
    }
}

//! `response/confirmAction`: the Android app's legacy confirmation (app → client), the same
//! thing as `update/confirm`. Not in the ARP schema. Its `args.temporaryId`,
//! `args.success` and `args.error` become the frame's [`Ack`](crate::codec::Ack).

use crate::api::macros::wire_message;
use serde::{Deserialize, Serialize};

/// `response/confirmAction` (app → client; legacy Android).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ResponseConfirmAction {
    /// The legacy acknowledgement fields.
    pub args: ConfirmActionArgs,
}

/// The `args` of [`ResponseConfirmAction`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ConfirmActionArgs {
    /// Whether the action succeeded (absent: `true`, as in Threema Web).
    #[serde(default = "yes", deserialize_with = "nil_true")]
    pub success: bool,
    /// The error code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// The id of the confirmed message.
    pub temporary_id: String,
}

fn yes() -> bool {
    true
}

fn nil_true<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<bool, D::Error> {
    Ok(Option::<bool>::deserialize(deserializer)?.unwrap_or(true))
}

impl ResponseConfirmAction {
    /// A confirmation of `temporary_id`.
    pub fn new(temporary_id: impl Into<String>, success: bool, error: Option<String>) -> Self {
        Self {
            args: ConfirmActionArgs {
                success,
                error,
                temporary_id: temporary_id.into(),
            },
        }
    }
}

wire_message!(ResponseConfirmAction = "response" / "confirmAction", [FromApp],
    args: required);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::{Direction, Frame};
    use crate::codec::Ack;
    use crate::testutil::{decode_frame, frame_round_trip, map};

    #[test]
    fn round_trips_and_becomes_an_ack() {
        let confirm = ResponseConfirmAction::new("t1", false, Some("invalidGroup".into()));
        let mut frame = Frame::new(confirm);
        // Decoding maps the legacy fields to an ack.
        frame.ack = Some(Ack::failure("t1", "invalidGroup"));
        frame_round_trip(&frame, Direction::FromApp);

        let android = decode_frame(
            &map(vec![
                ("type", "response".into()),
                ("subType", "confirmAction".into()),
                ("args", map(vec![("temporaryId", "t2".into())])),
                ("data", map(vec![])),
            ]),
            Direction::FromApp,
        )
        .unwrap();
        assert_eq!(android.ack, Some(Ack::success("t2")));
    }
}

//! `update/connectionAck`: how many chunks the sender has received on this connection
//! (both directions). The receiver prunes its chunk cache with it. Sent without `id`; on the
//! chunk cache blacklist.

use crate::api::macros::wire_message;
use serde::{Deserialize, Serialize};

/// `update/connectionAck` (both directions).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct UpdateConnectionAck {
    /// The incoming sequence number.
    pub data: ConnectionAckData,
}

/// The `data` of [`UpdateConnectionAck`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ConnectionAckData {
    /// The number of chunks received on this connection.
    pub sequence_number: u32,
}

impl UpdateConnectionAck {
    /// Acknowledges `sequence_number` received chunks.
    pub fn new(sequence_number: u32) -> Self {
        Self {
            data: ConnectionAckData { sequence_number },
        }
    }
}

wire_message!(UpdateConnectionAck = "update" / "connectionAck", [ToApp, FromApp],
    data: required);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::{ArpMessage, Direction, Frame};
    use crate::testutil::{assert_keys, decode_frame, frame_round_trip, map};
    use rmpv::Value;

    #[test]
    fn round_trips_and_accepts_wide_integers() {
        let frame = Frame::new(UpdateConnectionAck::new(70_000));
        for direction in [Direction::ToApp, Direction::FromApp] {
            assert_keys(
                &frame_round_trip(&frame, direction),
                "data",
                &["sequenceNumber"],
            );
        }
        let wide = decode_frame(
            &map(vec![
                ("type", "update".into()),
                ("subType", "connectionAck".into()),
                ("data", map(vec![("sequenceNumber", Value::from(3u64))])),
            ]),
            Direction::FromApp,
        )
        .unwrap();
        assert_eq!(wide.message, ArpMessage::from(UpdateConnectionAck::new(3)));
    }
}

//! `request/connectionAck`: ask the peer for an immediate `update/connectionAck` (both
//! directions). Sent without `id`; on the chunk cache blacklist.

use crate::api::macros::empty_message;

empty_message! {
    /// `request/connectionAck` (both directions).
    RequestConnectionAck = "request" / "connectionAck", [ToApp, FromApp]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::{Direction, Frame};
    use crate::testutil::{assert_keys, frame_round_trip};

    #[test]
    fn round_trips_in_both_directions() {
        let frame = Frame::new(RequestConnectionAck::new());
        for direction in [Direction::ToApp, Direction::FromApp] {
            assert_keys(
                &frame_round_trip(&frame, direction),
                "",
                &["type", "subType"],
            );
        }
        assert!(frame.is_blacklisted());
    }
}

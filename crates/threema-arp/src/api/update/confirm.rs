//! `update/confirm`: confirms a message that has no other reply, or reports an error
//! (app → client). The result is the frame's [`Ack`](crate::codec::Ack).

use crate::api::macros::empty_message;

empty_message! {
    /// `update/confirm` (app → client).
    UpdateConfirm = "update" / "confirm", [FromApp]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::{Direction, Frame};
    use crate::codec::Ack;
    use crate::testutil::{assert_keys, frame_round_trip};

    #[test]
    fn round_trips_with_an_ack() {
        let frame = Frame::new(UpdateConfirm::new()).with_ack(Ack::failure("x", "invalidGroup"));
        let value = frame_round_trip(&frame, Direction::FromApp);
        assert_keys(&value, "ack", &["id", "success", "error"]);
    }
}

//! `request/keyPersisted`: the client stored the session persistently (client → app); the
//! app persists its side only after this. Confirmed by `update/confirm`.

use crate::api::macros::empty_message;

empty_message! {
    /// `request/keyPersisted` (client → app).
    RequestKeyPersisted = "request" / "keyPersisted", [ToApp]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::{Direction, Frame};
    use crate::testutil::{assert_keys, frame_round_trip};

    #[test]
    fn round_trips_with_an_ack_request() {
        let frame = Frame::new(RequestKeyPersisted::new()).with_id("k");
        assert_keys(
            &frame_round_trip(&frame, Direction::ToApp),
            "args",
            &["temporaryId"],
        );
    }
}

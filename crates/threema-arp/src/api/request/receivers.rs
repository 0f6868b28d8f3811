//! `request/receivers`: all contacts, groups and distribution lists (client → app).
//! Answered by `response/receivers`; subscribes to `update/avatar`, `update/receiver` and
//! `update/receivers`.

use crate::api::macros::empty_message;

empty_message! {
    /// `request/receivers` (client → app).
    RequestReceivers = "request" / "receivers", [ToApp]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::{Direction, Frame};
    use crate::testutil::{assert_keys, frame_round_trip};

    #[test]
    fn round_trips() {
        let frame = Frame::new(RequestReceivers::new()).with_id("r");
        let value = frame_round_trip(&frame, Direction::ToApp);
        assert_keys(&value, "", &["type", "subType", "id", "args"]);
    }
}

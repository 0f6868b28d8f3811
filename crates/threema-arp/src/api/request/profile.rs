//! `request/profile`: the user's profile (client → app). Answered by `response/profile`;
//! subscribes to `update/profile`.

use crate::api::macros::empty_message;

empty_message! {
    /// `request/profile` (client → app).
    RequestProfile = "request" / "profile", [ToApp]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::{Direction, Frame};
    use crate::testutil::{assert_keys, frame_round_trip};

    #[test]
    fn round_trips() {
        let frame = Frame::new(RequestProfile::new());
        assert_keys(
            &frame_round_trip(&frame, Direction::ToApp),
            "",
            &["type", "subType"],
        );
    }
}

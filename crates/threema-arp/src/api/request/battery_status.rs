//! `request/batteryStatus`: an immediate battery status (client → app). **Deprecated**:
//! `update/batteryStatus` is auto-subscribed after the handshake; Android answers nothing.

use crate::api::macros::empty_message;

empty_message! {
    /// `request/batteryStatus` (client → app, deprecated).
    RequestBatteryStatus = "request" / "batteryStatus", [ToApp]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::{Direction, Frame};
    use crate::testutil::{assert_keys, frame_round_trip};

    #[test]
    fn round_trips_without_args_or_data() {
        let value = frame_round_trip(&Frame::new(RequestBatteryStatus::new()), Direction::ToApp);
        assert_keys(&value, "", &["type", "subType"]);
    }
}

//! `update/batteryStatus`: the phone's battery (app → client). Auto-subscribed after the
//! handshake; on the chunk cache blacklist.

use crate::api::macros::wire_message;
use serde::{Deserialize, Serialize};

/// `update/batteryStatus` (app → client).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct UpdateBatteryStatus {
    /// The battery status.
    pub data: BatteryStatus,
}

/// The `data` of [`UpdateBatteryStatus`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct BatteryStatus {
    /// The charge in percent (0–100); `nil` (`None`) when unknown.
    pub percent: Option<i64>,
    /// Whether the battery is charging.
    pub is_charging: bool,
}

impl UpdateBatteryStatus {
    /// A battery status.
    pub fn new(percent: Option<i64>, is_charging: bool) -> Self {
        Self {
            data: BatteryStatus {
                percent,
                is_charging,
            },
        }
    }
}

wire_message!(UpdateBatteryStatus = "update" / "batteryStatus", [FromApp], data: required);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::{Direction, Frame};
    use crate::testutil::{assert_keys, at, frame_round_trip};
    use rmpv::Value;

    #[test]
    fn round_trips_with_nil_percent() {
        let unknown = Frame::new(UpdateBatteryStatus::new(None, true));
        let value = frame_round_trip(&unknown, Direction::FromApp);
        assert_keys(&value, "data", &["percent", "isCharging"]);
        assert_eq!(at(&value, "data.percent"), &Value::Nil);
        frame_round_trip(
            &Frame::new(UpdateBatteryStatus::new(Some(87), false)),
            Direction::FromApp,
        );
        assert!(unknown.is_blacklisted());
    }
}

//! `update/connectionDisconnect`: the sender is about to close the connection (both
//! directions). On the chunk cache blacklist.

use crate::api::macros::wire_message;
use crate::codec::string_enum;
use serde::{Deserialize, Serialize};

string_enum! {
    /// Why the peer disconnects.
    pub enum DisconnectReason {
        /// Stop the session.
        Stop = "stop",
        /// Stop and delete the session.
        Delete = "delete",
        /// The web client was disabled in the app; stop the session.
        Disable = "disable",
        /// Replaced by another session; stop this one.
        Replace = "replace",
        /// The device ran out of memory.
        OutOfMemory = "oom",
        /// An error occurred.
        Error = "error",
    }
}

/// `update/connectionDisconnect` (both directions).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct UpdateConnectionDisconnect {
    /// The reason.
    pub data: DisconnectData,
}

/// The `data` of [`UpdateConnectionDisconnect`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct DisconnectData {
    /// Why the peer disconnects.
    pub reason: DisconnectReason,
}

impl UpdateConnectionDisconnect {
    /// A disconnect for `reason`.
    pub fn new(reason: DisconnectReason) -> Self {
        Self {
            data: DisconnectData { reason },
        }
    }
}

wire_message!(UpdateConnectionDisconnect = "update" / "connectionDisconnect",
    [ToApp, FromApp], data: required);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::{Direction, Frame};
    use crate::testutil::{at, frame_round_trip};
    use rmpv::Value;

    #[test]
    fn round_trips_every_reason() {
        for (reason, wire) in [
            (DisconnectReason::Stop, "stop"),
            (DisconnectReason::Delete, "delete"),
            (DisconnectReason::Disable, "disable"),
            (DisconnectReason::Replace, "replace"),
            (DisconnectReason::OutOfMemory, "oom"),
            (DisconnectReason::Error, "error"),
        ] {
            let frame = Frame::new(UpdateConnectionDisconnect::new(reason));
            let value = frame_round_trip(&frame, Direction::FromApp);
            assert_eq!(at(&value, "data.reason"), &Value::from(wire));
        }
    }
}

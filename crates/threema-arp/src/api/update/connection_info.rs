//! `update/connectionInfo`: the first message in each direction on every connection
//! (both directions): the current connection ID and, to resume, the previous connection.
//! Sent without `id`; on the chunk cache blacklist.

use crate::api::macros::wire_message;
use crate::model::{Binary, Connection};
use serde::{Deserialize, Serialize};

/// `update/connectionInfo` (both directions).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct UpdateConnectionInfo {
    /// The connection information.
    pub data: ConnectionInfo,
}

/// The `data` of [`UpdateConnectionInfo`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ConnectionInfo {
    /// The current connection ID (16 bytes; the Android app sends a fake 32-byte value).
    pub id: Binary,
    /// The previous connection, if the sender wants to resume it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resume: Option<Connection>,
}

impl UpdateConnectionInfo {
    /// Announces connection `id`, optionally resuming `resume`.
    pub fn new(id: impl Into<Binary>, resume: Option<Connection>) -> Self {
        Self {
            data: ConnectionInfo {
                id: id.into(),
                resume,
            },
        }
    }
}

wire_message!(UpdateConnectionInfo = "update" / "connectionInfo", [ToApp, FromApp],
    data: required);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::{Direction, Frame};
    use crate::testutil::{assert_bin, assert_keys, frame_round_trip};

    #[test]
    fn round_trips_with_bin_ids() {
        let info = UpdateConnectionInfo::new([1u8; 16], Some(Connection::new([2u8; 16], 9)));
        let value = frame_round_trip(&Frame::new(info), Direction::ToApp);
        assert_keys(&value, "data", &["id", "resume"]);
        assert_bin(&value, "data.id", &[1; 16]);
        assert_bin(&value, "data.resume.id", &[2; 16]);
        let fresh = Frame::new(UpdateConnectionInfo::new([1u8; 16], None));
        assert_keys(
            &frame_round_trip(&fresh, Direction::FromApp),
            "data",
            &["id"],
        );
        assert!(fresh.is_blacklisted());
    }
}

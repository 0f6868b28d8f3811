//! [`Voip`]: the call details of a call status message.

use crate::codec::int_enum;
use serde::{Deserialize, Serialize};

int_enum! {
    /// The kind of call status message (`VoIP.status`).
    pub enum VoipCallStatus {
        /// Missed call.
        Missed = 1,
        /// Finished call.
        Finished = 2,
        /// Rejected call.
        Rejected = 3,
        /// Aborted call.
        Aborted = 4,
    }
}

int_enum! {
    /// Why a call was rejected (`VoIP.reason`).
    pub enum VoipRejectCode {
        /// Unknown.
        UnknownReason = 0,
        /// Busy.
        Busy = 1,
        /// Timeout.
        Timeout = 2,
        /// Rejected by the callee.
        Rejected = 3,
        /// Calls disabled (known to Threema Web, not in the schema).
        Disabled = 4,
    }
}

/// Call details (schema model `VoIP`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Voip {
    /// The call status.
    pub status: VoipCallStatus,
    /// The call duration in seconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration: Option<u64>,
    /// The reject reason.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<VoipRejectCode>,
}

impl Voip {
    /// Call details with a status.
    pub fn new(status: VoipCallStatus) -> Self {
        Self {
            status,
            duration: None,
            reason: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::{assert_keys, at, decode_value, map, round_trip};
    use rmpv::Value;

    #[test]
    fn round_trips_and_keeps_unknown_codes() {
        let mut voip = Voip::new(VoipCallStatus::Rejected);
        voip.duration = Some(0);
        voip.reason = Some(VoipRejectCode::Busy);
        let value = round_trip(&voip);
        assert_keys(&value, "", &["status", "duration", "reason"]);
        assert_eq!(at(&value, "status"), &Value::from(3));
        let odd: Voip = decode_value(&map(vec![("status", Value::from(8)), ("reason", 0.into())]));
        assert_eq!(odd.status, VoipCallStatus::Unknown(8));
        assert_eq!(odd.reason, Some(VoipRejectCode::UnknownReason));
    }
}

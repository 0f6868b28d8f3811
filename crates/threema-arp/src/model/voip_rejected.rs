//! [`VoipRejected`]: `update/voipStatus` data when a call was rejected.

use crate::codec::string_enum;
use serde::{Deserialize, Serialize};

string_enum! {
    /// Why a call was rejected (`VoipRejected.reason`).
    pub enum VoipRejectReason {
        /// The callee is busy.
        Busy = "busy",
        /// Nobody answered.
        Timeout = "timeout",
        /// The callee rejected the call.
        Rejected = "rejected",
        /// Unknown reason.
        Unknown = "unknown",
        /// Calls are disabled (Android, not in the schema).
        Disabled = "disabled",
    }
}

/// A call was rejected (schema model `VoipRejected`, data of `update/voipStatus`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct VoipRejected {
    /// The identity of the call partner.
    pub identity: String,
    /// Whether the user placed the call.
    pub outgoing: bool,
    /// Why the call was rejected.
    pub reason: VoipRejectReason,
}

impl VoipRejected {
    /// The status.
    pub fn new(identity: impl Into<String>, outgoing: bool, reason: VoipRejectReason) -> Self {
        Self {
            identity: identity.into(),
            outgoing,
            reason,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::{assert_keys, round_trip};

    #[test]
    fn round_trips() {
        let rejected = VoipRejected::new("ECHOECHO", false, VoipRejectReason::Disabled);
        assert_keys(
            &round_trip(&rejected),
            "",
            &["identity", "outgoing", "reason"],
        );
    }
}

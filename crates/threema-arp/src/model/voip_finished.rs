//! [`VoipFinished`]: `update/voipStatus` data when a call was finished.

use serde::{Deserialize, Serialize};

/// A call was finished (schema model `VoipFinished`, data of `update/voipStatus`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct VoipFinished {
    /// The identity of the call partner.
    pub identity: String,
    /// Whether the user placed the call.
    pub outgoing: bool,
    /// The call duration in seconds.
    pub duration: u64,
}

impl VoipFinished {
    /// The status.
    pub fn new(identity: impl Into<String>, outgoing: bool, duration: u64) -> Self {
        Self {
            identity: identity.into(),
            outgoing,
            duration,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::{assert_keys, round_trip};

    #[test]
    fn round_trips() {
        assert_keys(
            &round_trip(&VoipFinished::new("ECHOECHO", true, 61)),
            "",
            &["identity", "outgoing", "duration"],
        );
    }
}

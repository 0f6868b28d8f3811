//! [`VoipStarted`]: `update/voipStatus` data when a call was started.

use serde::{Deserialize, Serialize};

/// A call was started (schema model `VoipStarted`, data of `update/voipStatus`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct VoipStarted {
    /// The identity of the call partner.
    pub identity: String,
    /// Whether the user placed the call.
    pub outgoing: bool,
}

impl VoipStarted {
    /// The status.
    pub fn new(identity: impl Into<String>, outgoing: bool) -> Self {
        Self {
            identity: identity.into(),
            outgoing,
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
            &round_trip(&VoipStarted::new("ECHOECHO", true)),
            "",
            &["identity", "outgoing"],
        );
    }
}

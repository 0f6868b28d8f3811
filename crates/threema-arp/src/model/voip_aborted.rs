//! [`VoipAborted`]: `update/voipStatus` data when a call was aborted.

use serde::{Deserialize, Serialize};

/// A call was aborted (schema model `VoipAborted`, data of `update/voipStatus`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct VoipAborted {
    /// The identity of the call partner.
    pub identity: String,
}

impl VoipAborted {
    /// The status.
    pub fn new(identity: impl Into<String>) -> Self {
        Self {
            identity: identity.into(),
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
            &round_trip(&VoipAborted::new("ECHOECHO")),
            "",
            &["identity"],
        );
    }
}

//! [`VoipIdentity`]: `update/voipStatus` data that names only the call partner.

use serde::{Deserialize, Serialize};

/// The call partner of a call status (schema models `VoipRinging`, `VoipMissed` and
/// `VoipAborted`, which are identical).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct VoipIdentity {
    /// The identity of the call partner.
    pub identity: String,
}

impl VoipIdentity {
    /// The status for a call with `identity`.
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
            &round_trip(&VoipIdentity::new("ECHOECHO")),
            "",
            &["identity"],
        );
    }
}

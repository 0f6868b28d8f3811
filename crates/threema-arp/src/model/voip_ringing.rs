//! [`VoipRinging`]: `update/voipStatus` data when the phone is ringing for a call.

use serde::{Deserialize, Serialize};

/// The phone is ringing for a call (schema model `VoipRinging`, data of `update/voipStatus`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct VoipRinging {
    /// The identity of the call partner.
    pub identity: String,
}

impl VoipRinging {
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
            &round_trip(&VoipRinging::new("ECHOECHO")),
            "",
            &["identity"],
        );
    }
}

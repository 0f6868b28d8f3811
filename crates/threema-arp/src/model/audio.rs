//! [`Audio`]: the details of a voice message.

use serde::{Deserialize, Serialize};

/// Audio details (schema model `Audio`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Audio {
    /// The duration in seconds.
    pub duration: u64,
}

impl Audio {
    /// Audio details.
    pub fn new(duration: u64) -> Self {
        Self { duration }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::{assert_keys, round_trip};

    #[test]
    fn round_trips() {
        assert_keys(&round_trip(&Audio::new(61)), "", &["duration"]);
    }
}

//! [`Video`]: the details of a video message.

use serde::{Deserialize, Serialize};

/// Video details (schema model `Video`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Video {
    /// The duration in seconds.
    pub duration: u64,
    /// The file size in bytes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub size: Option<u64>,
}

impl Video {
    /// Video details.
    pub fn new(duration: u64) -> Self {
        Self {
            duration,
            size: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::{assert_keys, round_trip};

    #[test]
    fn round_trips() {
        let mut video = Video::new(12);
        video.size = Some(2_000_000);
        assert_keys(&round_trip(&video), "", &["duration", "size"]);
    }
}

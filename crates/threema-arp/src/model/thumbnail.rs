//! [`Thumbnail`]: the thumbnail of a media message.

use super::Binary;
use serde::{Deserialize, Serialize};

/// A thumbnail (schema model `Thumbnail`). The full thumbnail comes with
/// `request/thumbnail`; this holds a tiny preview.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Thumbnail {
    /// The height of the full thumbnail (at most 350 px).
    pub height: u32,
    /// The width of the full thumbnail (at most 350 px).
    pub width: u32,
    /// A tiny JPEG preview, no side larger than 50 px.
    pub preview: Binary,
}

impl Thumbnail {
    /// A thumbnail.
    pub fn new(width: u32, height: u32, preview: impl Into<Binary>) -> Self {
        Self {
            height,
            width,
            preview: preview.into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::{assert_bin, assert_keys, round_trip};

    #[test]
    fn round_trips_with_bin_preview() {
        let value = round_trip(&Thumbnail::new(350, 200, vec![1, 2]));
        assert_keys(&value, "", &["height", "width", "preview"]);
        assert_bin(&value, "preview", &[1, 2]);
    }
}

//! [`ImageFormat`]: the MIME types of avatars and thumbnails.

use serde::{Deserialize, Serialize};

/// The image formats the app sends (schema model `ImageFormat`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ImageFormat {
    /// The avatar MIME type (`"image/png"`).
    pub avatar: String,
    /// The thumbnail MIME type (`"image/jpeg"`).
    pub thumbnail: String,
}

impl ImageFormat {
    /// Formats from two MIME types.
    pub fn new(avatar: impl Into<String>, thumbnail: impl Into<String>) -> Self {
        Self {
            avatar: avatar.into(),
            thumbnail: thumbnail.into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::{assert_keys, round_trip};

    #[test]
    fn round_trips() {
        let format = ImageFormat::new("image/png", "image/jpeg");
        assert_keys(&round_trip(&format), "", &["avatar", "thumbnail"]);
    }
}

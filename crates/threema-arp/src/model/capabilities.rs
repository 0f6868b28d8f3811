//! [`Capabilities`]: the app capabilities in `response/clientInfo`.

use super::{ImageFormat, MdmRestrictions};
use serde::{Deserialize, Serialize};

/// The app's capabilities (schema model `Capabilities`, plus the newer reaction flags). The
/// accessors apply the schema defaults.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Capabilities {
    /// The maximum group size (default 50).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_group_size: Option<u32>,
    /// The maximum file size in bytes (default 52,428,800).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_file_size: Option<u64>,
    /// The maximum text message size in bytes (default 3,500; Android does not send it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_message_body_size: Option<u32>,
    /// Whether distribution lists are supported (default `true`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub distribution_lists: Option<bool>,
    /// Whether wake-up pushes can be grouped by affiliation (default `false`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recurrent_pushes: Option<bool>,
    /// Whether quotes v2 (with a message id) are supported (default `false`).
    #[serde(default, rename = "quotesV2", skip_serializing_if = "Option::is_none")]
    pub quotes_v2: Option<bool>,
    /// The image formats the app uses.
    pub image_format: ImageFormat,
    /// MDM restrictions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mdm: Option<MdmRestrictions>,
    /// Whether emoji reactions are supported (newer than ARP 2.2.2; default `false`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub emoji_reactions: Option<bool>,
    /// Whether group reactions are supported (newer than ARP 2.2.2; default `false`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group_reactions: Option<bool>,
}

impl Capabilities {
    /// Capabilities with only the required image format (all else default).
    pub fn new(image_format: ImageFormat) -> Self {
        Self {
            max_group_size: None,
            max_file_size: None,
            max_message_body_size: None,
            distribution_lists: None,
            recurrent_pushes: None,
            quotes_v2: None,
            image_format,
            mdm: None,
            emoji_reactions: None,
            group_reactions: None,
        }
    }

    /// `max_group_size` with its default applied.
    pub fn max_group_size(&self) -> u32 {
        self.max_group_size.unwrap_or(50)
    }

    /// `max_file_size` with its default applied.
    pub fn max_file_size(&self) -> u64 {
        self.max_file_size.unwrap_or(52_428_800)
    }

    /// `max_message_body_size` with its default applied.
    pub fn max_message_body_size(&self) -> u32 {
        self.max_message_body_size.unwrap_or(3500)
    }

    /// `distribution_lists` with its default applied.
    pub fn distribution_lists(&self) -> bool {
        self.distribution_lists.unwrap_or(true)
    }

    /// `quotes_v2` with its default applied.
    pub fn quotes_v2(&self) -> bool {
        self.quotes_v2.unwrap_or(false)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::{at, round_trip, sample_capabilities};
    use rmpv::Value;

    #[test]
    fn round_trips_and_applies_defaults() {
        let value = round_trip(&sample_capabilities());
        assert_eq!(at(&value, "quotesV2"), &Value::from(true));
        assert_eq!(at(&value, "imageFormat.avatar"), &Value::from("image/png"));
        assert_eq!(at(&value, "mdm.disableCalls"), &Value::from(true));
        let plain = Capabilities::new(ImageFormat::new("image/png", "image/jpeg"));
        round_trip(&plain);
        assert_eq!(plain.max_group_size(), 50);
        assert_eq!(plain.max_file_size(), 52_428_800);
        assert_eq!(plain.max_message_body_size(), 3500);
        assert!(plain.distribution_lists() && !plain.quotes_v2());
    }
}

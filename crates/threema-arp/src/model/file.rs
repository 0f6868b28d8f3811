//! [`File`]: the file details of a file message.

use serde::{Deserialize, Serialize};

/// File details (schema model `File`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct File {
    /// The file name.
    pub name: String,
    /// The size in bytes.
    pub size: u64,
    /// The MIME type.
    #[serde(rename = "type")]
    pub mime_type: String,
    /// Whether the file is rendered inline (undocumented in the schema).
    pub in_app: bool,
}

impl File {
    /// File details.
    pub fn new(name: impl Into<String>, size: u64, mime_type: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            size,
            mime_type: mime_type.into(),
            in_app: false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::{assert_keys, round_trip};

    #[test]
    fn round_trips() {
        let file = File::new("a.pdf", 1234, "application/pdf");
        assert_keys(&round_trip(&file), "", &["name", "size", "type", "inApp"]);
    }
}

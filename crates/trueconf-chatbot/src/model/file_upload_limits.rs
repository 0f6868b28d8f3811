//! [`FileUploadLimits`]: the admin's upload limits (`getFileUploadLimits`, also pushed as a
//! notification when they change), with [`ExtensionFilter`] and [`ExtensionMode`].

use serde::{Deserialize, Serialize};

transport_core::open_string_enum! {
    /// Whether the extension list is an allow list or a block list (`mode`).
    pub enum ExtensionMode {
        /// `allow`: only the listed extensions may be uploaded.
        Allow = "allow",
        /// `block`: the listed extensions may not be uploaded.
        Block = "block",
    }
}

/// Allowed or blocked file extensions (`extensions`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ExtensionFilter {
    /// Allow or block list.
    pub mode: ExtensionMode,
    /// The extensions (as configured, e.g. `"exe"` or `".exe"`).
    #[serde(default)]
    pub list: Vec<String>,
}

impl ExtensionFilter {
    /// A filter.
    pub fn new(mode: ExtensionMode, list: Vec<String>) -> Self {
        Self { mode, list }
    }
}

/// Upload limits. Check a file against them with [`crate::validate::file()`] before uploading.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct FileUploadLimits {
    /// The largest file in bytes, if limited.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_size: Option<u64>,
    /// The extension filter, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extensions: Option<ExtensionFilter>,
}

impl FileUploadLimits {
    /// Limits with the given maximum size and no extension filter.
    pub fn new(max_size: Option<u64>) -> Self {
        Self {
            max_size,
            extensions: None,
        }
    }

    /// Sets the extension filter.
    #[must_use]
    pub fn with_extensions(mut self, extensions: ExtensionFilter) -> Self {
        self.extensions = Some(extensions);
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn round_trip_and_empty() {
        let raw =
            json!({"maxSize": 10485760, "extensions": {"mode": "block", "list": ["exe", "bat"]}});
        let l: FileUploadLimits = serde_json::from_value(raw.clone()).unwrap();
        assert_eq!(l.max_size, Some(10_485_760));
        assert_eq!(
            l.extensions.as_ref().map(|e| &e.mode),
            Some(&ExtensionMode::Block)
        );
        assert_eq!(serde_json::to_value(&l).unwrap(), raw);
        let none: FileUploadLimits = serde_json::from_value(json!({})).unwrap();
        assert_eq!(none, FileUploadLimits::default());
        let odd: ExtensionFilter = serde_json::from_value(json!({"mode": "warn"})).unwrap();
        assert_eq!(odd.mode, ExtensionMode::Other("warn".into()));
        assert!(odd.list.is_empty());
    }
}

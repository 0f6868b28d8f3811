//! [`CdnHeaders`]: headers to send to a CDN, which may carry time-limited credentials.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

/// Headers the server hands out for CDN uploads or reads (a JSON object of strings). They may
/// contain credentials, so `Debug` shows only the header names.
#[derive(Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct CdnHeaders(pub BTreeMap<String, String>);

impl CdnHeaders {
    /// The value of header `name` (exact, case-sensitive key).
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0.get(name).map(String::as_str)
    }
}

impl fmt::Debug for CdnHeaders {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set().entries(self.0.keys()).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_shows_names_only() {
        let h: CdnHeaders =
            serde_json::from_str(r#"{"Authorization":"Bearer s3cr3t","x-goog-resumable":"start"}"#)
                .unwrap();
        assert_eq!(h.get("x-goog-resumable"), Some("start"));
        let shown = format!("{h:?}");
        assert_eq!(shown, r#"{"Authorization", "x-goog-resumable"}"#);
        assert!(!shown.contains("s3cr3t"));
    }
}

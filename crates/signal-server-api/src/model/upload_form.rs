//! [`UploadForm`]: the fields of a signed S3-style POST upload form.

use serde::{Deserialize, Serialize};
use transport_core::Secret;

/// A signed POST form for a CDN upload: the fields the server hands out for attachments (v2),
/// sticker packs and profile avatars. `Debug` never shows the credential or the signature.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct UploadForm {
    /// The object key.
    #[serde(default)]
    pub key: String,
    /// The form's credential field.
    #[serde(
        default,
        with = "super::secret_string::optional",
        skip_serializing_if = "Option::is_none"
    )]
    pub credential: Option<Secret>,
    /// The ACL field.
    #[serde(default)]
    pub acl: String,
    /// The signing algorithm.
    #[serde(default)]
    pub algorithm: String,
    /// The signing date.
    #[serde(default)]
    pub date: String,
    /// The upload policy.
    #[serde(default)]
    pub policy: String,
    /// The policy's signature.
    #[serde(
        default,
        with = "super::secret_string::optional",
        skip_serializing_if = "Option::is_none"
    )]
    pub signature: Option<Secret>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_and_redacts() {
        let f: UploadForm = serde_json::from_str(
            r#"{"key":"k","credential":"cred-1","acl":"private","algorithm":"AWS4-HMAC-SHA256","date":"d","policy":"p","signature":"sig-1"}"#,
        )
        .unwrap();
        assert_eq!(f.key, "k");
        assert_eq!(f.signature.as_ref().map(Secret::expose), Some("sig-1"));
        let shown = format!("{f:?}");
        assert!(
            !shown.contains("cred-1") && !shown.contains("sig-1"),
            "{shown}"
        );
        assert_eq!(serde_json::to_value(&f).unwrap()["credential"], "cred-1");
    }
}

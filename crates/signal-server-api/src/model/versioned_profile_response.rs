//! [`VersionedProfileResponse`]: a profile with its encrypted fields for one version.

use super::BaseProfileResponse;
use serde::{Deserialize, Serialize};

/// The spec's `VersionedProfileResponse`: the [`BaseProfileResponse`] plus the encrypted
/// fields (name, about, emoji, payment address, phone-number sharing; base64 on the wire) and
/// the avatar path, for the profile version the caller holds the key of.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct VersionedProfileResponse {
    /// The unencrypted part.
    #[serde(flatten)]
    pub base: BaseProfileResponse,
    /// The encrypted name.
    #[serde(
        default,
        with = "super::b64::standard_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub name: Option<Vec<u8>>,
    /// The encrypted "about" text.
    #[serde(
        default,
        with = "super::b64::standard_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub about: Option<Vec<u8>>,
    /// The encrypted "about" emoji.
    #[serde(
        default,
        with = "super::b64::standard_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub about_emoji: Option<Vec<u8>>,
    /// The avatar's CDN path.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub avatar: Option<String>,
    /// The encrypted payment address.
    #[serde(
        default,
        with = "super::b64::standard_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub payment_address: Option<Vec<u8>>,
    /// The encrypted phone-number sharing setting.
    #[serde(
        default,
        with = "super::b64::standard_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub phone_number_sharing: Option<Vec<u8>>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flattened_base_and_encrypted_fields() {
        let p: VersionedProfileResponse = serde_json::from_str(
            r#"{"identityKey":"BQ==","name":"bmFtZQ==","about":null,"avatar":"profiles/abc",
                "capabilities":{},"badges":[],"uuid":"9d0652a3-dcc3-4d11-975f-74d61598733f"}"#,
        )
        .unwrap();
        assert_eq!(p.name.as_deref(), Some(&b"name"[..]));
        assert_eq!(p.about, None);
        assert_eq!(p.avatar.as_deref(), Some("profiles/abc"));
        assert!(p.base.uuid.is_some());
        let json = serde_json::to_value(&p).unwrap();
        assert_eq!(json["identityKey"], "BQ==");
        assert_eq!(json["name"], "bmFtZQ==");
    }
}

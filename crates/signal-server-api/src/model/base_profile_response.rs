//! [`BaseProfileResponse`]: the unencrypted part of a profile.

use super::{Badge, IdentityKey, ServiceId, UserCapabilities};
use serde::{Deserialize, Serialize};

/// The spec's `BaseProfileResponse`: identity key, sealed-sender access, capabilities and
/// badges (`GET /v1/profile/{identifier}`; also the common part of versioned profiles).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct BaseProfileResponse {
    /// The identity key (base64 on the wire; the spec shows an object).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub identity_key: Option<IdentityKey>,
    /// A checksum proving unidentified access (base64 on the wire).
    #[serde(
        default,
        with = "super::b64::standard_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub unidentified_access: Option<Vec<u8>>,
    /// Anyone may send sealed-sender messages to this account.
    #[serde(default)]
    pub unrestricted_unidentified_access: bool,
    /// The account's capabilities.
    #[serde(default)]
    pub capabilities: UserCapabilities,
    /// The account's badges.
    #[serde(default)]
    pub badges: Vec<Badge>,
    /// The identity this profile is for (`<uuid>` or `PNI:<uuid>`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uuid: Option<ServiceId>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_real_wire_shapes() {
        let p: BaseProfileResponse = serde_json::from_str(
            r#"{"identityKey":"BQID","unidentifiedAccess":"AAEC","unrestrictedUnidentifiedAccess":false,
                "capabilities":{"pni":true},"badges":[],"uuid":"PNI:9d0652a3-dcc3-4d11-975f-74d61598733f"}"#,
        )
        .unwrap();
        assert_eq!(p.identity_key.unwrap().as_bytes(), &[5, 2, 3]);
        assert_eq!(p.unidentified_access, Some(vec![0, 1, 2]));
        assert!(p.capabilities.pni);
        assert!(matches!(p.uuid, Some(ServiceId::Pni(_))));
    }
}

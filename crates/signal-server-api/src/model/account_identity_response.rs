//! [`AccountIdentityResponse`]: the identifiers of an account.

use super::{Aci, Pni};
use serde::{Deserialize, Serialize};

/// The account's identifiers, returned by `whoami`, `me`, registration and number changes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct AccountIdentityResponse {
    /// The account identifier.
    pub uuid: Aci,
    /// The phone number (E.164).
    #[serde(default)]
    pub number: String,
    /// The phone-number identifier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pni: Option<Pni>,
    /// The username hash, when a username is set (URL-safe base64 on the wire).
    #[serde(
        default,
        with = "super::b64::url_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub username_hash: Option<Vec<u8>>,
    /// Whether any device supports storage service.
    #[serde(default)]
    pub storage_capable: bool,
}

impl AccountIdentityResponse {
    /// A response for `uuid` with `number`.
    pub fn new(uuid: Aci, number: impl Into<String>) -> Self {
        Self {
            uuid,
            number: number.into(),
            pni: None,
            username_hash: None,
            storage_capable: false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_a_server_response() {
        let r: AccountIdentityResponse = serde_json::from_str(
            r#"{"uuid":"9d0652a3-dcc3-4d11-975f-74d61598733f","number":"+14155550100",
                "pni":"4f1e8f5a-4e61-4e4a-9a0e-2a1e2d3c4b5a","usernameHash":"AQID_w",
                "storageCapable":true,"entitlements":{}}"#,
        )
        .unwrap();
        assert_eq!(r.number, "+14155550100");
        assert_eq!(r.username_hash.as_deref(), Some(&[1, 2, 3, 0xff][..]));
        assert!(r.storage_capable);
        assert_eq!(serde_json::to_value(&r).unwrap()["usernameHash"], "AQID_w");
    }
}

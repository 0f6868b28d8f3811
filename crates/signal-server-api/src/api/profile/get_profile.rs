//! `GET /v1/profile/{identifier}/{version}` — a profile, with the encrypted fields of one version.

use crate::api::{Operation, OperationInfo};
use crate::auth::AuthMode;
use crate::auth::{UnidentifiedAccessKey, access_key_auth, access_key_headers};
use crate::model::{Aci, VersionedProfileResponse};
use std::borrow::Cow;
use transport_core::http::{Endpoint, EndpointAuth, HeaderMap, Method, RawResponse, segment};

/// `GET /v1/profile/{identifier}/{version}` (`getProfile`) — a profile, with the encrypted fields
/// of one version.
///
/// `version` is the hex profile-key version the caller holds the key for. Authenticated with the
/// account, or for sealed sender with the target's unidentified access key.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct GetProfile {
    /// The account (an ACI).
    pub identifier: Aci,
    /// The profile key version (hex).
    pub version: String,
    /// For sealed sender: the target's access key (sent instead of credentials).
    pub access_key: Option<UnidentifiedAccessKey>,
}

impl GetProfile {
    /// The profile of `identifier` at `version`.
    pub fn new(identifier: Aci, version: impl Into<String>) -> Self {
        Self {
            identifier,
            version: version.into(),
            access_key: None,
        }
    }

    /// Authenticates with `access_key` (sealed sender) instead of the account.
    #[must_use]
    pub fn with_access_key(mut self, access_key: UnidentifiedAccessKey) -> Self {
        self.access_key = Some(access_key);
        self
    }
}

impl Endpoint for GetProfile {
    type Response = VersionedProfileResponse;
    const METHOD: Method = Method::GET;

    fn path(&self) -> Cow<'_, str> {
        format!("/v1/profile/{}/{}", self.identifier, segment(&self.version)).into()
    }

    fn headers(&self) -> transport_core::Result<HeaderMap> {
        access_key_headers(self.access_key.as_ref())
    }

    fn auth(&self) -> EndpointAuth {
        access_key_auth(self.access_key.as_ref())
    }

    fn parse(&self, response: RawResponse) -> transport_core::Result<Self::Response> {
        response.json()
    }
}

impl Operation for GetProfile {
    const INFO: OperationInfo = OperationInfo::new(
        "getProfile",
        "Profile",
        Self::METHOD,
        "/v1/profile/{identifier}/{version}",
        AuthMode::BasicOrAccessKey,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::*;

    #[test]
    fn request_and_response() {
        let aci: Aci = "9d0652a3-dcc3-4d11-975f-74d61598733f".parse().unwrap();
        let op = GetProfile::new(aci, "abcdef01");
        assert_consistent(&op);
        assert_eq!(
            op.path(),
            "/v1/profile/9d0652a3-dcc3-4d11-975f-74d61598733f/abcdef01"
        );
        let sealed = op
            .clone()
            .with_access_key(UnidentifiedAccessKey::new([2; 16]));
        assert_consistent(&sealed);
        let r = parse(&op, 200, r#"{"identityKey":"BQE=","unidentifiedAccess":"AAE=","unrestrictedUnidentifiedAccess":false,
                "capabilities":{"paymentActivation":true},"badges":[{"id":"BOOST","category":"donor","name":"Boost","description":"d","sprites6":[],"svgs":[]}],
                "uuid":"9d0652a3-dcc3-4d11-975f-74d61598733f","name":"bmFtZQ==","about":"YQ==","aboutEmoji":null,
                "avatar":"profiles/xyz","paymentAddress":null,"phoneNumberSharing":"AQ==","credential":"Y3JlZA=="}"#).unwrap();
        assert_eq!(r.name.as_deref(), Some(&b"name"[..]));
        assert_eq!(r.about_emoji, None);
        assert_eq!(r.base.badges[0].id, "BOOST");
        assert!(r.base.capabilities.payment_activation);
        assert_eq!(parse(&op, 404, "").unwrap_err().status(), Some(404));
    }
}

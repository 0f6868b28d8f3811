//! `GET /v1/profile/{identifier}` — the unencrypted part of a profile (ACI or PNI).

use crate::api::{Operation, OperationInfo};
use crate::auth::AuthMode;
use crate::auth::{UnidentifiedAccessKey, access_key_auth, access_key_headers};
use crate::model::{BaseProfileResponse, ServiceId};
use std::borrow::Cow;
use transport_core::http::{Endpoint, EndpointAuth, HeaderMap, Method, RawResponse, segment};

/// `GET /v1/profile/{identifier}` (`getUnversionedProfile`) — the unencrypted part of a profile
/// (ACI or PNI).
///
/// Identity key, sealed-sender access, capabilities and badges. `ca=true` asks the server to check
/// the access key (for sealed sender).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct GetUnversionedProfile {
    /// The ACI or PNI.
    pub identifier: ServiceId,
    /// The `ca` query parameter.
    pub ca: Option<bool>,
    /// For sealed sender: the target's access key (sent instead of credentials).
    pub access_key: Option<UnidentifiedAccessKey>,
}

impl GetUnversionedProfile {
    /// The profile of `identifier`.
    pub fn new(identifier: impl Into<ServiceId>) -> Self {
        Self {
            identifier: identifier.into(),
            ca: None,
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

impl Endpoint for GetUnversionedProfile {
    type Response = BaseProfileResponse;
    const METHOD: Method = Method::GET;

    fn path(&self) -> Cow<'_, str> {
        format!("/v1/profile/{}", segment(&self.identifier.to_string())).into()
    }

    fn query(&self) -> Vec<(Cow<'static, str>, String)> {
        self.ca
            .map(|ca| ("ca".into(), ca.to_string()))
            .into_iter()
            .collect()
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

impl Operation for GetUnversionedProfile {
    const INFO: OperationInfo = OperationInfo::new(
        "getUnversionedProfile",
        "Profile",
        Self::METHOD,
        "/v1/profile/{identifier}",
        AuthMode::BasicOrAccessKey,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::*;

    #[test]
    fn request_and_response() {
        let pni: ServiceId = "PNI:4f1e8f5a-4e61-4e4a-9a0e-2a1e2d3c4b5a".parse().unwrap();
        let mut op =
            GetUnversionedProfile::new(pni).with_access_key(UnidentifiedAccessKey::new([4; 16]));
        op.ca = Some(true);
        assert_consistent(&op);
        assert_eq!(
            op.path(),
            "/v1/profile/PNI:4f1e8f5a-4e61-4e4a-9a0e-2a1e2d3c4b5a"
        );
        assert_eq!(query_string(&op), "ca=true");
        let r = parse(&op, 200, r#"{"identityKey":"BQE=","unidentifiedAccess":"AAE=","unrestrictedUnidentifiedAccess":false,
                "capabilities":{"paymentActivation":true},"badges":[{"id":"BOOST","category":"donor","name":"Boost","description":"d","sprites6":[],"svgs":[]}],
                "uuid":"9d0652a3-dcc3-4d11-975f-74d61598733f","name":"bmFtZQ==","about":"YQ==","aboutEmoji":null,
                "avatar":"profiles/xyz","paymentAddress":null,"phoneNumberSharing":"AQ==","credential":"Y3JlZA=="}"#).unwrap();
        assert_eq!(r.identity_key.unwrap().as_bytes(), &[5, 1]);
        assert_eq!(r.unidentified_access, Some(vec![0, 1]));
        assert_eq!(parse(&op, 401, "").unwrap_err().status(), Some(401));
    }
}

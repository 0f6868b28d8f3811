//! `GET /v1/profile/{identifier}/{version}/{credentialRequest}` — a versioned profile plus a profile-key credential.

use crate::api::{Operation, OperationInfo};
use crate::auth::AuthMode;
use crate::auth::{UnidentifiedAccessKey, access_key_auth, access_key_headers};
use crate::model::{Aci, VersionedProfileResponse};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use transport_core::http::{Endpoint, EndpointAuth, HeaderMap, Method, RawResponse, segment};

/// `GET /v1/profile/{identifier}/{version}/{credentialRequest}` (`getProfile_1`) — a versioned
/// profile plus a profile-key credential.
///
/// Like `getProfile`, and also issues a credential for the hex `credentialRequest`
/// (`credentialType`, `expiringProfileKey` by default). The spec's `CredentialProfileResponse`
/// omits the `credential` field the server sends; it is modelled.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct GetProfile1 {
    /// The account (an ACI).
    pub identifier: Aci,
    /// The profile key version (hex).
    pub version: String,
    /// The serialized credential request (hex).
    pub credential_request: String,
    /// The `credentialType` query parameter.
    pub credential_type: String,
    /// For sealed sender: the target's access key (sent instead of credentials).
    pub access_key: Option<UnidentifiedAccessKey>,
}

impl GetProfile1 {
    /// The profile of `identifier` at `version` with an `expiringProfileKey` credential.
    pub fn new(
        identifier: Aci,
        version: impl Into<String>,
        credential_request: impl Into<String>,
    ) -> Self {
        Self {
            identifier,
            version: version.into(),
            credential_request: credential_request.into(),
            credential_type: "expiringProfileKey".into(),
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

/// The spec's `CredentialProfileResponse`: a versioned profile and the issued credential.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct CredentialProfileResponse {
    /// The profile.
    #[serde(flatten)]
    pub profile: VersionedProfileResponse,
    /// The serialized credential response (base64 on the wire).
    #[serde(
        default,
        with = "crate::model::b64::standard_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub credential: Option<Vec<u8>>,
}

impl Endpoint for GetProfile1 {
    type Response = CredentialProfileResponse;
    const METHOD: Method = Method::GET;

    fn path(&self) -> Cow<'_, str> {
        format!(
            "/v1/profile/{}/{}/{}",
            self.identifier,
            segment(&self.version),
            segment(&self.credential_request)
        )
        .into()
    }

    fn query(&self) -> Vec<(Cow<'static, str>, String)> {
        vec![("credentialType".into(), self.credential_type.clone())]
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

impl Operation for GetProfile1 {
    const INFO: OperationInfo = OperationInfo::new(
        "getProfile_1",
        "Profile",
        Self::METHOD,
        "/v1/profile/{identifier}/{version}/{credentialRequest}",
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
        let op = GetProfile1::new(aci, "v1", "c0ffee");
        assert_consistent(&op);
        assert_eq!(
            op.path(),
            "/v1/profile/9d0652a3-dcc3-4d11-975f-74d61598733f/v1/c0ffee"
        );
        assert_eq!(query_string(&op), "credentialType=expiringProfileKey");
        let r = parse(&op, 200, r#"{"identityKey":"BQE=","unidentifiedAccess":"AAE=","unrestrictedUnidentifiedAccess":false,
                "capabilities":{"paymentActivation":true},"badges":[{"id":"BOOST","category":"donor","name":"Boost","description":"d","sprites6":[],"svgs":[]}],
                "uuid":"9d0652a3-dcc3-4d11-975f-74d61598733f","name":"bmFtZQ==","about":"YQ==","aboutEmoji":null,
                "avatar":"profiles/xyz","paymentAddress":null,"phoneNumberSharing":"AQ==","credential":"Y3JlZA=="}"#).unwrap();
        assert_eq!(r.credential.as_deref(), Some(&b"cred"[..]));
        assert_eq!(r.profile.avatar.as_deref(), Some("profiles/xyz"));
    }
}

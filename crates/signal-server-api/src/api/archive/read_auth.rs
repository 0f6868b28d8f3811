//! `GET /v1/archives/auth/read` — credentials for reading from the backup CDN.

use crate::api::{Operation, OperationInfo, no_account_auth};
use crate::auth::AuthMode;
use crate::auth::ZkBackupAuth;
use crate::model::CdnHeaders;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use transport_core::http::{Endpoint, EndpointAuth, HeaderMap, Method, RawResponse};

/// `GET /v1/archives/auth/read` (`readAuth`) — credentials for reading from the backup CDN.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ReadAuth {
    /// The backup credential presentation and its signature (`X-Signal-ZK-Auth*` headers).
    pub auth: ZkBackupAuth,
}

impl ReadAuth {
    /// The request, authenticated with `auth`.
    pub fn new(auth: ZkBackupAuth) -> Self {
        Self { auth }
    }
}

/// The spec's `ReadAuthResponse`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ReadAuthResponse {
    /// Headers to send with CDN reads.
    #[serde(default)]
    pub headers: CdnHeaders,
}

impl Endpoint for ReadAuth {
    type Response = ReadAuthResponse;
    const METHOD: Method = Method::GET;

    fn path(&self) -> Cow<'_, str> {
        "/v1/archives/auth/read".into()
    }

    fn headers(&self) -> transport_core::Result<HeaderMap> {
        let mut headers = HeaderMap::new();
        self.auth.apply(&mut headers)?;
        Ok(headers)
    }

    fn auth(&self) -> EndpointAuth {
        no_account_auth()
    }

    fn parse(&self, response: RawResponse) -> transport_core::Result<Self::Response> {
        response.json()
    }
}

impl Operation for ReadAuth {
    const INFO: OperationInfo = OperationInfo::new(
        "readAuth",
        "Archive",
        Self::METHOD,
        "/v1/archives/auth/read",
        AuthMode::ZkBackup,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::*;

    #[test]
    fn request_and_response() {
        let op = ReadAuth::new(ZkBackupAuth::new(vec![1, 2], vec![3]));
        assert_consistent(&op);
        let headers = op.headers().unwrap();
        assert_eq!(headers["x-signal-zk-auth"], "AQI=");
        assert_eq!(headers["x-signal-zk-auth-signature"], "Aw==");
        let r = parse(&op, 200, r#"{"headers":{"Authorization":"Basic abc"}}"#).unwrap();
        assert_eq!(r.headers.get("Authorization"), Some("Basic abc"));
    }
}

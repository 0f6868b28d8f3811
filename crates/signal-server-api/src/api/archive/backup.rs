//! `GET /v1/archives/upload/form` — an upload form for a message backup.

use crate::api::{Operation, OperationInfo, no_account_auth};
use crate::auth::AuthMode;
use crate::auth::ZkBackupAuth;
use crate::model::CdnHeaders;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use transport_core::http::{Endpoint, EndpointAuth, HeaderMap, Method, RawResponse};

/// `GET /v1/archives/upload/form` (`backup`) — an upload form for a message backup.
///
/// Returns a form for a resumable upload of the message backup (the spec's
/// `MessageBackupResponse`).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Backup {
    /// The backup credential presentation and its signature (`X-Signal-ZK-Auth*` headers).
    pub auth: ZkBackupAuth,
}

impl Backup {
    /// The request, authenticated with `auth`.
    pub fn new(auth: ZkBackupAuth) -> Self {
        Self { auth }
    }
}

/// The spec's `MessageBackupResponse`: an upload form for the message backup.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct MessageBackupResponse {
    /// The CDN type (3: resumable uploads with TUS).
    #[serde(default)]
    pub cdn: u32,
    /// Where the finished upload will be found on the CDN.
    #[serde(default)]
    pub key: String,
    /// Headers for all upload requests (may include time-limited credentials).
    #[serde(default)]
    pub headers: CdnHeaders,
    /// The URL to upload to.
    #[serde(default)]
    pub signed_upload_location: String,
}

impl Endpoint for Backup {
    type Response = MessageBackupResponse;
    const METHOD: Method = Method::GET;

    fn path(&self) -> Cow<'_, str> {
        "/v1/archives/upload/form".into()
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

impl Operation for Backup {
    const INFO: OperationInfo = OperationInfo::new(
        "backup",
        "Archive",
        Self::METHOD,
        "/v1/archives/upload/form",
        AuthMode::ZkBackup,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::*;

    #[test]
    fn request_and_response() {
        let op = Backup::new(ZkBackupAuth::new(vec![1, 2], vec![3]));
        assert_consistent(&op);
        assert!(has_no_body(&op));
        let headers = op.headers().unwrap();
        assert_eq!(headers["x-signal-zk-auth"], "AQI=");
        assert_eq!(headers["x-signal-zk-auth-signature"], "Aw==");
        let r = parse(
            &op,
            200,
            r#"{"cdn":3,"key":"backups/abc","headers":{"Upload-Length":"100"},"signedUploadLocation":"https://cdn3/tus"}"#,
        )
        .unwrap();
        assert_eq!((r.cdn, r.key.as_str()), (3, "backups/abc"));
        assert_eq!(r.headers.get("Upload-Length"), Some("100"));
        assert_eq!(parse(&op, 403, "").unwrap_err().status(), Some(403));
    }
}

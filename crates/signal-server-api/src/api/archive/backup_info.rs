//! `GET /v1/archives` — information about the stored backup.

use crate::api::{Operation, OperationInfo, no_account_auth};
use crate::auth::AuthMode;
use crate::auth::ZkBackupAuth;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use transport_core::http::{Endpoint, EndpointAuth, HeaderMap, Method, RawResponse};

/// `GET /v1/archives` (`backupInfo`) — information about the stored backup.
///
/// 404 when no backup exists.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct BackupInfo {
    /// The backup credential presentation and its signature (`X-Signal-ZK-Auth*` headers).
    pub auth: ZkBackupAuth,
}

impl BackupInfo {
    /// The request, authenticated with `auth`.
    pub fn new(auth: ZkBackupAuth) -> Self {
        Self { auth }
    }
}

/// The spec's `BackupInfoResponse`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct BackupInfoResponse {
    /// The CDN holding the message backup.
    #[serde(default)]
    pub cdn: u32,
    /// The backup's base directory on the CDN.
    #[serde(default)]
    pub backup_dir: String,
    /// The media directory below `backup_dir`.
    #[serde(default)]
    pub media_dir: String,
    /// The name of the latest message backup (at `/backupDir/backupName`).
    #[serde(default)]
    pub backup_name: String,
    /// Bytes used by stored media.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub used_space: Option<u64>,
}

impl Endpoint for BackupInfo {
    type Response = BackupInfoResponse;
    const METHOD: Method = Method::GET;

    fn path(&self) -> Cow<'_, str> {
        "/v1/archives".into()
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

impl Operation for BackupInfo {
    const INFO: OperationInfo = OperationInfo::new(
        "backupInfo",
        "Archive",
        Self::METHOD,
        "/v1/archives",
        AuthMode::ZkBackup,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::*;

    #[test]
    fn request_and_response() {
        let op = BackupInfo::new(ZkBackupAuth::new(vec![1, 2], vec![3]));
        assert_consistent(&op);
        let headers = op.headers().unwrap();
        assert_eq!(headers["x-signal-zk-auth"], "AQI=");
        assert_eq!(headers["x-signal-zk-auth-signature"], "Aw==");
        let r = parse(
            &op,
            200,
            r#"{"cdn":3,"backupDir":"abc","mediaDir":"media","backupName":"backup","usedSpace":12345}"#,
        )
        .unwrap();
        assert_eq!(r.backup_dir, "abc");
        assert_eq!(r.used_space, Some(12345));
        assert_eq!(parse(&op, 404, "").unwrap_err().status(), Some(404));
    }
}

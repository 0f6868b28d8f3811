//! `PUT /v1/archives/keys` — sets the backup-id's signing public key (once).

use crate::api::{Operation, OperationInfo, no_account_auth};
use crate::auth::AuthMode;
use crate::auth::ZkBackupAuth;
use serde::Serialize;
use std::borrow::Cow;
use transport_core::http::{Body, Endpoint, EndpointAuth, HeaderMap, Method, RawResponse};

/// `PUT /v1/archives/keys` (`setPublicKey`) — sets the backup-id's signing public key (once).
///
/// Permanently sets the public key of the Ed25519 key pair whose private key signs every backup
/// credential presentation (this one included). The body is the spec's `SetPublicKeyRequest`, the
/// key in standard base64.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct SetPublicKey {
    /// The backup credential presentation and its signature (`X-Signal-ZK-Auth*` headers).
    pub auth: ZkBackupAuth,
    /// The public key in libsignal's EC serialization.
    pub backup_id_public_key: Vec<u8>,
}

impl SetPublicKey {
    /// Sets `backup_id_public_key`, authenticated with `auth`.
    pub fn new(auth: ZkBackupAuth, backup_id_public_key: impl Into<Vec<u8>>) -> Self {
        Self {
            auth,
            backup_id_public_key: backup_id_public_key.into(),
        }
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SetPublicKeyRequest<'a> {
    #[serde(with = "crate::model::b64::standard")]
    backup_id_public_key: &'a Vec<u8>,
}

impl Endpoint for SetPublicKey {
    type Response = ();
    const METHOD: Method = Method::PUT;

    fn path(&self) -> Cow<'_, str> {
        "/v1/archives/keys".into()
    }

    fn headers(&self) -> transport_core::Result<HeaderMap> {
        let mut headers = HeaderMap::new();
        self.auth.apply(&mut headers)?;
        Ok(headers)
    }

    fn body(&self) -> transport_core::Result<Body> {
        Body::json(&SetPublicKeyRequest {
            backup_id_public_key: &self.backup_id_public_key,
        })
    }

    fn auth(&self) -> EndpointAuth {
        no_account_auth()
    }

    fn parse(&self, response: RawResponse) -> transport_core::Result<Self::Response> {
        response.empty()
    }
}

impl Operation for SetPublicKey {
    const INFO: OperationInfo = OperationInfo::new(
        "setPublicKey",
        "Archive",
        Self::METHOD,
        "/v1/archives/keys",
        AuthMode::ZkBackup,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::*;

    #[test]
    fn request_and_response() {
        let op = SetPublicKey::new(ZkBackupAuth::new(vec![1, 2], vec![3]), vec![5, 6]);
        assert_consistent(&op);
        let headers = op.headers().unwrap();
        assert_eq!(headers["x-signal-zk-auth"], "AQI=");
        assert_eq!(headers["x-signal-zk-auth-signature"], "Aw==");
        assert_eq!(
            body_json(&op),
            serde_json::json!({"backupIdPublicKey": "BQY="})
        );
        parse(&op, 204, "").unwrap();
    }
}

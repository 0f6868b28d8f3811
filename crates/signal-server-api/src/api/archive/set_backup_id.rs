//! `PUT /v1/archives/backupid` — sets the account's blinded backup-id.

use crate::api::{Operation, OperationInfo};
use crate::auth::AuthMode;
use serde::Serialize;
use std::borrow::Cow;
use transport_core::http::{Body, Endpoint, Method, RawResponse};

/// `PUT /v1/archives/backupid` (`setBackupId`) — sets the account's blinded backup-id.
///
/// The body is the spec's `SetBackupIdRequest`: a `BackupAuthCredentialRequest` (containing the
/// blinded backup-id) in standard base64. 204 on success.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct SetBackupId {
    /// The serialized credential request.
    #[serde(with = "crate::model::b64::standard")]
    pub backup_auth_credential_request: Vec<u8>,
}

impl SetBackupId {
    /// Sets the backup-id in `backup_auth_credential_request`.
    pub fn new(backup_auth_credential_request: impl Into<Vec<u8>>) -> Self {
        Self {
            backup_auth_credential_request: backup_auth_credential_request.into(),
        }
    }
}

impl Endpoint for SetBackupId {
    type Response = ();
    const METHOD: Method = Method::PUT;

    fn path(&self) -> Cow<'_, str> {
        "/v1/archives/backupid".into()
    }

    fn body(&self) -> transport_core::Result<Body> {
        crate::api::validate::len_range(
            "backupAuthCredentialRequest",
            self.backup_auth_credential_request.len(),
            1,
            usize::MAX,
        )?;
        Body::json(self)
    }

    fn parse(&self, response: RawResponse) -> transport_core::Result<Self::Response> {
        response.empty()
    }
}

impl Operation for SetBackupId {
    const INFO: OperationInfo = OperationInfo::new(
        "setBackupId",
        "Archive",
        Self::METHOD,
        "/v1/archives/backupid",
        AuthMode::Basic,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::*;

    #[test]
    fn request_and_response() {
        let op = SetBackupId::new(vec![1, 2, 3]);
        assert_consistent(&op);
        assert_eq!(
            body_json(&op),
            serde_json::json!({"backupAuthCredentialRequest": "AQID"})
        );
        parse(&op, 204, "").unwrap();
        assert!(SetBackupId::new(vec![]).body().is_err());
        assert_eq!(parse(&op, 400, "").unwrap_err().status(), Some(400));
    }
}

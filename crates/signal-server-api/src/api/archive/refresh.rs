//! `POST /v1/archives` — marks the backup as still active (204).

use crate::api::{Operation, OperationInfo, no_account_auth};
use crate::auth::AuthMode;
use crate::auth::ZkBackupAuth;
use std::borrow::Cow;
use transport_core::http::{Endpoint, EndpointAuth, HeaderMap, Method, RawResponse};

/// `POST /v1/archives` (`refresh`) — marks the backup as still active (204).
///
/// Backups that are neither re-uploaded nor refreshed for 30 days may be deleted. Repeating a
/// refresh changes nothing, so this `POST` is retried like an idempotent call.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Refresh {
    /// The backup credential presentation and its signature (`X-Signal-ZK-Auth*` headers).
    pub auth: ZkBackupAuth,
}

impl Refresh {
    /// The request, authenticated with `auth`.
    pub fn new(auth: ZkBackupAuth) -> Self {
        Self { auth }
    }
}

impl Endpoint for Refresh {
    type Response = ();
    const METHOD: Method = Method::POST;

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

    fn idempotent(&self) -> bool {
        true
    }

    fn parse(&self, response: RawResponse) -> transport_core::Result<Self::Response> {
        response.empty()
    }
}

impl Operation for Refresh {
    const INFO: OperationInfo = OperationInfo::new(
        "refresh",
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
        let op = Refresh::new(ZkBackupAuth::new(vec![1, 2], vec![3]));
        assert_consistent(&op);
        assert!(op.idempotent());
        let headers = op.headers().unwrap();
        assert_eq!(headers["x-signal-zk-auth"], "AQI=");
        assert_eq!(headers["x-signal-zk-auth-signature"], "Aw==");
        parse(&op, 204, "").unwrap();
        assert_eq!(parse(&op, 401, "").unwrap_err().status(), Some(401));
    }
}

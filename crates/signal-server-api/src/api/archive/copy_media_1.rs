//! `PUT /v1/archives/media` — copies one media object into the backup CDN.

use crate::api::{Operation, OperationInfo, no_account_auth};
use crate::auth::AuthMode;
use crate::auth::ZkBackupAuth;
use crate::model::CopyMediaRequest;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use transport_core::http::{Body, Endpoint, EndpointAuth, HeaderMap, Method, RawResponse};

/// `PUT /v1/archives/media` (`copyMedia_1`) — copies one media object into the backup CDN.
///
/// Copies and re-encrypts one attachment into the backup CDN. A destination media id must not be
/// reused with another source or other keys. Errors: 410 source not found, 413 out of space.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct CopyMedia1 {
    /// The backup credential presentation and its signature (`X-Signal-ZK-Auth*` headers).
    pub auth: ZkBackupAuth,
    /// The media to copy.
    pub item: CopyMediaRequest,
}

impl CopyMedia1 {
    /// Copies `item`, authenticated with `auth`.
    pub fn new(auth: ZkBackupAuth, item: CopyMediaRequest) -> Self {
        Self { auth, item }
    }
}

/// The spec's `CopyMediaResponse`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct CopyMediaResponse {
    /// The backup CDN now holding the object.
    pub cdn: u32,
}

impl Endpoint for CopyMedia1 {
    type Response = CopyMediaResponse;
    const METHOD: Method = Method::PUT;

    fn path(&self) -> Cow<'_, str> {
        "/v1/archives/media".into()
    }

    fn headers(&self) -> transport_core::Result<HeaderMap> {
        let mut headers = HeaderMap::new();
        self.auth.apply(&mut headers)?;
        Ok(headers)
    }

    fn body(&self) -> transport_core::Result<Body> {
        self.item.validate("")?;
        Body::json(&self.item)
    }

    fn auth(&self) -> EndpointAuth {
        no_account_auth()
    }

    fn parse(&self, response: RawResponse) -> transport_core::Result<Self::Response> {
        response.json()
    }
}

impl Operation for CopyMedia1 {
    const INFO: OperationInfo = OperationInfo::new(
        "copyMedia_1",
        "Archive",
        Self::METHOD,
        "/v1/archives/media",
        AuthMode::ZkBackup,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::*;

    use crate::model::RemoteAttachment;

    #[test]
    fn request_and_response() {
        let item = CopyMediaRequest::new(
            RemoteAttachment::new(2, "att"),
            10,
            "bWVkaWE=",
            [1u8; 32],
            [2u8; 32],
            vec![3u8; 16],
        );
        let op = CopyMedia1::new(ZkBackupAuth::new(vec![1, 2], vec![3]), item);
        assert_consistent(&op);
        let headers = op.headers().unwrap();
        assert_eq!(headers["x-signal-zk-auth"], "AQI=");
        assert_eq!(headers["x-signal-zk-auth-signature"], "Aw==");
        assert_eq!(body_json(&op)["mediaId"], "bWVkaWE=");
        assert_eq!(parse(&op, 200, r#"{"cdn":3}"#).unwrap().cdn, 3);
        assert_eq!(parse(&op, 410, "").unwrap_err().status(), Some(410));
    }
}

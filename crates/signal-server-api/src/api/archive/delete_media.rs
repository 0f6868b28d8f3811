//! `POST /v1/archives/media/delete` — deletes media objects stored for the backup.

use crate::api::{Operation, OperationInfo, no_account_auth};
use crate::auth::AuthMode;
use crate::auth::ZkBackupAuth;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use transport_core::http::{Body, Endpoint, EndpointAuth, HeaderMap, Method, RawResponse};

/// `POST /v1/archives/media/delete` (`deleteMedia`) — deletes media objects stored for the backup.
///
/// The body is the spec's `DeleteMedia` (content type `*/*` in the spec; JSON is sent). Deleting
/// twice has the same result, so this `POST` is retried like an idempotent call.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct DeleteMedia {
    /// The backup credential presentation and its signature (`X-Signal-ZK-Auth*` headers).
    pub auth: ZkBackupAuth,
    /// The objects to delete.
    pub media_to_delete: Vec<MediaToDelete>,
}

impl DeleteMedia {
    /// Deletes `media_to_delete`, authenticated with `auth`.
    pub fn new(auth: ZkBackupAuth, media_to_delete: Vec<MediaToDelete>) -> Self {
        Self {
            auth,
            media_to_delete,
        }
    }
}

/// The spec's `MediaToDelete`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct MediaToDelete {
    /// The backup CDN holding the object.
    pub cdn: u32,
    /// The media id (URL-safe base64 text).
    pub media_id: String,
}

impl MediaToDelete {
    /// The object `media_id` on `cdn`.
    pub fn new(cdn: u32, media_id: impl Into<String>) -> Self {
        Self {
            cdn,
            media_id: media_id.into(),
        }
    }
}

impl Endpoint for DeleteMedia {
    type Response = ();
    const METHOD: Method = Method::POST;

    fn path(&self) -> Cow<'_, str> {
        "/v1/archives/media/delete".into()
    }

    fn headers(&self) -> transport_core::Result<HeaderMap> {
        let mut headers = HeaderMap::new();
        self.auth.apply(&mut headers)?;
        Ok(headers)
    }

    fn body(&self) -> transport_core::Result<Body> {
        crate::api::validate::len_range("mediaToDelete", self.media_to_delete.len(), 1, 1000)?;
        Body::json(&serde_json::json!({ "mediaToDelete": self.media_to_delete }))
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

impl Operation for DeleteMedia {
    const INFO: OperationInfo = OperationInfo::new(
        "deleteMedia",
        "Archive",
        Self::METHOD,
        "/v1/archives/media/delete",
        AuthMode::ZkBackup,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::*;

    #[test]
    fn request_and_response() {
        let op = DeleteMedia::new(
            ZkBackupAuth::new(vec![1, 2], vec![3]),
            vec![MediaToDelete::new(3, "m1")],
        );
        assert_consistent(&op);
        let headers = op.headers().unwrap();
        assert_eq!(headers["x-signal-zk-auth"], "AQI=");
        assert_eq!(headers["x-signal-zk-auth-signature"], "Aw==");
        assert_eq!(
            body_json(&op),
            serde_json::json!({"mediaToDelete": [{"cdn": 3, "mediaId": "m1"}]})
        );
        parse(&op, 204, "").unwrap();
        assert!(
            DeleteMedia::new(ZkBackupAuth::new(vec![1, 2], vec![3]), vec![])
                .body()
                .is_err()
        );
    }
}

//! `PUT /v1/archives/media/batch` — copies a batch of media into the backup CDN.

use crate::api::{Operation, OperationInfo, no_account_auth};
use crate::auth::AuthMode;
use crate::auth::ZkBackupAuth;
use crate::model::CopyMediaRequest;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use transport_core::http::{Body, Endpoint, EndpointAuth, HeaderMap, Method, RawResponse};

/// `PUT /v1/archives/media/batch` (`copyMedia`) — copies a batch of media into the backup CDN.
///
/// Copies and re-encrypts attachments into the backup CDN. When the batch is processed at all the
/// server answers **207** with one entry per item (the spec's `CopyMediaBatchRequest` /
/// `CopyMediaBatchResponse`); 413 means the media quota is used up.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct CopyMedia {
    /// The backup credential presentation and its signature (`X-Signal-ZK-Auth*` headers).
    pub auth: ZkBackupAuth,
    /// The media to copy.
    pub items: Vec<CopyMediaRequest>,
}

impl CopyMedia {
    /// Copies `items`, authenticated with `auth`.
    pub fn new(auth: ZkBackupAuth, items: Vec<CopyMediaRequest>) -> Self {
        Self { auth, items }
    }
}

/// The spec's `CopyMediaBatchResponse`: the outcome of each copy.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct CopyMediaBatchResponse {
    /// One entry per requested item.
    #[serde(default)]
    pub responses: Vec<CopyMediaOutcome>,
}

/// The spec's `Entry` of a [`CopyMediaBatchResponse`].
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct CopyMediaOutcome {
    /// 200 copied, 400 invalid argument, 410 source not found, 413 out of space.
    #[serde(default)]
    pub status: u16,
    /// Why the copy failed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub failure_reason: Option<String>,
    /// The backup CDN holding the object.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cdn: Option<u32>,
    /// The media id.
    #[serde(default)]
    pub media_id: String,
}

impl Endpoint for CopyMedia {
    type Response = CopyMediaBatchResponse;
    const METHOD: Method = Method::PUT;

    fn path(&self) -> Cow<'_, str> {
        "/v1/archives/media/batch".into()
    }

    fn headers(&self) -> transport_core::Result<HeaderMap> {
        let mut headers = HeaderMap::new();
        self.auth.apply(&mut headers)?;
        Ok(headers)
    }

    fn body(&self) -> transport_core::Result<Body> {
        crate::api::validate::len_range("items", self.items.len(), 1, 1000)?;
        for (i, item) in self.items.iter().enumerate() {
            item.validate(&format!("items[{i}]."))?;
        }
        Body::json(&serde_json::json!({ "items": self.items }))
    }

    fn auth(&self) -> EndpointAuth {
        no_account_auth()
    }

    fn parse(&self, response: RawResponse) -> transport_core::Result<Self::Response> {
        response.json()
    }
}

impl Operation for CopyMedia {
    const INFO: OperationInfo = OperationInfo::new(
        "copyMedia",
        "Archive",
        Self::METHOD,
        "/v1/archives/media/batch",
        AuthMode::ZkBackup,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::*;

    use crate::model::RemoteAttachment;

    fn item() -> CopyMediaRequest {
        CopyMediaRequest::new(
            RemoteAttachment::new(2, "att"),
            10,
            "bWVkaWE=",
            [1u8; 32],
            [2u8; 32],
            vec![3u8; 16],
        )
    }

    #[test]
    fn request() {
        let op = CopyMedia::new(ZkBackupAuth::new(vec![1, 2], vec![3]), vec![item()]);
        assert_consistent(&op);
        let headers = op.headers().unwrap();
        assert_eq!(headers["x-signal-zk-auth"], "AQI=");
        assert_eq!(headers["x-signal-zk-auth-signature"], "Aw==");
        let body = body_json(&op);
        assert_eq!(
            body["items"][0]["sourceAttachment"],
            serde_json::json!({"cdn": 2, "key": "att"})
        );
        assert_eq!(body["items"][0]["iv"], "AwMDAwMDAwMDAwMDAwMDAw==");
        assert!(
            CopyMedia::new(ZkBackupAuth::new(vec![1, 2], vec![3]), vec![])
                .body()
                .is_err()
        );
    }

    #[test]
    fn multi_status_response() {
        let op = CopyMedia::new(ZkBackupAuth::new(vec![1, 2], vec![3]), vec![item()]);
        let r = parse(
            &op,
            207,
            r#"{"responses":[{"status":200,"cdn":3,"mediaId":"bWVkaWE="},{"status":410,"failureReason":"source not found","mediaId":"x"}]}"#,
        )
        .unwrap();
        assert_eq!(r.responses.len(), 2);
        assert_eq!(r.responses[1].status, 410);
        assert_eq!(
            r.responses[1].failure_reason.as_deref(),
            Some("source not found")
        );
        assert_eq!(parse(&op, 413, "").unwrap_err().status(), Some(413));
    }
}

//! `GET /v1/archives/media` — lists the media objects stored for the backup.

use crate::api::{Operation, OperationInfo, no_account_auth};
use crate::auth::AuthMode;
use crate::auth::ZkBackupAuth;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use transport_core::http::{Endpoint, EndpointAuth, HeaderMap, Method, RawResponse};

/// `GET /v1/archives/media` (`listMedia`) — lists the media objects stored for the backup.
///
/// Paginated: pass the returned `cursor` to continue (the spec's `ListResponse`).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ListMedia {
    /// The backup credential presentation and its signature (`X-Signal-ZK-Auth*` headers).
    pub auth: ZkBackupAuth,
    /// A cursor from a previous page.
    pub cursor: Option<String>,
    /// Entries per page.
    pub limit: Option<u32>,
}

impl ListMedia {
    /// The first page, authenticated with `auth`.
    pub fn new(auth: ZkBackupAuth) -> Self {
        Self {
            auth,
            cursor: None,
            limit: None,
        }
    }
}

/// The spec's `ListResponse`: one page of stored media.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ListResponse {
    /// The media objects on this page.
    #[serde(default)]
    pub stored_media_objects: Vec<StoredMediaObject>,
    /// The backup's base directory on the CDN.
    #[serde(default)]
    pub backup_dir: String,
    /// The media directory below it.
    #[serde(default)]
    pub media_dir: String,
    /// The cursor for the next page; absent on the last page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cursor: Option<String>,
}

/// The spec's `StoredMediaObject`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct StoredMediaObject {
    /// The backup CDN holding it.
    #[serde(default)]
    pub cdn: u32,
    /// The media id (URL-safe base64 text).
    #[serde(default)]
    pub media_id: String,
    /// Its length in bytes.
    #[serde(default)]
    pub object_length: u64,
}

impl Endpoint for ListMedia {
    type Response = ListResponse;
    const METHOD: Method = Method::GET;

    fn path(&self) -> Cow<'_, str> {
        "/v1/archives/media".into()
    }

    fn query(&self) -> Vec<(Cow<'static, str>, String)> {
        let mut query = Vec::new();
        if let Some(cursor) = &self.cursor {
            query.push(("cursor".into(), cursor.clone()));
        }
        if let Some(limit) = self.limit {
            query.push(("limit".into(), limit.to_string()));
        }
        query
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

impl Operation for ListMedia {
    const INFO: OperationInfo = OperationInfo::new(
        "listMedia",
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

    #[test]
    fn request_and_response() {
        let mut op = ListMedia::new(ZkBackupAuth::new(vec![1, 2], vec![3]));
        assert_consistent(&op);
        assert_eq!(query_string(&op), "");
        op.cursor = Some("c1".into());
        op.limit = Some(100);
        assert_eq!(query_string(&op), "cursor=c1&limit=100");
        let headers = op.headers().unwrap();
        assert_eq!(headers["x-signal-zk-auth"], "AQI=");
        assert_eq!(headers["x-signal-zk-auth-signature"], "Aw==");
        let r = parse(
            &op,
            200,
            r#"{"storedMediaObjects":[{"cdn":3,"mediaId":"m1","objectLength":42}],"backupDir":"b","mediaDir":"m","cursor":"c2"}"#,
        )
        .unwrap();
        assert_eq!(r.stored_media_objects[0].object_length, 42);
        assert_eq!(r.cursor.as_deref(), Some("c2"));
    }
}

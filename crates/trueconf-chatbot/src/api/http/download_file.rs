//! `GET <downloadUrl>` — stage 2 of the file download: the bytes at the `downloadUrl` that
//! `getFileInfo` returns once the file is READY (no credentials are sent, like the official
//! client).

use bytes::Bytes;
use std::borrow::Cow;
use transport_core::http::{Endpoint, EndpointAuth, Method, RawResponse};

/// The download of a file's bytes. `Debug` and errors show the URL without its query.
#[derive(Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct DownloadFile {
    /// The absolute (or server-relative) download URL.
    pub url: String,
}

impl std::fmt::Debug for DownloadFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DownloadFile")
            .field("url", &super::redact_url(&self.url))
            .finish()
    }
}

impl DownloadFile {
    /// The download of `url`.
    pub fn new(url: impl Into<String>) -> Self {
        Self { url: url.into() }
    }
}

impl Endpoint for DownloadFile {
    type Response = Bytes;
    const METHOD: Method = Method::GET;

    fn path(&self) -> Cow<'_, str> {
        Cow::Borrowed(&self.url)
    }

    fn auth(&self) -> EndpointAuth {
        EndpointAuth::None
    }

    fn parse(&self, response: RawResponse) -> transport_core::Result<Bytes> {
        response
            .bytes()
            .map_err(|e| super::redact_error(e, &self.url))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use transport_core::http::{HeaderMap, StatusCode};

    #[test]
    fn bytes_and_redacted_errors() {
        let download = DownloadFile::new("http://h:1/files/f1?key=k3y");
        assert!(!format!("{download:?}").contains("k3y"));
        let ok = RawResponse::new(
            StatusCode::OK,
            HeaderMap::new(),
            Bytes::from_static(b"data"),
            "GET",
            download.url.as_str(),
        );
        assert_eq!(&download.parse(ok).unwrap()[..], b"data");
        let missing = RawResponse::new(
            StatusCode::NOT_FOUND,
            HeaderMap::new(),
            Bytes::new(),
            "GET",
            download.url.as_str(),
        );
        let err = download.parse(missing).unwrap_err();
        assert_eq!(err.status(), Some(404));
        assert!(!err.to_string().contains("k3y"), "{err}");
    }
}

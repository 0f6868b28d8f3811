//! `GET /api/v4/server` — the server's product version and display name (the official
//! Python client reads it before connecting; this crate only on request).

use crate::model::ServerInfo;
use std::borrow::Cow;
use transport_core::http::{Endpoint, EndpointAuth, Method, RawResponse};

/// `GET /api/v4/server`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct GetServerInfo {}

impl GetServerInfo {
    /// The request.
    pub fn new() -> Self {
        Self {}
    }
}

impl Endpoint for GetServerInfo {
    type Response = ServerInfo;
    const METHOD: Method = Method::GET;

    fn path(&self) -> Cow<'_, str> {
        "/api/v4/server".into()
    }

    fn auth(&self) -> EndpointAuth {
        EndpointAuth::None
    }

    fn parse(&self, response: RawResponse) -> transport_core::Result<ServerInfo> {
        response.json()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use bytes::Bytes;
    use transport_core::http::{HeaderMap, StatusCode};

    #[test]
    fn parses_the_product() {
        let response = RawResponse::new(
            StatusCode::OK,
            HeaderMap::new(),
            Bytes::from_static(
                br#"{"product":{"version":"5.5.6","display_name":"video.example.com"}}"#,
            ),
            "GET",
            "/api/v4/server",
        );
        let info = GetServerInfo::new().parse(response).unwrap();
        assert_eq!(info.version(), Some("5.5.6"));
        assert_eq!(GetServerInfo::new().path(), "/api/v4/server");
    }
}

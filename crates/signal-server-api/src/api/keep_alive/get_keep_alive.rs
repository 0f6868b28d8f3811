//! `GET /v1/keepalive` — keeps the connection alive.

use crate::api::{Operation, OperationInfo};
use crate::auth::AuthMode;
use std::borrow::Cow;
use transport_core::http::{Endpoint, Method, RawResponse};

/// `GET /v1/keepalive` (`getKeepAlive`) — keeps the connection alive.
///
/// Always 200. Sent over the WebSocket as a keepalive (the server closes idle chat sockets after 90
/// s). The spec declares a `WebSocketSessionContext` request body: an artefact of a server-injected
/// parameter; no body is sent.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct GetKeepAlive {}

impl GetKeepAlive {
    /// The request.
    pub fn new() -> Self {
        Self {}
    }
}

impl Endpoint for GetKeepAlive {
    type Response = ();
    const METHOD: Method = Method::GET;

    fn path(&self) -> Cow<'_, str> {
        "/v1/keepalive".into()
    }

    fn parse(&self, response: RawResponse) -> transport_core::Result<Self::Response> {
        response.empty()
    }
}

impl Operation for GetKeepAlive {
    const INFO: OperationInfo = OperationInfo::new(
        "getKeepAlive",
        "Keep Alive",
        Self::METHOD,
        "/v1/keepalive",
        AuthMode::BasicOptional,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::*;

    #[test]
    fn no_body_despite_the_spec() {
        let op = GetKeepAlive::new();
        assert_consistent(&op);
        assert!(has_no_body(&op));
        parse(&op, 200, "").unwrap();
    }
}

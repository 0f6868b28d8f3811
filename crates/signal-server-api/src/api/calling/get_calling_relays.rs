//! `GET /v1/calling/relays` — TURN relays for 1:1 calls.

use crate::api::{Operation, OperationInfo};
use crate::auth::AuthMode;
use crate::model::TurnToken;
use std::borrow::Cow;
use transport_core::http::{Endpoint, Method, RawResponse};

/// `GET /v1/calling/relays` (`getCallingRelays`) — TURN relays for 1:1 calls.
///
/// Relay addresses as URLs and IPv4/IPv6 addresses.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct GetCallingRelays {}

impl GetCallingRelays {
    /// The request.
    pub fn new() -> Self {
        Self {}
    }
}

impl Endpoint for GetCallingRelays {
    type Response = TurnToken;
    const METHOD: Method = Method::GET;

    fn path(&self) -> Cow<'_, str> {
        "/v1/calling/relays".into()
    }

    fn parse(&self, response: RawResponse) -> transport_core::Result<Self::Response> {
        response.json()
    }
}

impl Operation for GetCallingRelays {
    const INFO: OperationInfo = OperationInfo::new(
        "getCallingRelays",
        "Calling",
        Self::METHOD,
        "/v1/calling/relays",
        AuthMode::Basic,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::*;

    #[test]
    fn request_and_response() {
        let op = GetCallingRelays::new();
        assert_consistent(&op);
        let r = parse(
            &op,
            200,
            r#"{"username":"u","password":"p","urls":["turn:a:80"],"urlsWithIps":["turn:[2001:db8::1]:80"],"hostname":"a"}"#,
        )
        .unwrap();
        assert_eq!(r.urls_with_ips, vec!["turn:[2001:db8::1]:80"]);
    }
}

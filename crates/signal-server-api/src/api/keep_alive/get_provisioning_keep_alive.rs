//! `GET /v1/keepalive/provisioning` — keeps a provisioning connection alive.

use crate::api::{Operation, OperationInfo, no_account_auth};
use crate::auth::AuthMode;
use std::borrow::Cow;
use transport_core::http::{Endpoint, EndpointAuth, Method, RawResponse};

/// `GET /v1/keepalive/provisioning` (`getProvisioningKeepAlive`) — keeps a provisioning connection
/// alive.
///
/// Always 200. The provisioning socket's idle timeout is 60 s.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct GetProvisioningKeepAlive {}

impl GetProvisioningKeepAlive {
    /// The request.
    pub fn new() -> Self {
        Self {}
    }
}

impl Endpoint for GetProvisioningKeepAlive {
    type Response = ();
    const METHOD: Method = Method::GET;

    fn path(&self) -> Cow<'_, str> {
        "/v1/keepalive/provisioning".into()
    }

    fn auth(&self) -> EndpointAuth {
        no_account_auth()
    }

    fn parse(&self, response: RawResponse) -> transport_core::Result<Self::Response> {
        response.empty()
    }
}

impl Operation for GetProvisioningKeepAlive {
    const INFO: OperationInfo = OperationInfo::new(
        "getProvisioningKeepAlive",
        "Keep Alive",
        Self::METHOD,
        "/v1/keepalive/provisioning",
        AuthMode::None,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::*;

    #[test]
    fn request() {
        let op = GetProvisioningKeepAlive::new();
        assert_consistent(&op);
        assert!(has_no_body(&op));
        parse(&op, 200, "").unwrap();
    }
}

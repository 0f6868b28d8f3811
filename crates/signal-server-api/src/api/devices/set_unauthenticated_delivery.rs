//! `PUT /v1/devices/unauthenticated_delivery` — marks the calling device as supporting sealed-sender delivery.

use crate::api::{Operation, OperationInfo};
use crate::auth::AuthMode;
use std::borrow::Cow;
use transport_core::http::{Endpoint, Method, RawResponse};

/// `PUT /v1/devices/unauthenticated_delivery` (`setUnauthenticatedDelivery`) — marks the calling
/// device as supporting sealed-sender delivery.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct SetUnauthenticatedDelivery {}

impl SetUnauthenticatedDelivery {
    /// The request.
    pub fn new() -> Self {
        Self {}
    }
}

impl Endpoint for SetUnauthenticatedDelivery {
    type Response = ();
    const METHOD: Method = Method::PUT;

    fn path(&self) -> Cow<'_, str> {
        "/v1/devices/unauthenticated_delivery".into()
    }

    fn parse(&self, response: RawResponse) -> transport_core::Result<Self::Response> {
        response.empty()
    }
}

impl Operation for SetUnauthenticatedDelivery {
    const INFO: OperationInfo = OperationInfo::new(
        "setUnauthenticatedDelivery",
        "Devices",
        Self::METHOD,
        "/v1/devices/unauthenticated_delivery",
        AuthMode::Basic,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::*;

    #[test]
    fn request() {
        let op = SetUnauthenticatedDelivery::new();
        assert_consistent(&op);
        assert!(has_no_body(&op));
        parse(&op, 204, "").unwrap();
    }
}

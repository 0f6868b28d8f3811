//! `PUT /v2/accounts/phone_number_discoverability` — can others find this account by number?

use crate::api::{Operation, OperationInfo};
use crate::auth::AuthMode;
use serde::Serialize;
use std::borrow::Cow;
use transport_core::http::{Body, Endpoint, Method, RawResponse};

/// `PUT /v2/accounts/phone_number_discoverability` (`setPhoneNumberDiscoverability`) — sets
/// whether the account can be found by its phone number (the spec's
/// `PhoneNumberDiscoverabilityRequest`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct SetPhoneNumberDiscoverability {
    /// Discoverable by phone number.
    pub discoverable_by_phone_number: bool,
}

impl SetPhoneNumberDiscoverability {
    /// Sets discoverability.
    pub fn new(discoverable_by_phone_number: bool) -> Self {
        Self {
            discoverable_by_phone_number,
        }
    }
}

impl Endpoint for SetPhoneNumberDiscoverability {
    type Response = ();
    const METHOD: Method = Method::PUT;

    fn path(&self) -> Cow<'_, str> {
        "/v2/accounts/phone_number_discoverability".into()
    }

    fn body(&self) -> transport_core::Result<Body> {
        Body::json(self)
    }

    fn parse(&self, response: RawResponse) -> transport_core::Result<Self::Response> {
        response.empty()
    }
}

impl Operation for SetPhoneNumberDiscoverability {
    const INFO: OperationInfo = OperationInfo::new(
        "setPhoneNumberDiscoverability",
        "Account",
        Self::METHOD,
        "/v2/accounts/phone_number_discoverability",
        AuthMode::Basic,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::*;

    #[test]
    fn request() {
        let op = SetPhoneNumberDiscoverability::new(false);
        assert_consistent(&op);
        assert_eq!(
            body_json(&op),
            serde_json::json!({"discoverableByPhoneNumber": false})
        );
        parse(&op, 204, "").unwrap();
    }
}

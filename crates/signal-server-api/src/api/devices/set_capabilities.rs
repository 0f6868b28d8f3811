//! `PUT /v1/devices/capabilities` — sets the calling device's capabilities.

use crate::api::{Operation, OperationInfo};
use crate::auth::AuthMode;
use crate::model::DeviceCapabilities;
use std::borrow::Cow;
use transport_core::http::{Body, Endpoint, Method, RawResponse};

/// `PUT /v1/devices/capabilities` (`setCapabilities`) — sets the calling device's capabilities.
///
/// Content type `*/*` in the spec; JSON is sent.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct SetCapabilities {
    /// The capabilities.
    pub capabilities: DeviceCapabilities,
}

impl SetCapabilities {
    /// Sets `capabilities`.
    pub fn new(capabilities: DeviceCapabilities) -> Self {
        Self { capabilities }
    }
}

impl Endpoint for SetCapabilities {
    type Response = ();
    const METHOD: Method = Method::PUT;

    fn path(&self) -> Cow<'_, str> {
        "/v1/devices/capabilities".into()
    }

    fn body(&self) -> transport_core::Result<Body> {
        Body::json(&self.capabilities)
    }

    fn parse(&self, response: RawResponse) -> transport_core::Result<Self::Response> {
        response.empty()
    }
}

impl Operation for SetCapabilities {
    const INFO: OperationInfo = OperationInfo::new(
        "setCapabilities",
        "Devices",
        Self::METHOD,
        "/v1/devices/capabilities",
        AuthMode::Basic,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::*;

    #[test]
    fn request() {
        let op = SetCapabilities::new(
            DeviceCapabilities::new()
                .with("transfer", true)
                .with("deleteSync", true),
        );
        assert_consistent(&op);
        assert_eq!(
            body_json(&op),
            serde_json::json!({"storage": false, "transfer": true, "paymentActivation": false, "deleteSync": true})
        );
        parse(&op, 204, "").unwrap();
    }
}

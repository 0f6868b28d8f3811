//! `PUT /v1/accounts/name` — set the calling device's encrypted name.

use crate::api::{Operation, OperationInfo, validate};
use crate::auth::AuthMode;
use serde::Serialize;
use std::borrow::Cow;
use transport_core::http::{Body, Endpoint, Method, RawResponse};

/// `PUT /v1/accounts/name` (`setName`) — sets the calling device's name, encrypted by the
/// client (the spec's `DeviceName`; base64 on the wire; content type `*/*` in the spec, JSON
/// sent).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct SetName {
    /// The encrypted device name.
    #[serde(with = "crate::model::b64::standard")]
    pub device_name: Vec<u8>,
}

impl SetName {
    /// Sets `device_name`.
    pub fn new(device_name: impl Into<Vec<u8>>) -> Self {
        Self {
            device_name: device_name.into(),
        }
    }
}

impl Endpoint for SetName {
    type Response = ();
    const METHOD: Method = Method::PUT;

    fn path(&self) -> Cow<'_, str> {
        "/v1/accounts/name".into()
    }

    fn body(&self) -> transport_core::Result<Body> {
        // The server limits the base64 text to 225 characters.
        validate::len_range("deviceName", self.device_name.len(), 1, 168)?;
        Body::json(self)
    }

    fn parse(&self, response: RawResponse) -> transport_core::Result<Self::Response> {
        response.empty()
    }
}

impl Operation for SetName {
    const INFO: OperationInfo = OperationInfo::new(
        "setName",
        "Account",
        Self::METHOD,
        "/v1/accounts/name",
        AuthMode::Basic,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::*;

    #[test]
    fn request() {
        let op = SetName::new(b"enc".to_vec());
        assert_consistent(&op);
        assert_eq!(body_json(&op), serde_json::json!({"deviceName": "ZW5j"}));
        assert!(SetName::new(vec![]).body().is_err());
        assert!(SetName::new(vec![0; 169]).body().is_err());
        parse(&op, 204, "").unwrap();
    }
}

//! `DELETE /v1/devices/{device_id}` — unlinks a device.

use crate::api::{Operation, OperationInfo};
use crate::auth::AuthMode;
use crate::model::DeviceId;
use std::borrow::Cow;
use transport_core::http::{Endpoint, Method, RawResponse};

/// `DELETE /v1/devices/{device_id}` (`removeDevice`) — unlinks a device.
///
/// The primary device removes a linked device, or a linked device removes itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct RemoveDevice {
    /// The device to remove.
    pub device_id: DeviceId,
}

impl RemoveDevice {
    /// Removes `device_id`.
    pub fn new(device_id: DeviceId) -> Self {
        Self { device_id }
    }
}

impl Endpoint for RemoveDevice {
    type Response = ();
    const METHOD: Method = Method::DELETE;

    fn path(&self) -> Cow<'_, str> {
        format!("/v1/devices/{}", self.device_id).into()
    }

    fn parse(&self, response: RawResponse) -> transport_core::Result<Self::Response> {
        response.empty()
    }
}

impl Operation for RemoveDevice {
    const INFO: OperationInfo = OperationInfo::new(
        "removeDevice",
        "Devices",
        Self::METHOD,
        "/v1/devices/{device_id}",
        AuthMode::Basic,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::*;

    #[test]
    fn request() {
        let op = RemoveDevice::new(DeviceId::new(3).unwrap());
        assert_consistent(&op);
        assert_eq!(op.path(), "/v1/devices/3");
        parse(&op, 204, "").unwrap();
        assert_eq!(parse(&op, 403, "").unwrap_err().status(), Some(403));
    }
}

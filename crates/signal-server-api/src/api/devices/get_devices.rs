//! `GET /v1/devices` — the account's devices.

use crate::api::{Operation, OperationInfo};
use crate::auth::AuthMode;
use crate::model::DeviceId;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use transport_core::http::{Endpoint, Method, RawResponse};

/// `GET /v1/devices` (`getDevices`) — the account's devices.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct GetDevices {}

impl GetDevices {
    /// The request.
    pub fn new() -> Self {
        Self {}
    }
}

/// The spec's `DeviceInfoList`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct DeviceInfoList {
    /// The devices.
    #[serde(default)]
    pub devices: Vec<DeviceInfo>,
}

/// The spec's `DeviceInfo`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct DeviceInfo {
    /// The device id.
    pub id: DeviceId,
    /// The encrypted device name (base64 on the wire).
    #[serde(
        default,
        with = "crate::model::b64::standard_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub name: Option<Vec<u8>>,
    /// Last seen (epoch milliseconds, day granularity).
    #[serde(default)]
    pub last_seen: i64,
    /// Created (epoch milliseconds).
    #[serde(default)]
    pub created: i64,
}

impl DeviceInfo {
    /// A device `id`.
    pub fn new(id: DeviceId) -> Self {
        Self {
            id,
            name: None,
            last_seen: 0,
            created: 0,
        }
    }
}

impl Endpoint for GetDevices {
    type Response = DeviceInfoList;
    const METHOD: Method = Method::GET;

    fn path(&self) -> Cow<'_, str> {
        "/v1/devices".into()
    }

    fn parse(&self, response: RawResponse) -> transport_core::Result<Self::Response> {
        response.json()
    }
}

impl Operation for GetDevices {
    const INFO: OperationInfo = OperationInfo::new(
        "getDevices",
        "Devices",
        Self::METHOD,
        "/v1/devices",
        AuthMode::Basic,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::*;

    #[test]
    fn request_and_response() {
        let op = GetDevices::new();
        assert_consistent(&op);
        let r = parse(
            &op,
            200,
            r#"{"devices":[{"id":1,"name":"bmFtZQ==","lastSeen":1712188800000,"created":1700000000000},{"id":2,"lastSeen":0,"created":0}]}"#,
        )
        .unwrap();
        assert_eq!(r.devices[0].id, DeviceId::PRIMARY);
        assert_eq!(r.devices[0].name.as_deref(), Some(&b"name"[..]));
        assert_eq!(r.devices[1].name, None);
    }
}

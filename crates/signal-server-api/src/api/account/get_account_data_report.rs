//! `GET /v2/accounts/data_report` — a report of the account data the server stores.

use crate::api::{Operation, OperationInfo};
use crate::auth::AuthMode;
use crate::model::DeviceId;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use transport_core::http::{Endpoint, Method, RawResponse};
use uuid::Uuid;

/// `GET /v2/accounts/data_report` (`getAccountDataReport`) — produces a report of the
/// non-ephemeral account data stored by the service, structured and as plain text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct GetAccountDataReport {}

impl GetAccountDataReport {
    /// The request.
    pub fn new() -> Self {
        Self {}
    }
}

/// The spec's `AccountDataReportResponse`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct AccountDataReportResponse {
    /// The report's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub report_id: Option<Uuid>,
    /// When it was produced (ISO-8601 date-time text).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub report_timestamp: Option<String>,
    /// The structured data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data: Option<AccountAndDevicesDataReport>,
    /// A plain-text rendering of the report.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

/// The spec's `AccountAndDevicesDataReport`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct AccountAndDevicesDataReport {
    /// Account-level data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account: Option<AccountDataReport>,
    /// Per-device data.
    #[serde(default)]
    pub devices: Vec<DeviceDataReport>,
}

/// The spec's `AccountDataReport`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct AccountDataReport {
    /// The phone number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone_number: Option<String>,
    /// Badges on the account.
    #[serde(default)]
    pub badges: Vec<BadgeDataReport>,
    /// Whether sealed sender is allowed from anyone.
    #[serde(default)]
    pub allow_sealed_sender_from_anyone: bool,
    /// Whether the account can be found by phone number.
    #[serde(default)]
    pub find_account_by_phone_number: bool,
}

/// The spec's `BadgeDataReport`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct BadgeDataReport {
    /// The badge id.
    #[serde(default)]
    pub id: String,
    /// When it expires (ISO-8601 text).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expiration: Option<String>,
    /// Whether it is shown on the profile.
    #[serde(default)]
    pub visible: bool,
}

/// The spec's `DeviceDataReport`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct DeviceDataReport {
    /// The device id (an integer on the wire; the spec says "string/format byte").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<DeviceId>,
    /// Last seen (ISO-8601 text).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_seen: Option<String>,
    /// Created (ISO-8601 text).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created: Option<String>,
    /// The device's user agent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_agent: Option<String>,
}

impl Endpoint for GetAccountDataReport {
    type Response = AccountDataReportResponse;
    const METHOD: Method = Method::GET;

    fn path(&self) -> Cow<'_, str> {
        "/v2/accounts/data_report".into()
    }

    fn parse(&self, response: RawResponse) -> transport_core::Result<Self::Response> {
        response.json()
    }
}

impl Operation for GetAccountDataReport {
    const INFO: OperationInfo = OperationInfo::new(
        "getAccountDataReport",
        "Account",
        Self::METHOD,
        "/v2/accounts/data_report",
        AuthMode::Basic,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::*;

    #[test]
    fn response() {
        let op = GetAccountDataReport::new();
        assert_consistent(&op);
        let r = parse(
            &op,
            200,
            r##"{
              "reportId": "9d0652a3-dcc3-4d11-975f-74d61598733f",
              "reportTimestamp": "2024-04-04T12:00:00Z",
              "data": {
                "account": {"phoneNumber": "+14155550100", "badges": [{"id": "BOOST", "expiration": "2024-05-01T00:00:00Z", "visible": true}],
                            "allowSealedSenderFromAnyone": false, "findAccountByPhoneNumber": true},
                "devices": [{"id": 1, "lastSeen": "2024-04-04T00:00:00Z", "created": "2023-01-01T00:00:00Z", "userAgent": "OWI"}]
              },
              "text": "# Account\n..."
            }"##,
        )
        .unwrap();
        let data = r.data.unwrap();
        assert_eq!(data.account.unwrap().badges[0].id, "BOOST");
        assert_eq!(data.devices[0].id, Some(DeviceId::PRIMARY));
        assert!(r.text.unwrap().starts_with("# Account"));
    }
}

//! `GET /v1/subscription/configuration` — donation and backup subscription configuration.

use crate::api::{Operation, OperationInfo, no_account_auth};
use crate::auth::AuthMode;
use crate::model::Badge;
use serde::{Deserialize, Serialize};
use serde_json::Number;
use std::borrow::Cow;
use std::collections::BTreeMap;
use transport_core::http::{Endpoint, EndpointAuth, Method, RawResponse};

/// `GET /v1/subscription/configuration` (`getConfiguration`) — donation and backup subscription
/// configuration.
///
/// Currencies with minimums and suggested amounts, levels with their badges, backup levels. The
/// spec documents no response; the server sends `GetSubscriptionConfigurationResponse`. Amounts are
/// JSON numbers, kept exactly.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct GetConfiguration {}

impl GetConfiguration {
    /// The request.
    pub fn new() -> Self {
        Self {}
    }
}

/// The answer (`GetSubscriptionConfigurationResponse`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct GetSubscriptionConfigurationResponse {
    /// Lower-case ISO currency code → its configuration.
    #[serde(default)]
    pub currencies: BTreeMap<String, CurrencyConfiguration>,
    /// Level (as text) → its name and badge.
    #[serde(default)]
    pub levels: BTreeMap<String, LevelConfiguration>,
    /// Backup subscription configuration.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub backup: Option<BackupConfiguration>,
    /// The largest one-time SEPA donation, in euros.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sepa_maximum_euros: Option<Number>,
}

/// Configuration of one currency.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct CurrencyConfiguration {
    /// The minimum one-time donation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minimum: Option<Number>,
    /// One-time level → suggested amounts.
    #[serde(default)]
    pub one_time: BTreeMap<String, Vec<Number>>,
    /// Subscription level → amount.
    #[serde(default)]
    pub subscription: BTreeMap<String, Number>,
    /// Backup level → amount.
    #[serde(default)]
    pub backup_subscription: BTreeMap<String, Number>,
    /// Payment methods accepting this currency (`CARD`, `PAYPAL`, …).
    #[serde(default)]
    pub supported_payment_methods: Vec<String>,
}

/// A donation level's name and badge.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct LevelConfiguration {
    /// The localized name.
    #[serde(default)]
    pub name: String,
    /// The badge.
    #[serde(default)]
    pub badge: Badge,
}

/// Backup subscription configuration.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct BackupConfiguration {
    /// Backup level → its storage allowance.
    #[serde(default)]
    pub levels: BTreeMap<String, BackupLevelConfiguration>,
    /// Days of media a free-tier backup keeps.
    #[serde(default)]
    pub backup_free_tier_media_days: u64,
}

/// A backup level.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct BackupLevelConfiguration {
    /// Bytes of media a paying subscriber may store.
    #[serde(default)]
    pub storage_allowance_bytes: u64,
}

impl Endpoint for GetConfiguration {
    type Response = GetSubscriptionConfigurationResponse;
    const METHOD: Method = Method::GET;

    fn path(&self) -> Cow<'_, str> {
        "/v1/subscription/configuration".into()
    }

    fn auth(&self) -> EndpointAuth {
        no_account_auth()
    }

    fn parse(&self, response: RawResponse) -> transport_core::Result<Self::Response> {
        response.json()
    }
}

impl Operation for GetConfiguration {
    const INFO: OperationInfo = OperationInfo::new(
        "getConfiguration",
        "Subscriptions",
        Self::METHOD,
        "/v1/subscription/configuration",
        AuthMode::None,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::*;

    #[test]
    fn request_and_response() {
        let op = GetConfiguration::new();
        assert_consistent(&op);
        let r = parse(
            &op,
            200,
            r#"{"currencies":{"usd":{"minimum":2.50,"oneTime":{"1":[3,5,10]},"subscription":{"500":5},"backupSubscription":{"201":1.99},
                "supportedPaymentMethods":["CARD","PAYPAL"]}},
                "levels":{"500":{"name":"Signal Sustainer","badge":{"id":"R_LOW"}}},
                "backup":{"levels":{"201":{"storageAllowanceBytes":107374182400}},"backupFreeTierMediaDays":30},
                "sepaMaximumEuros":10000}"#,
        )
        .unwrap();
        let usd = &r.currencies["usd"];
        assert_eq!(usd.minimum.as_ref().unwrap().to_string(), "2.5");
        assert_eq!(usd.one_time["1"].len(), 3);
        assert_eq!(usd.backup_subscription["201"].to_string(), "1.99");
        assert_eq!(r.levels["500"].badge.id, "R_LOW");
        assert_eq!(r.backup.unwrap().backup_free_tier_media_days, 30);
    }
}

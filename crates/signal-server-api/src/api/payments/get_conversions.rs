//! `GET /v1/payments/conversions` — currency conversion rates.

use crate::api::{Operation, OperationInfo};
use crate::auth::AuthMode;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::BTreeMap;
use transport_core::http::{Endpoint, Method, RawResponse};

/// `GET /v1/payments/conversions` (`getConversions`) — currency conversion rates.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct GetConversions {}

impl GetConversions {
    /// The request.
    pub fn new() -> Self {
        Self {}
    }
}

/// The spec's `CurrencyConversionEntityList`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct CurrencyConversionEntityList {
    /// Rates per base currency.
    #[serde(default)]
    pub currencies: Vec<CurrencyConversionEntity>,
    /// When the rates were fetched (epoch milliseconds).
    #[serde(default)]
    pub timestamp: i64,
}

/// The spec's `CurrencyConversionEntity`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct CurrencyConversionEntity {
    /// The base currency (e.g. `MOB`).
    #[serde(default)]
    pub base: String,
    /// Rates to other currencies, by currency code.
    #[serde(default)]
    pub conversions: BTreeMap<String, f64>,
}

impl Endpoint for GetConversions {
    type Response = CurrencyConversionEntityList;
    const METHOD: Method = Method::GET;

    fn path(&self) -> Cow<'_, str> {
        "/v1/payments/conversions".into()
    }

    fn parse(&self, response: RawResponse) -> transport_core::Result<Self::Response> {
        response.json()
    }
}

impl Operation for GetConversions {
    const INFO: OperationInfo = OperationInfo::new(
        "getConversions",
        "Payments",
        Self::METHOD,
        "/v1/payments/conversions",
        AuthMode::Basic,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::*;

    #[test]
    fn request_and_response() {
        let op = GetConversions::new();
        assert_consistent(&op);
        let r = parse(
            &op,
            200,
            r#"{"currencies":[{"base":"MOB","conversions":{"USD":0.25,"EUR":0.23}}],"timestamp":1712230000000}"#,
        )
        .unwrap();
        assert_eq!(r.currencies[0].conversions["USD"], 0.25);
        assert_eq!(r.timestamp, 1_712_230_000_000);
    }
}

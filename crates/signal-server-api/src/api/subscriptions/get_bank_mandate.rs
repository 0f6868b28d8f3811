//! `GET /v1/subscription/bank_mandate/{bankTransferType}` — the mandate text for a bank transfer type.

use crate::api::{Operation, OperationInfo, no_account_auth};
use crate::auth::AuthMode;
use crate::model::PaymentMethod;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use transport_core::http::{Endpoint, EndpointAuth, Method, RawResponse, segment};

/// `GET /v1/subscription/bank_mandate/{bankTransferType}` (`getBankMandate`) — the mandate text for
/// a bank transfer type.
///
/// The localized mandate the user must accept for SEPA debit or iDEAL (`Accept-Language` picks the
/// language). The spec documents no response.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct GetBankMandate {
    /// `SEPA_DEBIT` or `IDEAL`.
    pub bank_transfer_type: PaymentMethod,
}

impl GetBankMandate {
    /// The mandate for `bank_transfer_type`.
    pub fn new(bank_transfer_type: PaymentMethod) -> Self {
        Self { bank_transfer_type }
    }
}

/// The answer (`GetBankMandateResponse`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct GetBankMandateResponse {
    /// The mandate text.
    #[serde(default)]
    pub mandate: String,
}

impl Endpoint for GetBankMandate {
    type Response = GetBankMandateResponse;
    const METHOD: Method = Method::GET;

    fn path(&self) -> Cow<'_, str> {
        format!(
            "/v1/subscription/bank_mandate/{}",
            segment(self.bank_transfer_type.as_str())
        )
        .into()
    }

    fn auth(&self) -> EndpointAuth {
        no_account_auth()
    }

    fn parse(&self, response: RawResponse) -> transport_core::Result<Self::Response> {
        response.json()
    }
}

impl Operation for GetBankMandate {
    const INFO: OperationInfo = OperationInfo::new(
        "getBankMandate",
        "Subscriptions",
        Self::METHOD,
        "/v1/subscription/bank_mandate/{bankTransferType}",
        AuthMode::None,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::*;

    #[test]
    fn request_and_response() {
        let op = GetBankMandate::new(PaymentMethod::SepaDebit);
        assert_consistent(&op);
        assert_eq!(op.path(), "/v1/subscription/bank_mandate/SEPA_DEBIT");
        assert_eq!(
            parse(&op, 200, r#"{"mandate":"By confirming…"}"#)
                .unwrap()
                .mandate,
            "By confirming…"
        );
    }
}

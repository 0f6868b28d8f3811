//! [`AuthCheckRequest`] and [`AuthCheckResponse`]: which stored SVR credentials are current.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use transport_core::Secret;

/// The spec's `AuthCheckRequest` (SVR2 and SVR3): the number and stored `username:password`
/// credentials (at most 10). `Debug` never shows the credentials.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct AuthCheckRequest {
    /// The E.164 number.
    pub number: String,
    /// Stored credentials as `username:password`.
    #[serde(with = "super::secret_string::list")]
    pub passwords: Vec<Secret>,
}

impl AuthCheckRequest {
    /// Checks `passwords` for `number`.
    pub fn new(number: impl Into<String>, passwords: Vec<Secret>) -> Self {
        Self {
            number: number.into(),
            passwords,
        }
    }

    /// Checks the number format and the 1‥=10 credentials limit.
    ///
    /// # Errors
    ///
    /// [`transport_core::Error::InvalidInput`] naming the field.
    pub fn validate(&self) -> transport_core::Result<()> {
        crate::api::validate::e164("number", &self.number)?;
        crate::api::validate::len_range("passwords", self.passwords.len(), 1, 10)
    }
}

/// The spec's `AuthCheckResponse`: the result per submitted credential.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct AuthCheckResponse {
    /// Credential (`username:password`) → result.
    #[serde(default)]
    pub matches: BTreeMap<String, AuthCheckResult>,
}

/// The result for one credential.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(from = "String", into = "String")]
#[non_exhaustive]
pub enum AuthCheckResult {
    /// `match`: current for this number.
    Match,
    /// `no-match`: valid but for another account.
    NoMatch,
    /// `invalid`: not a valid credential.
    Invalid,
    /// A value this crate does not know, kept verbatim.
    Other(String),
}

impl From<String> for AuthCheckResult {
    fn from(value: String) -> Self {
        match value.as_str() {
            "match" => Self::Match,
            "no-match" => Self::NoMatch,
            "invalid" => Self::Invalid,
            _ => Self::Other(value),
        }
    }
}

impl From<AuthCheckResult> for String {
    fn from(value: AuthCheckResult) -> Self {
        match value {
            AuthCheckResult::Match => "match".into(),
            AuthCheckResult::NoMatch => "no-match".into(),
            AuthCheckResult::Invalid => "invalid".into(),
            AuthCheckResult::Other(s) => s,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_keep_unknown_values_and_requests_validate() {
        let r: AuthCheckResponse =
            serde_json::from_str(r#"{"matches":{"a:b":"match","c:d":"maybe"}}"#).unwrap();
        assert_eq!(r.matches["c:d"], AuthCheckResult::Other("maybe".into()));
        assert_eq!(serde_json::to_value(&r).unwrap()["matches"]["c:d"], "maybe");
        let too_many = AuthCheckRequest::new("+14155550100", vec![Secret::new("x"); 11]);
        assert!(too_many.validate().is_err());
        let bad_number = AuthCheckRequest::new("4155550100", vec![Secret::new("x")]);
        assert!(bad_number.validate().is_err());
        let ok = AuthCheckRequest::new("+14155550100", vec![Secret::new("u:p")]);
        assert!(ok.validate().is_ok());
        assert!(!format!("{ok:?}").contains("u:p"));
    }
}

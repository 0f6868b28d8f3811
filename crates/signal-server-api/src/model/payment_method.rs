//! [`PaymentMethod`]: how a donation is paid.

use serde::{Deserialize, Serialize};

/// How a donation is paid. Unknown values are kept in [`PaymentMethod::Other`].
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(from = "String", into = "String")]
#[non_exhaustive]
pub enum PaymentMethod {
    /// `CARD`: a card (Stripe).
    Card,
    /// `PAYPAL`: PayPal (Braintree).
    Paypal,
    /// `SEPA_DEBIT`: SEPA direct debit (Stripe).
    SepaDebit,
    /// `IDEAL`: iDEAL (Stripe).
    Ideal,
    /// `UNKNOWN`: the server's own "unknown" value.
    Unknown,
    /// A value this crate does not know, kept verbatim.
    Other(String),
}

impl PaymentMethod {
    /// The wire value.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Card => "CARD",
            Self::Paypal => "PAYPAL",
            Self::SepaDebit => "SEPA_DEBIT",
            Self::Ideal => "IDEAL",
            Self::Unknown => "UNKNOWN",
            Self::Other(s) => s,
        }
    }
}

impl From<String> for PaymentMethod {
    fn from(value: String) -> Self {
        match value.as_str() {
            "CARD" => Self::Card,
            "PAYPAL" => Self::Paypal,
            "SEPA_DEBIT" => Self::SepaDebit,
            "IDEAL" => Self::Ideal,
            "UNKNOWN" => Self::Unknown,
            _ => Self::Other(value),
        }
    }
}

impl From<PaymentMethod> for String {
    fn from(value: PaymentMethod) -> Self {
        match value {
            PaymentMethod::Card => "CARD".into(),
            PaymentMethod::Paypal => "PAYPAL".into(),
            PaymentMethod::SepaDebit => "SEPA_DEBIT".into(),
            PaymentMethod::Ideal => "IDEAL".into(),
            PaymentMethod::Unknown => "UNKNOWN".into(),
            PaymentMethod::Other(s) => s,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_and_unknown_values_round_trip() {
        let known: PaymentMethod = serde_json::from_str(r#""CARD""#).unwrap();
        assert_eq!(known, PaymentMethod::Card);
        assert_eq!(serde_json::to_string(&known).unwrap(), r#""CARD""#);
        let other: PaymentMethod = serde_json::from_str(r#""somethingNew""#).unwrap();
        assert_eq!(other, PaymentMethod::Other("somethingNew".into()));
        assert_eq!(other.as_str(), "somethingNew");
        assert_eq!(serde_json::to_string(&other).unwrap(), r#""somethingNew""#);
    }
}

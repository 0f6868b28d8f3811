//! [`SubscriptionProcessor`]: the payment processor behind a donation or subscription.

use serde::{Deserialize, Serialize};

/// The payment processor behind a donation or subscription. Unknown values are kept in [`SubscriptionProcessor::Other`].
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(from = "String", into = "String")]
#[non_exhaustive]
pub enum SubscriptionProcessor {
    /// `STRIPE`: Stripe.
    Stripe,
    /// `BRAINTREE`: Braintree (PayPal).
    Braintree,
    /// A value this crate does not know, kept verbatim.
    Other(String),
}

impl SubscriptionProcessor {
    /// The wire value.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Stripe => "STRIPE",
            Self::Braintree => "BRAINTREE",
            Self::Other(s) => s,
        }
    }
}

impl From<String> for SubscriptionProcessor {
    fn from(value: String) -> Self {
        match value.as_str() {
            "STRIPE" => Self::Stripe,
            "BRAINTREE" => Self::Braintree,
            _ => Self::Other(value),
        }
    }
}

impl From<SubscriptionProcessor> for String {
    fn from(value: SubscriptionProcessor) -> Self {
        match value {
            SubscriptionProcessor::Stripe => "STRIPE".into(),
            SubscriptionProcessor::Braintree => "BRAINTREE".into(),
            SubscriptionProcessor::Other(s) => s,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_and_unknown_values_round_trip() {
        let known: SubscriptionProcessor = serde_json::from_str(r#""STRIPE""#).unwrap();
        assert_eq!(known, SubscriptionProcessor::Stripe);
        assert_eq!(serde_json::to_string(&known).unwrap(), r#""STRIPE""#);
        let other: SubscriptionProcessor = serde_json::from_str(r#""somethingNew""#).unwrap();
        assert_eq!(other, SubscriptionProcessor::Other("somethingNew".into()));
        assert_eq!(other.as_str(), "somethingNew");
        assert_eq!(serde_json::to_string(&other).unwrap(), r#""somethingNew""#);
    }
}

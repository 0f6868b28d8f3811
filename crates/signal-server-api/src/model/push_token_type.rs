//! [`PushTokenType`]: the kind of push token in a verification session.

use serde::{Deserialize, Serialize};

/// The kind of push token in a verification session. Unknown values are kept in [`PushTokenType::Other`].
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(from = "String", into = "String")]
#[non_exhaustive]
pub enum PushTokenType {
    /// `apn`: Apple Push Notification service.
    Apn,
    /// `fcm`: Firebase Cloud Messaging.
    Fcm,
    /// A value this crate does not know, kept verbatim.
    Other(String),
}

impl PushTokenType {
    /// The wire value.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Apn => "apn",
            Self::Fcm => "fcm",
            Self::Other(s) => s,
        }
    }
}

impl From<String> for PushTokenType {
    fn from(value: String) -> Self {
        match value.as_str() {
            "apn" => Self::Apn,
            "fcm" => Self::Fcm,
            _ => Self::Other(value),
        }
    }
}

impl From<PushTokenType> for String {
    fn from(value: PushTokenType) -> Self {
        match value {
            PushTokenType::Apn => "apn".into(),
            PushTokenType::Fcm => "fcm".into(),
            PushTokenType::Other(s) => s,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_and_unknown_values_round_trip() {
        let known: PushTokenType = serde_json::from_str(r#""apn""#).unwrap();
        assert_eq!(known, PushTokenType::Apn);
        assert_eq!(serde_json::to_string(&known).unwrap(), r#""apn""#);
        let other: PushTokenType = serde_json::from_str(r#""somethingNew""#).unwrap();
        assert_eq!(other, PushTokenType::Other("somethingNew".into()));
        assert_eq!(other.as_str(), "somethingNew");
        assert_eq!(serde_json::to_string(&other).unwrap(), r#""somethingNew""#);
    }
}

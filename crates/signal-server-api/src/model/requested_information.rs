//! [`RequestedInformation`]: what a verification session needs before it sends a code.

use serde::{Deserialize, Serialize};

/// What a verification session needs before it sends a code. Unknown values are kept in [`RequestedInformation::Other`].
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(from = "String", into = "String")]
#[non_exhaustive]
pub enum RequestedInformation {
    /// `pushChallenge`: answer the push challenge sent to the push token.
    PushChallenge,
    /// `captcha`: solve a captcha.
    Captcha,
    /// A value this crate does not know, kept verbatim.
    Other(String),
}

impl RequestedInformation {
    /// The wire value.
    pub fn as_str(&self) -> &str {
        match self {
            Self::PushChallenge => "pushChallenge",
            Self::Captcha => "captcha",
            Self::Other(s) => s,
        }
    }
}

impl From<String> for RequestedInformation {
    fn from(value: String) -> Self {
        match value.as_str() {
            "pushChallenge" => Self::PushChallenge,
            "captcha" => Self::Captcha,
            _ => Self::Other(value),
        }
    }
}

impl From<RequestedInformation> for String {
    fn from(value: RequestedInformation) -> Self {
        match value {
            RequestedInformation::PushChallenge => "pushChallenge".into(),
            RequestedInformation::Captcha => "captcha".into(),
            RequestedInformation::Other(s) => s,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_and_unknown_values_round_trip() {
        let known: RequestedInformation = serde_json::from_str(r#""pushChallenge""#).unwrap();
        assert_eq!(known, RequestedInformation::PushChallenge);
        assert_eq!(serde_json::to_string(&known).unwrap(), r#""pushChallenge""#);
        let other: RequestedInformation = serde_json::from_str(r#""somethingNew""#).unwrap();
        assert_eq!(other, RequestedInformation::Other("somethingNew".into()));
        assert_eq!(other.as_str(), "somethingNew");
        assert_eq!(serde_json::to_string(&other).unwrap(), r#""somethingNew""#);
    }
}

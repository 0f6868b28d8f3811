//! [`RateLimitChallenge`]: the body of a 428.

use serde::{Deserialize, Serialize};

/// 428 body: a challenge must be completed (with `PUT /v1/challenge`) before retrying.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct RateLimitChallenge {
    /// The token to send back with the answer.
    #[serde(default)]
    pub token: String,
    /// The accepted challenge kinds.
    #[serde(default)]
    pub options: Vec<ChallengeOption>,
}

/// A challenge kind offered by a 428.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(from = "String", into = "String")]
#[non_exhaustive]
pub enum ChallengeOption {
    /// Solve a captcha (`captcha`).
    Captcha,
    /// Answer a push challenge (`pushChallenge`).
    PushChallenge,
    /// A kind this crate does not know, kept verbatim.
    Other(String),
}

impl From<String> for ChallengeOption {
    fn from(value: String) -> Self {
        match value.as_str() {
            "captcha" => Self::Captcha,
            "pushChallenge" => Self::PushChallenge,
            _ => Self::Other(value),
        }
    }
}

impl From<ChallengeOption> for String {
    fn from(value: ChallengeOption) -> Self {
        match value {
            ChallengeOption::Captcha => "captcha".into(),
            ChallengeOption::PushChallenge => "pushChallenge".into(),
            ChallengeOption::Other(s) => s,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_and_keeps_unknown_options() {
        let c: RateLimitChallenge =
            serde_json::from_str(r#"{"token":"t","options":["captcha","pushChallenge","retina"]}"#)
                .unwrap();
        assert_eq!(
            c.options,
            vec![
                ChallengeOption::Captcha,
                ChallengeOption::PushChallenge,
                ChallengeOption::Other("retina".into())
            ]
        );
        assert_eq!(
            serde_json::to_value(&c).unwrap()["options"][2],
            serde_json::json!("retina")
        );
    }
}

//! [`SessionInformation`]: what a client tells a verification session.

use super::PushTokenType;
use serde::Serialize;
use transport_core::Secret;

/// The optional fields shared by `CreateVerificationSessionRequest` and
/// `UpdateVerificationSessionRequest`: a push token, a push challenge or captcha answer, and
/// the SIM's network codes. `Debug` never shows the tokens.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct SessionInformation {
    /// A push token, for push-challenge verification.
    #[serde(
        with = "super::secret_string::optional",
        skip_serializing_if = "Option::is_none"
    )]
    pub push_token: Option<Secret>,
    /// The push token's kind.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub push_token_type: Option<PushTokenType>,
    /// The push challenge received on that token.
    #[serde(
        with = "super::secret_string::optional",
        skip_serializing_if = "Option::is_none"
    )]
    pub push_challenge: Option<Secret>,
    /// A solved captcha.
    #[serde(
        with = "super::secret_string::optional",
        skip_serializing_if = "Option::is_none"
    )]
    pub captcha: Option<Secret>,
    /// Mobile country code of the SIM.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mcc: Option<String>,
    /// Mobile network code of the SIM.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mnc: Option<String>,
}

impl SessionInformation {
    /// Nothing set.
    pub fn new() -> Self {
        Self::default()
    }

    /// A push token of `kind`.
    #[must_use]
    pub fn with_push_token(mut self, token: impl Into<Secret>, kind: PushTokenType) -> Self {
        self.push_token = Some(token.into());
        self.push_token_type = Some(kind);
        self
    }

    /// The answer to a push challenge.
    #[must_use]
    pub fn with_push_challenge(mut self, challenge: impl Into<Secret>) -> Self {
        self.push_challenge = Some(challenge.into());
        self
    }

    /// A solved captcha; a `signalcaptcha://` prefix (as the captcha page hands it out) is
    /// removed.
    #[must_use]
    pub fn with_captcha(mut self, captcha: &str) -> Self {
        let captcha = captcha.strip_prefix("signalcaptcha://").unwrap_or(captcha);
        self.captcha = Some(Secret::new(captcha));
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wire_format_and_redaction() {
        let info = SessionInformation::new()
            .with_push_token("tok", PushTokenType::Apn)
            .with_captcha("signalcaptcha://signal-hcaptcha.1");
        assert_eq!(
            serde_json::to_value(&info).unwrap(),
            serde_json::json!({"pushToken": "tok", "pushTokenType": "apn", "captcha": "signal-hcaptcha.1"})
        );
        assert_eq!(
            serde_json::to_value(SessionInformation::new()).unwrap(),
            serde_json::json!({})
        );
        let shown = format!("{info:?}");
        assert!(
            !shown.contains("tok\"") && !shown.contains("hcaptcha"),
            "{shown}"
        );
    }
}

//! `GET /v1/archives/auth` — zero-knowledge backup credentials for a range of days.

use crate::api::{Operation, OperationInfo};
use crate::auth::AuthMode;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use transport_core::http::{Endpoint, HeaderMap, Method, RawResponse};

/// `GET /v1/archives/auth` (`getBackupZKCredentials`) — zero-knowledge backup credentials for a
/// range of days.
///
/// After setting a blinded backup-id (`PUT /v1/archives/backupid`), fetches credentials for
/// operations on that backup-id. Start and end must be UTC-day aligned and span at most 7 days
/// (checked before sending).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct GetBackupZkCredentials {
    /// First day (seconds since the epoch, a multiple of 86400).
    pub redemption_start_seconds: u64,
    /// Last day (seconds since the epoch, a multiple of 86400).
    pub redemption_end_seconds: u64,
}

impl GetBackupZkCredentials {
    /// Credentials for the days from `start` to `end` (epoch seconds, day aligned).
    pub fn new(redemption_start_seconds: u64, redemption_end_seconds: u64) -> Self {
        Self {
            redemption_start_seconds,
            redemption_end_seconds,
        }
    }
}

/// The spec's `BackupAuthCredentialsResponse`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct BackupAuthCredentialsResponse {
    /// One credential per day.
    #[serde(default)]
    pub credentials: Vec<BackupAuthCredential>,
}

/// The spec's `BackupAuthCredential`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct BackupAuthCredential {
    /// The credential (standard base64 on the wire).
    #[serde(default, with = "crate::model::b64::standard")]
    pub credential: Vec<u8>,
    /// The day it is valid for (epoch seconds, day aligned).
    #[serde(default)]
    pub redemption_time: u64,
}

impl Endpoint for GetBackupZkCredentials {
    type Response = BackupAuthCredentialsResponse;
    const METHOD: Method = Method::GET;

    fn path(&self) -> Cow<'_, str> {
        "/v1/archives/auth".into()
    }

    fn query(&self) -> Vec<(Cow<'static, str>, String)> {
        vec![
            (
                "redemptionStartSeconds".into(),
                self.redemption_start_seconds.to_string(),
            ),
            (
                "redemptionEndSeconds".into(),
                self.redemption_end_seconds.to_string(),
            ),
        ]
    }

    fn headers(&self) -> transport_core::Result<HeaderMap> {
        const DAY: u64 = 86_400;
        let (start, end) = (self.redemption_start_seconds, self.redemption_end_seconds);
        if start % DAY != 0 || end % DAY != 0 || end < start || end - start > 7 * DAY {
            return Err(transport_core::Error::invalid_input(
                "redemptionStartSeconds/redemptionEndSeconds",
                "must be UTC-day aligned, ordered, and at most 7 days apart",
            ));
        }
        Ok(HeaderMap::new())
    }

    fn parse(&self, response: RawResponse) -> transport_core::Result<Self::Response> {
        response.json()
    }
}

impl Operation for GetBackupZkCredentials {
    const INFO: OperationInfo = OperationInfo::new(
        "getBackupZKCredentials",
        "Archive",
        Self::METHOD,
        "/v1/archives/auth",
        AuthMode::Basic,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::*;

    #[test]
    fn request_and_response() {
        let op = GetBackupZkCredentials::new(86_400 * 19_000, 86_400 * 19_007);
        assert_consistent(&op);
        assert_eq!(
            query_string(&op),
            "redemptionStartSeconds=1641600000&redemptionEndSeconds=1642204800"
        );
        assert!(GetBackupZkCredentials::new(1, 86_400).headers().is_err());
        assert!(
            GetBackupZkCredentials::new(0, 8 * 86_400)
                .headers()
                .is_err()
        );
        let r = parse(
            &op,
            200,
            r#"{"credentials":[{"credential":"AQID","redemptionTime":1641600000}]}"#,
        )
        .unwrap();
        assert_eq!(r.credentials[0].credential, vec![1, 2, 3]);
        assert_eq!(r.credentials[0].redemption_time, 1_641_600_000);
    }
}

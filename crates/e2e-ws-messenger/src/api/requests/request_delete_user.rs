//! `RequestDeleteUser` → `ResponseStatusMessage`.

use crate::api::{ResponseStatusMessage, WireMessage, WireRequest};
use crate::error::Error;
use crate::model::ids::validate_e164;
use crate::model::unknown_fields::{UnknownFields, collect_extra};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// `RequestDeleteUser` → `ResponseStatusMessage`: start deleting the account; the server sends an SMS
/// code to confirm with `RequestDeleteUserConfirmation`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct RequestDeleteUser {
    /// The Android SMS Retriever app hash; omitted by other platforms.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub android_sms_token: Option<String>,
    /// The E.164 phone number.
    pub open_user_id: String,
    /// Fields this crate does not know, kept so that re-serializing loses nothing.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

impl RequestDeleteUser {
    /// A `RequestDeleteUser` with the given fields; the others start empty, `false` or `0`.
    pub fn new(open_user_id: impl Into<String>) -> Self {
        Self {
            android_sms_token: None,
            open_user_id: open_user_id.into(),
            extra: BTreeMap::new(),
        }
    }
}

impl UnknownFields for RequestDeleteUser {
    fn collect_unknown_fields(&self, path: &str, out: &mut Vec<String>) {
        collect_extra(&self.extra, path, out);
    }
}

impl WireMessage for RequestDeleteUser {
    const WIRE_NAME: &'static str = "RequestDeleteUser";

    fn validate(&self) -> Result<(), Error> {
        validate_e164(&self.open_user_id)
    }
}

impl WireRequest for RequestDeleteUser {
    type Reply = ResponseStatusMessage;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{Kind, round_trip, seed};

    #[test]
    fn request_seed_sample_round_trips() {
        let value: RequestDeleteUser =
            round_trip(&seed::sample(Kind::Request, "RequestDeleteUser"));
        assert_eq!(value.android_sms_token.as_deref(), Some("p1VSyoHQY8a"));
        assert_eq!(value.open_user_id, "+35794048714");
        value.validate().expect("the seed sample is valid");
    }
}

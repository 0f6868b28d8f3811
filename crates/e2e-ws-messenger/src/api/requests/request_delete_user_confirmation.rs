//! `RequestDeleteUserConfirmation` → `ResponseStatusMessage`.

use crate::api::validate::non_empty;
use crate::api::{ResponseStatusMessage, WireMessage, WireRequest};
use crate::error::Error;
use crate::model::unknown_fields::{UnknownFields, collect_extra};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;
use transport_core::Secret;

/// `RequestDeleteUserConfirmation` → `ResponseStatusMessage`: confirm deleting the account with the SMS
/// code (field `code`, not `smsCode`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct RequestDeleteUserConfirmation {
    /// The code from the SMS.
    #[serde(with = "crate::model::secret_serde")]
    pub code: Secret,
    /// Fields this crate does not know, kept so that re-serializing loses nothing.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

impl RequestDeleteUserConfirmation {
    /// A `RequestDeleteUserConfirmation` with the given fields.
    pub fn new(code: Secret) -> Self {
        Self {
            code,
            extra: BTreeMap::new(),
        }
    }
}

impl UnknownFields for RequestDeleteUserConfirmation {
    fn collect_unknown_fields(&self, path: &str, out: &mut Vec<String>) {
        collect_extra(&self.extra, path, out);
    }
}

impl WireMessage for RequestDeleteUserConfirmation {
    const WIRE_NAME: &'static str = "RequestDeleteUserConfirmation";

    fn validate(&self) -> Result<(), Error> {
        non_empty("code", self.code.expose())
    }
}

impl WireRequest for RequestDeleteUserConfirmation {
    type Reply = ResponseStatusMessage;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{Kind, round_trip, seed};

    #[test]
    fn request_seed_sample_round_trips() {
        let value: RequestDeleteUserConfirmation = round_trip(&seed::sample(
            Kind::Request,
            "RequestDeleteUserConfirmation",
        ));
        assert_eq!(value.code.expose(), "121");
        value.validate().expect("the seed sample is valid");
    }
}

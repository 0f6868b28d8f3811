//! `RequestConfirmUpdateUserKeys` → `ResponseStatusMessage`.

use crate::api::validate::non_empty;
use crate::api::{ResponseStatusMessage, WireMessage, WireRequest};
use crate::error::Error;
use crate::model::unknown_fields::{UnknownFields, collect_extra};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;
use transport_core::Secret;

/// `RequestConfirmUpdateUserKeys` → `ResponseStatusMessage`: confirm a key reset with the SMS code.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct RequestConfirmUpdateUserKeys {
    /// The code from the SMS.
    #[serde(with = "crate::model::secret_serde")]
    pub sms_code: Secret,
    /// Fields this crate does not know, kept so that re-serializing loses nothing.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

impl RequestConfirmUpdateUserKeys {
    /// A `RequestConfirmUpdateUserKeys` with the given fields.
    pub fn new(sms_code: Secret) -> Self {
        Self {
            sms_code,
            extra: BTreeMap::new(),
        }
    }
}

impl UnknownFields for RequestConfirmUpdateUserKeys {
    fn collect_unknown_fields(&self, path: &str, out: &mut Vec<String>) {
        collect_extra(&self.extra, path, out);
    }
}

impl WireMessage for RequestConfirmUpdateUserKeys {
    const WIRE_NAME: &'static str = "RequestConfirmUpdateUserKeys";

    fn validate(&self) -> Result<(), Error> {
        non_empty("smsCode", self.sms_code.expose())
    }
}

impl WireRequest for RequestConfirmUpdateUserKeys {
    type Reply = ResponseStatusMessage;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{Kind, round_trip, seed};

    #[test]
    fn request_seed_sample_round_trips() {
        let value: RequestConfirmUpdateUserKeys =
            round_trip(&seed::sample(Kind::Request, "RequestConfirmUpdateUserKeys"));
        assert_eq!(value.sms_code.expose(), "121");
        value.validate().expect("the seed sample is valid");
    }
}

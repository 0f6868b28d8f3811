//! `ResponseStatusMessage`: the outcome of the 33 request types that have no typed response.

use crate::api::{WireMessage, WireResponse};
use crate::error::Error;
use crate::model::Status;
use crate::model::unknown_fields::{UnknownFields, collect_extra};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// `ResponseStatusMessage`: the outcome of a request that has no typed response (33 request types
/// in the seed). `requestType` is the wire name of the request it answers, the only link to it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ResponseStatusMessage {
    /// The wire name of the request this answers.
    pub request_type: String,
    /// The outcome; only `"ok"` is seen.
    pub status: Status,
    /// Details; `null` in every sample.
    #[serde(default)]
    pub description: Option<String>,
    /// Fields this crate does not know, kept so that re-serializing loses nothing.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

impl ResponseStatusMessage {
    /// A status message answering `request_type`.
    pub fn new(request_type: impl Into<String>, status: Status) -> Self {
        Self {
            request_type: request_type.into(),
            status,
            description: None,
            extra: BTreeMap::new(),
        }
    }

    /// True if `status` is `ok`.
    pub fn is_ok(&self) -> bool {
        self.status == Status::Ok
    }

    /// `Ok(())` for status `ok`, else [`Error::Server`] with the status and description.
    ///
    /// # Errors
    ///
    /// [`Error::Server`] when the status is not `ok`.
    pub fn into_result(self) -> Result<(), Error> {
        if self.is_ok() {
            Ok(())
        } else {
            Err(Error::Server {
                request_type: self.request_type,
                status: self.status,
                description: self.description,
            })
        }
    }
}

impl UnknownFields for ResponseStatusMessage {
    fn collect_unknown_fields(&self, path: &str, out: &mut Vec<String>) {
        collect_extra(&self.extra, path, out);
    }
}

impl WireMessage for ResponseStatusMessage {
    const WIRE_NAME: &'static str = "ResponseStatusMessage";
}

impl WireResponse for ResponseStatusMessage {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{Kind, round_trip, seed};

    #[test]
    fn seed_samples_round_trip() {
        let value: ResponseStatusMessage =
            round_trip(&seed::sample(Kind::Response, "ResponseStatusMessage"));
        assert_eq!(value.request_type, "RequestRegisterApplication");
        assert_eq!(value.status.as_str(), "ok");
        assert!(value.description.is_none());
        // Every occurrence in the seed (34).
        for sample in seed::samples(Kind::Response, "ResponseStatusMessage") {
            round_trip::<ResponseStatusMessage>(&sample);
        }
    }
}

//! `RequestPing` → `ResponsePong`.

use crate::api::validate::non_empty;
use crate::api::{WireMessage, WireRequest, WireResponse};
use crate::error::Error;
use crate::model::Timestamp;
use crate::model::unknown_fields::{UnknownFields, collect_extra};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// `RequestPing` → `ResponsePong`: exchange versions; also the application-level keepalive.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct RequestPing {
    /// The client version (`"7.14"` in the seed).
    pub client_version: String,
    /// When the request was sent (wall clock).
    pub when: Timestamp,
    /// Fields this crate does not know, kept so that re-serializing loses nothing.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

impl RequestPing {
    /// A `RequestPing` with the given fields.
    pub fn new(client_version: impl Into<String>, when: Timestamp) -> Self {
        Self {
            client_version: client_version.into(),
            when,
            extra: BTreeMap::new(),
        }
    }
}

impl UnknownFields for RequestPing {
    fn collect_unknown_fields(&self, path: &str, out: &mut Vec<String>) {
        collect_extra(&self.extra, path, out);
    }
}

impl WireMessage for RequestPing {
    const WIRE_NAME: &'static str = "RequestPing";

    fn validate(&self) -> Result<(), Error> {
        non_empty("clientVersion", &self.client_version)
    }
}

impl WireRequest for RequestPing {
    type Reply = ResponsePong;
}

/// `ResponsePong`: the answer to `RequestPing`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ResponsePong {
    /// The server version (`"7.14"`).
    pub server_version: String,
    /// Where to download the Android application (an update offer); optional because only an
    /// Android capture shows it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub android_url: Option<String>,
    /// Fields this crate does not know, kept so that re-serializing loses nothing.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

impl ResponsePong {
    /// A `ResponsePong` with the given fields; the others start empty, `false` or `0`.
    pub fn new(server_version: impl Into<String>) -> Self {
        Self {
            server_version: server_version.into(),
            android_url: None,
            extra: BTreeMap::new(),
        }
    }
}

impl UnknownFields for ResponsePong {
    fn collect_unknown_fields(&self, path: &str, out: &mut Vec<String>) {
        collect_extra(&self.extra, path, out);
    }
}

impl WireMessage for ResponsePong {
    const WIRE_NAME: &'static str = "ResponsePong";
}

impl WireResponse for ResponsePong {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{Kind, round_trip, seed};

    #[test]
    fn request_seed_sample_round_trips() {
        let value: RequestPing = round_trip(&seed::sample(Kind::Request, "RequestPing"));
        assert_eq!(value.client_version, "7.14");
        assert_eq!(value.when.as_millis(), 1732795223926);
        value.validate().expect("the seed sample is valid");
    }

    #[test]
    fn response_seed_sample_round_trips() {
        let value: ResponsePong = round_trip(&seed::sample(Kind::Response, "ResponsePong"));
        assert_eq!(value.server_version, "7.14");
        assert_eq!(
            value.android_url.as_deref(),
            Some("https://messenger.jetico.com/android/messenger_0.00.619b_v.4-ent...")
        );
    }
}

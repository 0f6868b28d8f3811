//! `RequestGetServerSettings` → `ResponseServerSettings`.

use crate::api::{WireMessage, WireRequest, WireResponse};
use crate::model::unknown_fields::{UnknownFields, collect_extra, join};
use crate::model::{Theme, UserId};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// `RequestGetServerSettings` → `ResponseServerSettings`: the server's settings; the body is `{}`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct RequestGetServerSettings {
    /// Fields this crate does not know, kept so that re-serializing loses nothing.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

impl RequestGetServerSettings {
    /// An empty `RequestGetServerSettings`.
    pub fn new() -> Self {
        Self::default()
    }
}

impl UnknownFields for RequestGetServerSettings {
    fn collect_unknown_fields(&self, path: &str, out: &mut Vec<String>) {
        collect_extra(&self.extra, path, out);
    }
}

impl WireMessage for RequestGetServerSettings {
    const WIRE_NAME: &'static str = "RequestGetServerSettings";
}

impl WireRequest for RequestGetServerSettings {
    type Reply = ResponseServerSettings;
}

/// `ResponseServerSettings`: the answer to `RequestGetServerSettings`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ResponseServerSettings {
    /// The support account.
    pub support_id: UserId,
    /// The admin account.
    pub admin_id: UserId,
    /// Undocumented server mode (monitoring or archiving?).
    pub big_brother: bool,
    /// The branding.
    pub theme: Theme,
    /// Fields this crate does not know, kept so that re-serializing loses nothing.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

impl ResponseServerSettings {
    /// A `ResponseServerSettings` with the given fields; the others start empty, `false` or `0`.
    pub fn new(support_id: UserId, admin_id: UserId, theme: Theme) -> Self {
        Self {
            support_id,
            admin_id,
            big_brother: false,
            theme,
            extra: BTreeMap::new(),
        }
    }
}

impl UnknownFields for ResponseServerSettings {
    fn collect_unknown_fields(&self, path: &str, out: &mut Vec<String>) {
        collect_extra(&self.extra, path, out);
        self.theme.collect_unknown_fields(&join(path, "theme"), out);
    }
}

impl WireMessage for ResponseServerSettings {
    const WIRE_NAME: &'static str = "ResponseServerSettings";
}

impl WireResponse for ResponseServerSettings {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{Kind, round_trip, seed};

    #[test]
    fn request_seed_sample_round_trips() {
        let value: RequestGetServerSettings =
            round_trip(&seed::sample(Kind::Request, "RequestGetServerSettings"));
        value.validate().expect("the seed sample is valid");
    }

    #[test]
    fn response_seed_sample_round_trips() {
        let value: ResponseServerSettings =
            round_trip(&seed::sample(Kind::Response, "ResponseServerSettings"));
        assert_eq!(
            value.support_id.as_str(),
            "2dCjIfc8/3qVOm5I7CXANeUVxUGBGT1XKd2ZVzOvhGc="
        );
        assert_eq!(
            value.admin_id.as_str(),
            "H7H0IIVngKKXGbmUyHZLgXcNefl+LhhhupOKeloV37k="
        );
        assert!(!value.big_brother);
        assert_eq!(value.theme.button_background, "#2e7d32");
    }
}

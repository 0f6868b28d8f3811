//! [`Param`]: the `Param` object shared by several messages.

use crate::model::unknown_fields::{UnknownFields, collect_extra};
use crate::model::{EncryptedEnvelope, UserId};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// A stored user parameter (`Params.params[]`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Param {
    /// The owner.
    pub user_id: UserId,
    /// The parameter name; only `"params"` seen.
    pub name: String,
    /// The value, an envelope.
    pub value: EncryptedEnvelope,
    /// Fields this crate does not know, kept so that re-serializing loses nothing.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

impl Param {
    /// A `Param` with the given fields.
    pub fn new(user_id: UserId, name: impl Into<String>, value: EncryptedEnvelope) -> Self {
        Self {
            user_id,
            name: name.into(),
            value,
            extra: BTreeMap::new(),
        }
    }
}

impl UnknownFields for Param {
    fn collect_unknown_fields(&self, path: &str, out: &mut Vec<String>) {
        collect_extra(&self.extra, path, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{Kind, round_trip, seed};

    #[test]
    fn seed_params_params_0() {
        let sample = seed::sample(Kind::Response, "Params");
        let value: Param = round_trip(
            sample
                .pointer("/params/0")
                .expect("seed sample has /params/0"),
        );
        assert_eq!(
            value.user_id.as_str(),
            "/4DZItfW2uZQyMCcxDboGMF0SjJs5sfedl9SXWNaO8Y="
        );
        assert_eq!(value.name, "params");
        assert_eq!(
            value.value.as_str(),
            "eyJlbmNyeXB0ZWRCb2R5QmFzZTY0Ijoiek9yMXpabFA0MGdoVG5GWGVhTFArZ2dK..."
        );
    }
}

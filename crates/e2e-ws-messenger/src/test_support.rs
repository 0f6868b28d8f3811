//! Test helpers: the seed corpus and a round-trip check.

#[path = "../tests/support/seed.rs"]
pub(crate) mod seed;

pub(crate) use seed::Kind;

use crate::model::UnknownFields;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

/// Deserializes `sample` into `T`, checks that re-serializing gives the same JSON value and
/// that no field went unrecognised, and returns the typed value.
pub(crate) fn round_trip<T: Serialize + DeserializeOwned + UnknownFields>(sample: &Value) -> T {
    let typed: T = serde_json::from_value(sample.clone())
        .unwrap_or_else(|e| panic!("sample does not decode: {e}\n{sample}"));
    let back = serde_json::to_value(&typed).expect("serializes");
    assert_eq!(&back, sample, "re-serialization differs");
    assert_eq!(
        typed.unknown_fields(),
        Vec::<String>::new(),
        "unmodelled fields"
    );
    typed
}

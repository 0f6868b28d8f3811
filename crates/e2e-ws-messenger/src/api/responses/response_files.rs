//! `ResponseFiles`: the files of a message; answers `RequestGetFiles` and `RequestGetFilesFast`.

use crate::api::{WireMessage, WireResponse};
use crate::model::FileInfo;
use crate::model::unknown_fields::{UnknownFields, collect_extra, index};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// `ResponseFiles`: the files of a message; answers `RequestGetFiles` and `RequestGetFilesFast`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ResponseFiles {
    /// The files (the `files` key itself is undocumented).
    #[serde(default)]
    pub files: Vec<FileInfo>,
    /// Fields this crate does not know, kept so that re-serializing loses nothing.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

impl ResponseFiles {
    /// A `ResponseFiles` with the given fields.
    pub fn new(files: Vec<FileInfo>) -> Self {
        Self {
            files,
            extra: BTreeMap::new(),
        }
    }
}

impl UnknownFields for ResponseFiles {
    fn collect_unknown_fields(&self, path: &str, out: &mut Vec<String>) {
        collect_extra(&self.extra, path, out);
        for (i, value) in self.files.iter().enumerate() {
            value.collect_unknown_fields(&index(path, "files", i), out);
        }
    }
}

impl WireMessage for ResponseFiles {
    const WIRE_NAME: &'static str = "ResponseFiles";
}

impl WireResponse for ResponseFiles {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{Kind, round_trip, seed};

    #[test]
    fn seed_samples_round_trip() {
        let value: ResponseFiles = round_trip(&seed::sample(Kind::Response, "ResponseFiles"));
        assert_eq!(value.files.len(), 2);
        assert_eq!(
            value.files[0].file_name_encrypted.as_str(),
            "swsdfoND1/pHOzG3OFdjeJqoU3iAjcSl8O4/LXy+VOEgB4sv57RfULw="
        );
        // Every occurrence in the seed (2).
        for sample in seed::samples(Kind::Response, "ResponseFiles") {
            round_trip::<ResponseFiles>(&sample);
        }
    }
}

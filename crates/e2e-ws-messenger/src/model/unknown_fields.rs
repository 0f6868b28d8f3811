//! [`UnknownFields`]: which received fields this crate did not recognise.

use serde_json::Value;
use std::collections::BTreeMap;

/// Lists the fields of a received message that this crate does not model (they are kept in the
/// `extra` maps, so re-serializing loses nothing). Useful to notice server drift: log them.
pub trait UnknownFields {
    /// Appends the JSON paths, below `path`, of every unrecognised field (nested ones included).
    fn collect_unknown_fields(&self, path: &str, out: &mut Vec<String>);

    /// The JSON paths of every unrecognised field (`message.reactions`,
    /// `messages[2].pinned`); empty for every sample in the seed.
    fn unknown_fields(&self) -> Vec<String> {
        let mut out = Vec::new();
        self.collect_unknown_fields("", &mut out);
        out
    }
}

/// Appends the keys of an `extra` map as paths below `path`.
pub(crate) fn collect_extra(extra: &BTreeMap<String, Value>, path: &str, out: &mut Vec<String>) {
    out.extend(extra.keys().map(|key| join(path, key)));
}

/// `path.key`, or `key` at the top level.
pub(crate) fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

/// `path.key[i]`.
pub(crate) fn index(path: &str, key: &str, i: usize) -> String {
    format!("{}[{i}]", join(path, key))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_joined_like_json_paths() {
        assert_eq!(join("", "message"), "message");
        assert_eq!(join("message", "uuid"), "message.uuid");
        assert_eq!(index("", "messages", 2), "messages[2]");
        assert_eq!(index("a", "b", 0), "a.b[0]");
        let mut out = Vec::new();
        let extra = BTreeMap::from([("x".to_owned(), Value::Null), ("a".to_owned(), Value::Null)]);
        collect_extra(&extra, "files[1]", &mut out);
        assert_eq!(out, ["files[1].a", "files[1].x"]);
    }
}

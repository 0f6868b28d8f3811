//! Serde helpers for [`Secret`] strings (passwords, tokens, codes) in request and response
//! bodies. `transport_core::Secret` never prints; these put its value on the wire.
//!
//! Use with `#[serde(with = "…")]`: [`required`], [`optional`], [`list`].

use serde::{Deserialize, Deserializer, Serializer};
use transport_core::Secret;

/// `Secret` as a JSON string.
pub mod required {
    use super::*;

    /// Serializes the secret's value.
    ///
    /// # Errors
    ///
    /// Never fails on its own; errors come from the serializer.
    pub fn serialize<S: Serializer>(secret: &Secret, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(secret.expose())
    }

    /// Deserializes a string into a secret.
    ///
    /// # Errors
    ///
    /// When the value is not a string.
    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Secret, D::Error> {
        String::deserialize(deserializer).map(Secret::new)
    }
}

/// `Option<Secret>` as a JSON string or `null`.
/// Use with `#[serde(default, skip_serializing_if = "Option::is_none")]`.
pub mod optional {
    use super::*;

    /// Serializes `Some` as the secret's value, `None` as `null`.
    ///
    /// # Errors
    ///
    /// Never fails on its own; errors come from the serializer.
    pub fn serialize<S: Serializer>(
        secret: &Option<Secret>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        match secret {
            Some(s) => serializer.serialize_str(s.expose()),
            None => serializer.serialize_none(),
        }
    }

    /// Deserializes a string or `null`.
    ///
    /// # Errors
    ///
    /// When the value is neither a string nor `null`.
    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<Secret>, D::Error> {
        Ok(Option::<String>::deserialize(deserializer)?.map(Secret::new))
    }
}

/// `Vec<Secret>` as a JSON array of strings.
pub mod list {
    use super::*;
    use serde::ser::SerializeSeq;

    /// Serializes the secrets' values.
    ///
    /// # Errors
    ///
    /// Never fails on its own; errors come from the serializer.
    pub fn serialize<S: Serializer>(items: &[Secret], serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(items.len()))?;
        for item in items {
            seq.serialize_element(item.expose())?;
        }
        seq.end()
    }

    /// Deserializes an array of strings (`null` is an empty list).
    ///
    /// # Errors
    ///
    /// When the value is not an array of strings.
    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Vec<Secret>, D::Error> {
        Ok(Option::<Vec<String>>::deserialize(deserializer)?
            .unwrap_or_default()
            .into_iter()
            .map(Secret::new)
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use serde::{Deserialize, Serialize};
    use transport_core::Secret;

    #[derive(Serialize, Deserialize, Debug, PartialEq)]
    struct T {
        #[serde(with = "super::required")]
        a: Secret,
        #[serde(
            with = "super::optional",
            default,
            skip_serializing_if = "Option::is_none"
        )]
        b: Option<Secret>,
        #[serde(with = "super::list", default)]
        c: Vec<Secret>,
    }

    #[test]
    fn secrets_go_on_the_wire_but_not_into_debug() {
        let t = T {
            a: Secret::new("pw-1"),
            b: None,
            c: vec![Secret::new("u:pw-2")],
        };
        assert_eq!(
            serde_json::to_value(&t).unwrap(),
            serde_json::json!({"a": "pw-1", "c": ["u:pw-2"]})
        );
        assert!(!format!("{t:?}").contains("pw-"));
        let back: T = serde_json::from_str(r#"{"a":"pw-1","b":null,"c":["u:pw-2"]}"#).unwrap();
        assert_eq!(back, t);
    }
}

//! Serde helpers for [`Secret`] fields (SMS codes, push tokens, encrypted private keys): they go
//! on the wire as plain JSON strings but never appear in `Debug`.

use serde::{Deserialize, Deserializer, Serializer};
use transport_core::Secret;

/// `#[serde(with = "secret_serde")]` for a required `Secret`.
pub(crate) fn serialize<S: Serializer>(secret: &Secret, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(secret.expose())
}

/// `#[serde(with = "secret_serde")]` for a required `Secret`.
pub(crate) fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Secret, D::Error> {
    String::deserialize(deserializer).map(Secret::new)
}

/// `#[serde(default, with = "secret_serde::option")]` for an `Option<Secret>` (`null` ↔ `None`).
pub(crate) mod option {
    use super::*;

    pub(crate) fn serialize<S: Serializer>(
        secret: &Option<Secret>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        match secret {
            Some(secret) => serializer.serialize_some(secret.expose()),
            None => serializer.serialize_none(),
        }
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<Secret>, D::Error> {
        Option::<String>::deserialize(deserializer).map(|s| s.map(Secret::new))
    }
}

#[cfg(test)]
mod tests {
    use serde::{Deserialize, Serialize};
    use transport_core::Secret;

    #[derive(Serialize, Deserialize, Debug)]
    struct Holder {
        #[serde(with = "super")]
        code: Secret,
        #[serde(default, with = "super::option")]
        token: Option<Secret>,
    }

    #[test]
    fn round_trips_on_the_wire_and_hides_in_debug() {
        let h: Holder = serde_json::from_str(r#"{"code":"121","token":null}"#).unwrap();
        assert_eq!(h.code.expose(), "121");
        assert!(h.token.is_none());
        assert!(!format!("{h:?}").contains("121"));
        let back = serde_json::to_value(&h).unwrap();
        assert_eq!(back, serde_json::json!({"code": "121", "token": null}));
        let with: Holder = serde_json::from_str(r#"{"code":"9","token":"fcm:xyz"}"#).unwrap();
        assert_eq!(with.token.as_ref().map(Secret::expose), Some("fcm:xyz"));
        let absent: Holder = serde_json::from_str(r#"{"code":"9"}"#).unwrap();
        assert!(absent.token.is_none());
    }
}

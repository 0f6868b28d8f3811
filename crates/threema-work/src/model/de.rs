//! Lenient serde helpers shared by the models (private).

use serde::{Deserialize, Deserializer, Serializer};
use transport_core::Secret;

/// `Option<bool>` that also accepts the strings `"true"`/`"false"` (any case) and the integers
/// 0 and 1, as one spec example sends `"enabled": "true"`. Anything else becomes `None`.
pub(crate) fn lenient_bool<'de, D: Deserializer<'de>>(de: D) -> Result<Option<bool>, D::Error> {
    Ok(match Option::<serde_json::Value>::deserialize(de)? {
        Some(serde_json::Value::Bool(b)) => Some(b),
        Some(serde_json::Value::String(s)) if s.eq_ignore_ascii_case("true") => Some(true),
        Some(serde_json::Value::String(s)) if s.eq_ignore_ascii_case("false") => Some(false),
        Some(serde_json::Value::Number(n)) => match n.as_u64() {
            Some(1) => Some(true),
            Some(0) => Some(false),
            _ => None,
        },
        _ => None,
    })
}

/// A list whose items may come wrapped in one extra level of arrays (a spec example of
/// `CredentialMdmList` nests its items as `[[…]]`): both forms give the flat list.
pub(crate) fn flat_list<'de, D, T>(de: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Item<T> {
        Many(Vec<T>),
        One(T),
    }
    let items = Option::<Vec<Item<T>>>::deserialize(de)?.unwrap_or_default();
    let mut flat = Vec::with_capacity(items.len());
    for item in items {
        match item {
            Item::Many(many) => flat.extend(many),
            Item::One(one) => flat.push(one),
        }
    }
    Ok(flat)
}

/// `Option<Secret>` as a plain JSON string (the wire form of a readable password).
pub(crate) mod opt_secret {
    use super::*;

    pub(crate) fn serialize<S: Serializer>(
        value: &Option<Secret>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        match value {
            Some(secret) => serializer.serialize_str(secret.expose()),
            None => serializer.serialize_none(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[derive(Deserialize, Debug)]
    struct B {
        #[serde(default, deserialize_with = "lenient_bool")]
        b: Option<bool>,
    }

    #[derive(Deserialize, Debug)]
    struct L {
        #[serde(default, deserialize_with = "flat_list")]
        items: Vec<u8>,
    }

    #[test]
    fn lenient_bools() {
        let b = |v| serde_json::from_value::<B>(json!({ "b": v })).unwrap().b;
        assert_eq!(b(json!(true)), Some(true));
        assert_eq!(b(json!("true")), Some(true));
        assert_eq!(b(json!("FALSE")), Some(false));
        assert_eq!(b(json!(1)), Some(true));
        assert_eq!(b(json!(0)), Some(false));
        assert_eq!(b(json!("maybe")), None);
        assert_eq!(b(json!(null)), None);
        assert_eq!(serde_json::from_value::<B>(json!({})).unwrap().b, None);
    }

    #[test]
    fn flat_lists() {
        let l = |v| {
            serde_json::from_value::<L>(json!({ "items": v }))
                .unwrap()
                .items
        };
        assert_eq!(l(json!([1, 2])), [1, 2]);
        assert_eq!(l(json!([[1, 2], [3]])), [1, 2, 3]);
        assert_eq!(l(json!([1, [2, 3]])), [1, 2, 3]);
        assert_eq!(l(json!(null)), Vec::<u8>::new());
        assert!(serde_json::from_value::<L>(json!({"items": ["x"]})).is_err());
    }
}

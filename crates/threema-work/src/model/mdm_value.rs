//! [`MdmValue`]: the value of an app configuration setting.

use serde::{Deserialize, Serialize};
use std::fmt;

/// The value of an app configuration setting: a string, an integer or a boolean.
///
/// Decoding tries boolean, then integer, then string. Anything else a server might send (a
/// float, `null`, an object) is kept as [`MdmValue::Other`] rather than failing; requests reject
/// `Other`, since the API documents only the three kinds.
///
/// ```
/// use threema_work::model::MdmValue;
/// assert_eq!(serde_json::from_str::<MdmValue>("true")?, MdmValue::Bool(true));
/// assert_eq!(serde_json::from_str::<MdmValue>("9")?, MdmValue::Int(9));
/// assert_eq!(serde_json::from_str::<MdmValue>(r#""Peter Schreiner""#)?, "Peter Schreiner".into());
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
#[non_exhaustive]
pub enum MdmValue {
    /// A boolean (`true`).
    Bool(bool),
    /// An integer (`9`).
    Int(i64),
    /// A string (`"Peter Schreiner"`).
    String(String),
    /// Any other JSON value a server sent; not accepted in requests.
    Other(serde_json::Value),
}

impl MdmValue {
    /// The boolean, if this is one.
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Self::Bool(b) => Some(*b),
            _ => None,
        }
    }

    /// The integer, if this is one.
    pub fn as_i64(&self) -> Option<i64> {
        match self {
            Self::Int(i) => Some(*i),
            _ => None,
        }
    }

    /// The string, if this is one.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Self::String(s) => Some(s),
            _ => None,
        }
    }

    /// True for the three documented kinds (string, integer, boolean).
    pub fn is_documented(&self) -> bool {
        !matches!(self, Self::Other(_))
    }
}

impl fmt::Display for MdmValue {
    /// Strings as they are, everything else as JSON.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Bool(b) => write!(f, "{b}"),
            Self::Int(i) => write!(f, "{i}"),
            Self::String(s) => f.write_str(s),
            Self::Other(v) => write!(f, "{v}"),
        }
    }
}

impl From<bool> for MdmValue {
    fn from(value: bool) -> Self {
        Self::Bool(value)
    }
}

impl From<i64> for MdmValue {
    fn from(value: i64) -> Self {
        Self::Int(value)
    }
}

impl From<i32> for MdmValue {
    fn from(value: i32) -> Self {
        Self::Int(value.into())
    }
}

impl From<u32> for MdmValue {
    fn from(value: u32) -> Self {
        Self::Int(value.into())
    }
}

impl From<String> for MdmValue {
    fn from(value: String) -> Self {
        Self::String(value)
    }
}

impl From<&str> for MdmValue {
    fn from(value: &str) -> Self {
        Self::String(value.to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn untagged_order_and_round_trip() {
        for (value, expected) in [
            (json!(true), MdmValue::Bool(true)),
            (json!(false), MdmValue::Bool(false)),
            (json!(9), MdmValue::Int(9)),
            (json!(-3), MdmValue::Int(-3)),
            (json!("J.W."), MdmValue::from("J.W.")),
            (json!("true"), MdmValue::String("true".into())),
        ] {
            let decoded: MdmValue = serde_json::from_value(value.clone()).unwrap();
            assert_eq!(decoded, expected);
            assert!(decoded.is_documented());
            assert_eq!(serde_json::to_value(&decoded).unwrap(), value);
        }
    }

    #[test]
    fn undocumented_kinds_are_kept() {
        for value in [json!(1.5), json!(null), json!({"a": 1}), json!([1])] {
            let decoded: MdmValue = serde_json::from_value(value.clone()).unwrap();
            assert_eq!(decoded, MdmValue::Other(value.clone()));
            assert!(!decoded.is_documented());
            assert_eq!(serde_json::to_value(&decoded).unwrap(), value);
        }
    }

    #[test]
    fn accessors_and_display() {
        assert_eq!(MdmValue::from(true).as_bool(), Some(true));
        assert_eq!(MdmValue::from(7u32).as_i64(), Some(7));
        assert_eq!(MdmValue::from("x").as_str(), Some("x"));
        assert_eq!(MdmValue::from("x").as_bool(), None);
        assert_eq!(MdmValue::from("Alice").to_string(), "Alice");
        assert_eq!(MdmValue::Other(json!(1.5)).to_string(), "1.5");
    }
}

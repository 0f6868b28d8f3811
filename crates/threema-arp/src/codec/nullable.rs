//! [`Nullable`]: a field that can be absent, explicitly `nil`, or set.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A field that the schema marks as optional **and** nullable, where `nil` means something
/// different from leaving the field out: in `update/group`, `update/distributionList` and
/// `update/profile` a `nil` name or avatar **clears** it, an absent one leaves it unchanged.
///
/// Use it with `#[serde(default, skip_serializing_if = "Nullable::is_absent")]`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Nullable<T> {
    /// The field is left out: keep the current value.
    #[default]
    Absent,
    /// The field is `nil`: clear the value.
    Null,
    /// The field is set to this value.
    Value(T),
}

impl<T> Nullable<T> {
    /// True for [`Nullable::Absent`].
    pub fn is_absent(&self) -> bool {
        matches!(self, Self::Absent)
    }

    /// The value, if set.
    pub fn value(&self) -> Option<&T> {
        match self {
            Self::Value(value) => Some(value),
            Self::Absent | Self::Null => None,
        }
    }
}

impl<T> From<Option<T>> for Nullable<T> {
    /// `Some` sets the value, `None` clears it.
    fn from(value: Option<T>) -> Self {
        value.map_or(Self::Null, Self::Value)
    }
}

impl<T: Serialize> Serialize for Nullable<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Value(value) => value.serialize(serializer),
            Self::Absent | Self::Null => serializer.serialize_none(),
        }
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Nullable<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Option::<T>::deserialize(deserializer).map(Self::from)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Patch {
        #[serde(default, skip_serializing_if = "Nullable::is_absent")]
        name: Nullable<String>,
    }

    #[test]
    fn absent_null_and_value_are_distinct_on_the_wire() {
        for (patch, wire) in [
            (
                Patch {
                    name: Nullable::Absent,
                },
                &b"\x80"[..],
            ),
            (
                Patch {
                    name: Nullable::Null,
                },
                &b"\x81\xa4name\xc0"[..],
            ),
            (
                Patch {
                    name: Nullable::Value("x".into()),
                },
                &b"\x81\xa4name\xa1x"[..],
            ),
        ] {
            let bytes = rmp_serde::to_vec_named(&patch).unwrap();
            assert_eq!(bytes, wire);
            let back: Patch = rmp_serde::from_slice(&bytes).unwrap();
            assert_eq!(back, patch);
        }
        assert_eq!(Nullable::Value(3).value(), Some(&3));
        assert_eq!(Nullable::<u8>::from(None), Nullable::Null);
    }
}

//! Macros for open enums: string enums that keep unknown values as `Other(String)` and
//! integer enums that keep them as `Unknown(u32)`.
//!
//! Decoding never fails on a value this crate does not know yet, and re-encoding writes the
//! value exactly as it was received.

/// Defines a string enum with known variants and an `Other(String)` catch-all.
///
/// Generates `as_str`, `is_known`, `Display`, `From<&str>`, `From<String>`, `Serialize` (as a
/// msgpack str) and `Deserialize` (from a str).
macro_rules! string_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $wire:literal, )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )+
            /// A value this crate does not know, kept exactly as received.
            Other(String),
        }

        impl $name {
            /// The value as it appears on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    $( Self::$variant => $wire, )+
                    Self::Other(other) => other.as_str(),
                }
            }

            /// True unless this is [`Self::Other`].
            pub fn is_known(&self) -> bool {
                !matches!(self, Self::Other(_))
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl From<&str> for $name {
            fn from(value: &str) -> Self {
                match value {
                    $( $wire => Self::$variant, )+
                    other => Self::Other(other.to_owned()),
                }
            }
        }

        impl From<String> for $name {
            fn from(value: String) -> Self {
                match Self::from(value.as_str()) {
                    Self::Other(_) => Self::Other(value),
                    known => known,
                }
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                String::deserialize(deserializer).map(Self::from)
            }
        }
    };
}

/// Defines an integer enum with known variants and an `Unknown(u32)` catch-all, encoded
/// through `From<u32>`/`Into<u32>` (`#[serde(from = "u32", into = "u32")]`). Integers of any
/// msgpack width decode.
macro_rules! int_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $wire:literal, )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, ::serde::Serialize, ::serde::Deserialize)]
        #[serde(from = "u32", into = "u32")]
        #[non_exhaustive]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )+
            /// A value this crate does not know, kept exactly as received.
            Unknown(u32),
        }

        impl From<u32> for $name {
            fn from(value: u32) -> Self {
                match value {
                    $( $wire => Self::$variant, )+
                    other => Self::Unknown(other),
                }
            }
        }

        impl From<$name> for u32 {
            fn from(value: $name) -> u32 {
                match value {
                    $( $name::$variant => $wire, )+
                    $name::Unknown(other) => other,
                }
            }
        }
    };
}

pub(crate) use {int_enum, string_enum};

#[cfg(test)]
#[allow(unreachable_pub)]
mod tests {
    string_enum! {
        /// A test enum.
        pub enum Colour {
            /// Red.
            Red = "red",
            /// Light blue.
            LightBlue = "lightBlue",
        }
    }

    int_enum! {
        /// A test enum.
        pub enum Level {
            /// One.
            One = 1,
            /// Two.
            Two = 2,
        }
    }

    fn round_trip<T: serde::Serialize + serde::de::DeserializeOwned>(value: &T) -> (Vec<u8>, T) {
        let bytes = rmp_serde::to_vec_named(value).unwrap();
        let back = rmp_serde::from_slice(&bytes).unwrap();
        (bytes, back)
    }

    #[test]
    fn string_enums_keep_unknown_values() {
        assert_eq!(Colour::from("lightBlue"), Colour::LightBlue);
        assert_eq!(
            Colour::from("mauve".to_owned()),
            Colour::Other("mauve".into())
        );
        assert_eq!(Colour::Other("mauve".into()).as_str(), "mauve");
        assert!(!Colour::Other("mauve".into()).is_known());
        assert!(Colour::Red.is_known());
        assert_eq!(Colour::LightBlue.to_string(), "lightBlue");
        let (bytes, back) = round_trip(&Colour::Other("mauve".into()));
        assert_eq!(bytes, b"\xa5mauve");
        assert_eq!(back, Colour::Other("mauve".into()));
        let (bytes, back) = round_trip(&Colour::Red);
        assert_eq!(bytes, b"\xa3red");
        assert_eq!(back, Colour::Red);
    }

    #[test]
    fn int_enums_keep_unknown_values_and_accept_any_width() {
        assert_eq!(Level::from(2), Level::Two);
        assert_eq!(u32::from(Level::Unknown(7)), 7);
        let (bytes, back) = round_trip(&Level::Unknown(300));
        assert_eq!(bytes, b"\xcd\x01\x2c");
        assert_eq!(back, Level::Unknown(300));
        // uint64 and int8 encodings of known values.
        let wide: Level = rmp_serde::from_slice(b"\xcf\0\0\0\0\0\0\0\x02").unwrap();
        assert_eq!(wide, Level::Two);
        let signed: Level = rmp_serde::from_slice(b"\xd0\x01").unwrap();
        assert_eq!(signed, Level::One);
    }
}

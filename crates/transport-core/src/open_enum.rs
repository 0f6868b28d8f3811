//! Open enums: known wire values as variants, unknown values kept, never a decode error.
//!
//! Servers add enum values over time. A closed enum turns every new value into a decode
//! failure; these macros generate enums that decode known values to their variant and keep
//! anything else in a catch-all variant (`Other(String)` or `Unknown(n)`), which re-serializes
//! exactly as received. They are plain `macro_rules!` (no proc macros): every generated item is
//! documented by the invocation.

/// Defines a string enum with known variants and an `Other(String)` variant that keeps any
/// other value exactly as received.
///
/// Generates: the enum (`#[non_exhaustive]`, `Debug, Clone, PartialEq, Eq, Hash, PartialOrd,
/// Ord`), `as_str()`, `Display`, `From<&str>`, `From<String>`, `From<Enum> for String`,
/// `FromStr` (infallible) and serde as a plain string.
///
/// Start the invocation with `@ignore_ascii_case` to match known values regardless of ASCII
/// case (for servers seen to capitalise values); encoding always writes the listed spelling.
/// Start it with `@custom_deserialize` to write `Deserialize` by hand (e.g. to also accept
/// numbers); everything else is generated.
///
/// ```
/// transport_core::open_string_enum! {
///     /// How a message's text is formatted.
///     pub enum ParseMode {
///         /// Plain text.
///         Text = "text",
///         /// Markdown.
///         Markdown = "markdown",
///     }
/// }
///
/// let mode: ParseMode = serde_json::from_str(r#""markdown""#).unwrap();
/// assert_eq!(mode, ParseMode::Markdown);
/// let new: ParseMode = serde_json::from_str(r#""bbcode""#).unwrap();
/// assert_eq!(new, ParseMode::Other("bbcode".into()));
/// assert_eq!(serde_json::to_string(&new).unwrap(), r#""bbcode""#);
/// ```
#[macro_export]
macro_rules! open_string_enum {
    (
        @ignore_ascii_case
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $wire:literal, )+
        }
    ) => {
        $crate::open_string_enum! {
            @define (|a: &str, b: &str| a.eq_ignore_ascii_case(b))
            $(#[$meta])* $vis enum $name { $( $(#[$vmeta])* $variant = $wire, )+ }
        }
        $crate::open_string_enum!(@deserialize $name);
    };
    (
        @custom_deserialize
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $wire:literal, )+
        }
    ) => {
        $crate::open_string_enum! {
            @define (|a: &str, b: &str| a == b)
            $(#[$meta])* $vis enum $name { $( $(#[$vmeta])* $variant = $wire, )+ }
        }
    };
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $wire:literal, )+
        }
    ) => {
        $crate::open_string_enum! {
            @define (|a: &str, b: &str| a == b)
            $(#[$meta])* $vis enum $name { $( $(#[$vmeta])* $variant = $wire, )+ }
        }
        $crate::open_string_enum!(@deserialize $name);
    };
    (@deserialize $name:ident) => {
        impl<'de> $crate::__serde::Deserialize<'de> for $name {
            fn deserialize<D: $crate::__serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                let value = <::std::string::String as $crate::__serde::Deserialize>::deserialize(deserializer)?;
                ::std::result::Result::Ok(Self::from(value))
            }
        }
    };
    (
        @define ($eq:expr)
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $wire:literal, )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        $vis enum $name {
            $( $(#[$vmeta])* $variant, )+
            /// A value this version does not know, kept exactly as received.
            Other(::std::string::String),
        }

        impl $name {
            /// The value as it appears on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    $( Self::$variant => $wire, )+
                    Self::Other(value) => value.as_str(),
                }
            }

            /// The known variant for a wire value, if any.
            fn known(value: &str) -> ::std::option::Option<Self> {
                let eq = $eq;
                $( if eq(value, $wire) { return ::std::option::Option::Some(Self::$variant); } )+
                ::std::option::Option::None
            }
        }

        impl ::std::convert::From<&str> for $name {
            fn from(value: &str) -> Self {
                Self::known(value).unwrap_or_else(|| Self::Other(value.to_owned()))
            }
        }

        impl ::std::convert::From<::std::string::String> for $name {
            fn from(value: ::std::string::String) -> Self {
                Self::known(&value).unwrap_or(Self::Other(value))
            }
        }

        impl ::std::convert::From<$name> for ::std::string::String {
            fn from(value: $name) -> Self {
                match value {
                    $name::Other(other) => other,
                    known => known.as_str().to_owned(),
                }
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = ::std::convert::Infallible;
            fn from_str(s: &str) -> ::std::result::Result<Self, Self::Err> {
                ::std::result::Result::Ok(Self::from(s))
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl $crate::__serde::Serialize for $name {
            fn serialize<S: $crate::__serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }
    };
}

/// Defines an integer enum with known codes and an `Unknown(n)` variant that keeps any other
/// code (twilight's pattern): `From<repr>`, `From<Enum> for repr`, serde as the number.
///
/// ```
/// transport_core::open_int_enum! {
///     /// A chat's kind.
///     pub enum ChatType: u32 {
///         /// One to one.
///         P2p = 1,
///         /// A group.
///         Group = 2,
///     }
/// }
///
/// assert_eq!(ChatType::from(2), ChatType::Group);
/// let new: ChatType = serde_json::from_str("7").unwrap();
/// assert_eq!(new, ChatType::Unknown(7));
/// assert_eq!(serde_json::to_string(&new).unwrap(), "7");
/// assert_eq!(u32::from(ChatType::P2p), 1);
/// ```
#[macro_export]
macro_rules! open_int_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident : $repr:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $num:literal, )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        $vis enum $name {
            $( $(#[$vmeta])* $variant, )+
            /// A value this version does not know, kept exactly as received.
            Unknown($repr),
        }

        impl ::std::convert::From<$repr> for $name {
            fn from(value: $repr) -> Self {
                match value {
                    $( $num => Self::$variant, )+
                    other => Self::Unknown(other),
                }
            }
        }

        impl ::std::convert::From<$name> for $repr {
            fn from(value: $name) -> Self {
                match value {
                    $( $name::$variant => $num, )+
                    $name::Unknown(other) => other,
                }
            }
        }

        impl $crate::__serde::Serialize for $name {
            fn serialize<S: $crate::__serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                <$repr as $crate::__serde::Serialize>::serialize(&$repr::from(*self), serializer)
            }
        }

        impl<'de> $crate::__serde::Deserialize<'de> for $name {
            fn deserialize<D: $crate::__serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                <$repr as $crate::__serde::Deserialize>::deserialize(deserializer).map(Self::from)
            }
        }
    };
}

#[cfg(test)]
mod tests {
    crate::open_string_enum! {
        /// Test enum.
        pub enum Exact {
            /// A.
            Alpha = "alpha",
            /// B.
            Beta = "beta",
        }
    }

    crate::open_string_enum! {
        @ignore_ascii_case
        /// Test enum.
        pub enum Loose {
            /// Pro.
            Professional = "professional",
        }
    }

    crate::open_int_enum! {
        /// Test enum.
        pub enum Code: u16 {
            /// Ok.
            Ok = 0,
            /// Bad.
            Bad = 400,
        }
    }

    #[test]
    fn string_enum_keeps_unknown_values_and_matches_exactly() {
        assert_eq!(Exact::from("alpha"), Exact::Alpha);
        assert_eq!(Exact::from("Alpha"), Exact::Other("Alpha".into()));
        assert_eq!(String::from(Exact::Other("gamma".into())), "gamma");
        assert_eq!("beta".parse::<Exact>(), Ok(Exact::Beta));
        let v: Vec<Exact> = serde_json::from_str(r#"["beta","zeta"]"#).unwrap();
        assert_eq!(serde_json::to_string(&v).unwrap(), r#"["beta","zeta"]"#);
        assert_eq!(Exact::Beta.to_string(), "beta");
    }

    #[test]
    fn case_insensitive_variant_writes_the_listed_spelling() {
        let v: Loose = serde_json::from_str(r#""Professional""#).unwrap();
        assert_eq!(v, Loose::Professional);
        assert_eq!(serde_json::to_string(&v).unwrap(), r#""professional""#);
        assert_eq!(Loose::from("edu5"), Loose::Other("edu5".into()));
    }

    #[test]
    fn int_enum_round_trips_unknown_codes() {
        assert_eq!(Code::from(400u16), Code::Bad);
        let v: Vec<Code> = serde_json::from_str("[0,418]").unwrap();
        assert_eq!(v, vec![Code::Ok, Code::Unknown(418)]);
        assert_eq!(serde_json::to_string(&v).unwrap(), "[0,418]");
        assert!(serde_json::from_str::<Code>(r#""0""#).is_err());
    }
}

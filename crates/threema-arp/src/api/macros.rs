//! `wire_message!`: implements [`WireMessage`](super::WireMessage) for a message struct whose
//! fields are named `args` and `data`.
//!
//! ```text
//! wire_message!(CreateTextMessage = "create" / "textMessage", [ToApp],
//!     args: required, data: required, validate: CreateTextMessage::check);
//! ```
//!
//! The part modes name [`PartsReader`](crate::codec::PartsReader) /
//! [`PartsWriter`](crate::codec::PartsWriter) methods: `required`, `optional` (an `Option`),
//! `list` (a `Vec`, absent = empty) and `defaulted` (absent = `Default`).

macro_rules! wire_message {
    (
        $ty:ident = $type:literal / $sub:literal, [$($dir:ident),+]
        $(, args: $args_mode:ident)?
        $(, data: $data_mode:ident)?
        $(, validate: $check:path)?
        $(,)?
    ) => {
        impl $crate::api::WireMessage for $ty {
            const TYPE: &'static str = $type;
            const SUB_TYPE: &'static str = $sub;
            const DIRECTIONS: &'static [$crate::api::Direction] =
                &[$($crate::api::Direction::$dir),+];

            #[allow(unused_variables)]
            fn encode_parts(&self, parts: &mut $crate::codec::PartsWriter) -> $crate::Result<()> {
                $( parts.$args_mode($crate::codec::Part::Args, &self.args)?; )?
                $( parts.$data_mode($crate::codec::Part::Data, &self.data)?; )?
                Ok(())
            }

            #[allow(unused_variables)]
            fn decode_parts(parts: &mut $crate::codec::PartsReader) -> $crate::Result<Self> {
                Ok(Self {
                    $( args: parts.$args_mode($crate::codec::Part::Args)?, )?
                    $( data: parts.$data_mode($crate::codec::Part::Data)?, )?
                })
            }

            $(
                fn validate(&self) -> $crate::Result<()> {
                    $check(self)
                }
            )?
        }
    };
}

pub(crate) use wire_message;

/// Defines a message without `args` and `data` (the envelope is all there is), with `new()`
/// and `Default`, and implements [`WireMessage`](super::WireMessage) for it.
macro_rules! empty_message {
    (
        $(#[$meta:meta])*
        $ty:ident = $type:literal / $sub:literal, [$($dir:ident),+]
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Default, PartialEq, Eq)]
        #[non_exhaustive]
        pub struct $ty {}

        impl $ty {
            /// The message.
            pub fn new() -> Self {
                Self {}
            }
        }

        $crate::api::macros::wire_message!($ty = $type / $sub, [$($dir),+]);
    };
}

pub(crate) use empty_message;

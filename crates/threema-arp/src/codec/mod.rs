//! The wire encoding: msgpack with structs as maps (string keys), binary as bin, `nil`
//! treated as absent, integers of any width, unknown keys ignored.
//!
//! [`Envelope`] is an ARP message decoded only as far as its envelope;
//! [`Frame`](crate::api::Frame) is its typed form.

mod enums;
mod envelope;
mod nullable;
mod parts;
mod value;

pub(crate) use enums::{int_enum, string_enum};
pub use envelope::{ARG_ERROR, ARG_SUCCESS, ARG_TEMPORARY_ID, Ack, EncodeOptions, Envelope};
pub(crate) use envelope::{EncodedParts, map_get};
pub use nullable::Nullable;
pub(crate) use parts::PartData;
pub use parts::{Part, PartsReader, PartsWriter};
pub(crate) use value::{from_value, nil_default};

//! Every ARP message of the schema index, typed, in both directions.
//!
//! One wire message per file: `src/api/<type>/<subType>.rs` holds the message sent by the
//! client (Threema Web's side, "to app") and the one sent by the app ("from app") where both
//! exist, with their `args` and `data` types. Naming: the struct is named after the wire
//! name (`create/contact` → [`CreateContact`]); where the app answers with the same wire
//! name, the app's side takes a past participle ([`ContactCreated`], [`ContactUpdated`]).
//!
//! [`ArpMessage`] is the sum of all of them; [`Frame`] adds the envelope's `id` and `ack`
//! and encodes to and decodes from bytes. A frame of an unknown type (or of a known type in
//! a direction the schema does not define) decodes to [`ArpMessage::Unknown`].

pub mod create;
pub mod delete;
mod frame;
mod macros;
mod message;
pub mod request;
pub mod response;
pub mod update;

pub use create::*;
pub use delete::*;
pub use frame::Frame;
pub use message::{ArpMessage, CATALOGUE, CatalogueEntry};
pub use request::*;
pub use response::*;
pub use update::*;

use crate::codec::{PartsReader, PartsWriter};
use crate::error::Result;
use std::fmt;

/// The direction a message travels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Direction {
    /// From the client (Threema Web, this crate's `ArpClient`) to the app (schema `toapp`).
    ToApp,
    /// From the app to the client (schema `fromapp`).
    FromApp,
}

impl Direction {
    /// The other direction.
    pub fn reverse(self) -> Self {
        match self {
            Self::ToApp => Self::FromApp,
            Self::FromApp => Self::ToApp,
        }
    }

    /// The schema's name for the direction (`"toapp"`, `"fromapp"`).
    pub fn schema_name(self) -> &'static str {
        match self {
            Self::ToApp => "toapp",
            Self::FromApp => "fromapp",
        }
    }
}

impl fmt::Display for Direction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::ToApp => "client → app",
            Self::FromApp => "app → client",
        })
    }
}

/// A typed ARP message: its wire name, the directions it is defined for, and how its `args`
/// and `data` are encoded. Implemented by every message type of this module.
pub trait WireMessage: Sized {
    /// The `type` (`"create"`, `"delete"`, `"request"`, `"response"`, `"update"`).
    const TYPE: &'static str;
    /// The `subType` (`"textMessage"`).
    const SUB_TYPE: &'static str;
    /// The directions this type is sent in (both for bidirectional messages).
    const DIRECTIONS: &'static [Direction];

    /// Writes `args` and `data`.
    fn encode_parts(&self, parts: &mut PartsWriter) -> Result<()>;

    /// Reads `args` and `data`.
    fn decode_parts(parts: &mut PartsReader) -> Result<Self>;

    /// Checks input built by the user before it is encoded (lengths, ids, required
    /// combinations). Messages received from the peer are not validated.
    fn validate(&self) -> Result<()> {
        Ok(())
    }
}

//! Reading and writing the `args` and `data` parts of a typed message.

use super::envelope::EncodedParts;
use super::value::{from_bytes, from_value, read_value, to_msgpack};
use crate::error::{Error, Result};
use rmpv::Value;
use serde::Serialize;
use serde::de::DeserializeOwned;
use std::sync::OnceLock;

/// One of the two payload parts of an ARP message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// `args`: small addressing arguments (a map).
    Args,
    /// `data`: the payload (a map, an array or bin).
    Data,
}

impl Part {
    /// The envelope key (`"args"` or `"data"`).
    pub fn key(self) -> &'static str {
        match self {
            Self::Args => "args",
            Self::Data => "data",
        }
    }
}

/// Collects the encoded parts of a typed message; see
/// [`WireMessage::encode_parts`](crate::api::WireMessage::encode_parts).
///
/// A part that encodes to `nil` (an absent `Option`) is left out of the envelope.
#[derive(Debug)]
pub struct PartsWriter {
    what: String,
    parts: EncodedParts,
}

impl PartsWriter {
    pub(crate) fn new(what: String) -> Self {
        Self {
            what,
            parts: EncodedParts::default(),
        }
    }

    pub(crate) fn finish(self) -> EncodedParts {
        self.parts
    }

    /// Writes a required part.
    pub fn required<T: Serialize + ?Sized>(&mut self, part: Part, value: &T) -> Result<()> {
        let bytes = to_msgpack(value, &format!("{} {}", self.what, part.key()))?;
        let slot = match part {
            Part::Args => &mut self.parts.args,
            Part::Data => &mut self.parts.data,
        };
        // msgpack nil: the part is absent.
        *slot = (bytes != [0xc0]).then_some(bytes);
        Ok(())
    }

    /// Writes an optional part (`None` leaves it out).
    pub fn optional<T: Serialize>(&mut self, part: Part, value: &Option<T>) -> Result<()> {
        self.required(part, value)
    }

    /// Writes a list part (always an array, possibly empty).
    pub fn list<T: Serialize>(&mut self, part: Part, value: &[T]) -> Result<()> {
        self.required(part, value)
    }

    /// Writes a part that decodes with a default when absent (always written).
    pub fn defaulted<T: Serialize>(&mut self, part: Part, value: &T) -> Result<()> {
        self.required(part, value)
    }
}

/// A part as received: a decoded msgpack value, or the msgpack bytes themselves (the `data`
/// of a frame read by [`Frame::decode`](crate::api::Frame::decode), decoded straight into the
/// typed message without building a value first).
#[derive(Debug)]
pub(crate) enum PartData {
    /// A decoded value.
    Value(Value),
    /// One msgpack value's bytes; `value` caches its decoded form for [`PartsReader::peek`].
    Raw {
        bytes: Vec<u8>,
        value: OnceLock<Option<Value>>,
    },
}

impl PartData {
    /// Raw msgpack bytes of one value.
    pub(crate) fn raw(bytes: Vec<u8>) -> Self {
        Self::Raw {
            bytes,
            value: OnceLock::new(),
        }
    }

    /// The part as a value (`None` for `nil`, or bytes that do not decode).
    pub(crate) fn into_value(self) -> Option<Value> {
        match self {
            Self::Value(value) => Some(value),
            Self::Raw { bytes, value } => match value.into_inner() {
                Some(value) => value,
                None => read_value(&bytes, "data").ok(),
            },
        }
        .filter(|value| !value.is_nil())
    }

    fn peek(&self) -> Option<&Value> {
        match self {
            Self::Value(value) => Some(value),
            Self::Raw { bytes, value } => value
                .get_or_init(|| read_value(bytes, "data").ok())
                .as_ref(),
        }
        .filter(|value| !value.is_nil())
    }

    fn is_nil(&self) -> bool {
        match self {
            Self::Value(value) => value.is_nil(),
            Self::Raw { bytes, .. } => bytes.as_slice() == [0xc0],
        }
    }
}

/// Hands out the raw parts of a received message for typed decoding; see
/// [`WireMessage::decode_parts`](crate::api::WireMessage::decode_parts).
///
/// `nil` counts as absent everywhere.
#[derive(Debug)]
pub struct PartsReader {
    what: String,
    args: Option<Value>,
    data: Option<PartData>,
}

impl PartsReader {
    pub(crate) fn new(what: String, args: Option<Value>, data: Option<PartData>) -> Self {
        Self { what, args, data }
    }

    /// What is being decoded (`"create/contact (app → client)"`), for error messages.
    pub fn what(&self) -> &str {
        &self.what
    }

    /// The part, unless absent or `nil`.
    fn take_part(&mut self, part: Part) -> Option<PartData> {
        match part {
            Part::Args => self.args.take().map(PartData::Value),
            Part::Data => self.data.take(),
        }
        .filter(|data| !data.is_nil())
    }

    /// Decodes a received part.
    fn decode_part<T: DeserializeOwned>(&self, data: PartData, part: Part) -> Result<T> {
        match data {
            PartData::Value(value) => from_value(value, &self.what, part.key()),
            PartData::Raw { bytes, .. } => from_bytes(&bytes, &self.what, part.key()),
        }
    }

    /// Takes the raw value of a part (`None` if absent or `nil`).
    pub fn take(&mut self, part: Part) -> Option<Value> {
        self.take_part(part).and_then(PartData::into_value)
    }

    /// Peeks at the raw value of a part.
    pub fn peek(&self, part: Part) -> Option<&Value> {
        match part {
            Part::Args => self.args.as_ref().filter(|value| !value.is_nil()),
            Part::Data => self.data.as_ref().and_then(PartData::peek),
        }
    }

    /// Decodes a part that must be present.
    pub fn required<T: DeserializeOwned>(&mut self, part: Part) -> Result<T> {
        match self.take_part(part) {
            Some(data) => self.decode_part(data, part),
            None => Err(Error::decode(
                self.what.as_str(),
                part.key(),
                format!("missing `{}`", part.key()),
            )),
        }
    }

    /// Decodes a part that may be absent.
    pub fn optional<T: DeserializeOwned>(&mut self, part: Part) -> Result<Option<T>> {
        self.take_part(part)
            .map(|data| self.decode_part(data, part))
            .transpose()
    }

    /// Decodes an array part; absent means empty.
    pub fn list<T: DeserializeOwned>(&mut self, part: Part) -> Result<Vec<T>> {
        Ok(self.optional(part)?.unwrap_or_default())
    }

    /// Decodes a part; absent means `T::default()` (for replies that carry no data when
    /// they report an error).
    pub fn defaulted<T: DeserializeOwned + Default>(&mut self, part: Part) -> Result<T> {
        Ok(self.optional(part)?.unwrap_or_default())
    }

    /// Decodes a value taken from a part (for messages whose data shape depends on args).
    pub fn decode<T: DeserializeOwned>(&self, value: Value, part: Part) -> Result<T> {
        from_value(value, &self.what, part.key())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reader_treats_nil_as_absent_and_names_missing_parts() {
        let mut reader = PartsReader::new("x/y (app → client)".into(), Some(Value::Nil), None);
        assert_eq!(reader.peek(Part::Args), None);
        assert_eq!(reader.optional::<u8>(Part::Args).unwrap(), None);
        assert_eq!(reader.list::<u8>(Part::Data).unwrap(), Vec::<u8>::new());
        let error = reader.required::<u8>(Part::Data).unwrap_err();
        assert_eq!(
            error.to_string(),
            "cannot decode x/y (app → client) at `data`: missing `data`"
        );
    }

    #[test]
    fn writer_leaves_out_nil_parts() {
        let mut writer = PartsWriter::new("x".into());
        writer.optional::<u8>(Part::Args, &None).unwrap();
        writer.list::<u8>(Part::Data, &[]).unwrap();
        let parts = writer.finish();
        assert_eq!(parts.args, None);
        assert_eq!(parts.data, Some(vec![0x90]));
    }
}

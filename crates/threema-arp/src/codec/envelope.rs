//! The ARP envelope: the msgpack map `type`, `subType`, `id?`, `ack?`, `args?`, `data?`.

use super::value::{from_value, read_value, skip_value, to_msgpack, write_value};
use crate::error::{Error, Result};
use rmpv::Value;
use serde::{Deserialize, Serialize};

/// The legacy argument that carries an acknowledgement id (Android, see [`EncodeOptions`]).
pub const ARG_TEMPORARY_ID: &str = "temporaryId";
/// The legacy argument that carries the result of an acknowledgement (Android).
pub const ARG_SUCCESS: &str = "success";
/// The legacy argument that carries the error code of a failed acknowledgement (Android).
pub const ARG_ERROR: &str = "error";

/// The `ack` map that confirms an earlier message whose `id` asked for an acknowledgement
/// (spec concept *Message Acknowledgement*).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Ack {
    /// The `id` of the message being confirmed.
    pub id: String,
    /// Whether processing succeeded.
    pub success: bool,
    /// The error code (one of the requesting message's codes, or `internalError`); required by
    /// the spec when `success` is false, optional here because real apps sometimes omit it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

impl Ack {
    /// A successful acknowledgement of `id`.
    pub fn success(id: impl Into<String>) -> Self {
        Self {
            id: id.into(),
            success: true,
            error: None,
        }
    }

    /// A failed acknowledgement of `id` with an error code such as `"invalidIdentity"`.
    pub fn failure(id: impl Into<String>, error: impl Into<String>) -> Self {
        Self {
            id: id.into(),
            success: false,
            error: Some(error.into()),
        }
    }
}

/// How to encode a frame for peers that still use the legacy acknowledgement fields.
///
/// The Android app reads acknowledgement requests only from `args.temporaryId`, and answers
/// with `args.temporaryId` / `args.success` / `args.error` instead of a top-level `ack`
/// (notes §4.10). Threema Web copies every `id` into `args.temporaryId`; the defaults do the
/// same, which the iOS app ignores.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct EncodeOptions {
    /// Copy a top-level `id` into `args.temporaryId` (creating `args` if needed).
    pub temporary_id: bool,
    /// Write an `ack` as `args.temporaryId` / `args.success` / `args.error` instead of a
    /// top-level `ack` map (what the Android app sends; used by fake apps in tests).
    pub legacy_ack: bool,
}

impl Default for EncodeOptions {
    fn default() -> Self {
        Self {
            temporary_id: true,
            legacy_ack: false,
        }
    }
}

impl EncodeOptions {
    /// Only the modern fields: top-level `id` and `ack`, nothing in `args`.
    pub fn modern() -> Self {
        Self {
            temporary_id: false,
            legacy_ack: false,
        }
    }

    /// What the Android app writes: acknowledgements only in `args`.
    pub fn android() -> Self {
        Self {
            temporary_id: true,
            legacy_ack: true,
        }
    }
}

/// A wire message decoded only as far as its envelope: `args` and `data` stay raw msgpack
/// values. [`Frame`](crate::api::Frame) is the typed form.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Envelope {
    /// `type`: `"request"`, `"response"`, `"create"`, `"update"` or `"delete"`.
    pub message_type: String,
    /// `subType`, e.g. `"receivers"`.
    pub sub_type: String,
    /// `id`: asks the receiver for an acknowledgement.
    pub id: Option<String>,
    /// `ack`: confirms an earlier `id`.
    pub ack: Option<Ack>,
    /// `args`, raw (a map for every known message). `nil` is treated as absent.
    pub args: Option<Value>,
    /// `data`, raw (a map, an array or bin). `nil` is treated as absent.
    pub data: Option<Value>,
}

impl Envelope {
    /// An envelope with only a type and subtype.
    pub fn new(message_type: impl Into<String>, sub_type: impl Into<String>) -> Self {
        Self {
            message_type: message_type.into(),
            sub_type: sub_type.into(),
            id: None,
            ack: None,
            args: None,
            data: None,
        }
    }

    /// `type/subType`, as the spec names messages.
    pub fn name(&self) -> String {
        format!("{}/{}", self.message_type, self.sub_type)
    }

    /// Decodes the envelope of one complete (unchunked) ARP message.
    ///
    /// Unknown keys are ignored; `nil` counts as absent for `id`, `ack`, `args` and `data`.
    pub fn decode(bytes: &[u8]) -> Result<Self> {
        let Value::Map(entries) = read_value(bytes, "frame")? else {
            return Err(Error::decode("frame", ".", "an ARP message must be a map"));
        };
        let mut fields = Fields::default();
        for (key, value) in entries {
            let Some(key) = key.as_str() else { continue };
            fields.apply(key, value)?;
        }
        fields.finish()
    }

    /// Reads a frame's envelope fields, leaving `data` as its msgpack bytes for typed decoding
    /// straight from them. `None` if anything is irregular (not a map, broken msgpack, a bad
    /// field): [`Envelope::decode`] then gives the precise error.
    pub(crate) fn scan(bytes: &[u8]) -> Option<ScannedFrame> {
        let mut input = bytes;
        let len = rmp::decode::read_map_len(&mut input).ok()?;
        let mut fields = Fields::default();
        let mut data = None;
        for _ in 0..len {
            let key = rmpv::decode::read_value(&mut input).ok()?;
            match key.as_str() {
                Some("data") => {
                    let start = input;
                    if !skip_value(&mut input) {
                        return None;
                    }
                    let raw = start.get(..start.len() - input.len())?;
                    data = (raw != [0xc0]).then(|| raw.to_vec());
                }
                Some(key) => {
                    let value = rmpv::decode::read_value(&mut input).ok()?;
                    fields.apply(key, value).ok()?;
                }
                None => {
                    if !skip_value(&mut input) {
                        return None;
                    }
                }
            }
        }
        if !input.is_empty() {
            return None;
        }
        let envelope = fields.finish().ok()?;
        Some(ScannedFrame { envelope, data })
    }

    /// Encodes the envelope (structs as maps, binary as bin).
    pub fn encode(&self) -> Result<Vec<u8>> {
        self.encode_with(&EncodeOptions::modern())
    }

    /// Encodes the envelope with the given legacy options.
    pub fn encode_with(&self, options: &EncodeOptions) -> Result<Vec<u8>> {
        let args = self
            .args
            .as_ref()
            .map(|args| write_value(args, "args"))
            .transpose()?;
        let data = self
            .data
            .as_ref()
            .map(|data| write_value(data, "data"))
            .transpose()?;
        EncodedParts { args, data }.into_frame(
            &self.message_type,
            &self.sub_type,
            self.id.as_deref(),
            self.ack.as_ref(),
            options,
        )
    }

    /// `args.temporaryId`, the legacy acknowledgement id, if it is a string.
    pub fn temporary_id(&self) -> Option<&str> {
        self.arg(ARG_TEMPORARY_ID).and_then(Value::as_str)
    }

    /// The acknowledgement carried by the legacy fields `args.temporaryId`, `args.success`
    /// and `args.error` (Android). A missing `success` counts as `true`, as in Threema Web.
    pub fn legacy_ack(&self) -> Option<Ack> {
        let id = self.temporary_id()?;
        let success = self
            .arg(ARG_SUCCESS)
            .and_then(Value::as_bool)
            .unwrap_or(true);
        let error = self
            .arg(ARG_ERROR)
            .and_then(Value::as_str)
            .map(str::to_owned);
        Some(Ack {
            id: id.to_owned(),
            success,
            error,
        })
    }

    fn arg(&self, key: &str) -> Option<&Value> {
        map_get(self.args.as_ref()?, key)
    }
}

/// Looks up a string key in a msgpack map value.
pub(crate) fn map_get<'a>(map: &'a Value, key: &str) -> Option<&'a Value> {
    map.as_map()?
        .iter()
        .find(|(k, _)| k.as_str() == Some(key))
        .map(|(_, v)| v)
}

/// An envelope read by [`Envelope::scan`]: every field but `data`, which stays msgpack bytes.
pub(crate) struct ScannedFrame {
    /// The envelope, its `data` left empty.
    pub(crate) envelope: Envelope,
    /// The `data` part's bytes (`None` if absent or `nil`).
    pub(crate) data: Option<Vec<u8>>,
}

/// The envelope fields seen so far while reading a frame's map.
struct Fields {
    message_type: Option<String>,
    sub_type: Option<String>,
    envelope: Envelope,
}

impl Default for Fields {
    fn default() -> Self {
        Self {
            message_type: None,
            sub_type: None,
            envelope: Envelope::new("", ""),
        }
    }
}

impl Fields {
    /// Takes one key of the map (a later duplicate wins); unknown keys are ignored.
    fn apply(&mut self, key: &str, value: Value) -> Result<()> {
        match key {
            "type" => self.message_type = Some(string_field(value, "type")?),
            "subType" => self.sub_type = Some(string_field(value, "subType")?),
            "id" => self.envelope.id = optional_string_field(value, "id")?,
            "ack" => {
                self.envelope.ack = match value {
                    Value::Nil => None,
                    value => Some(from_value(value, "frame", "ack")?),
                }
            }
            "args" => self.envelope.args = non_nil(value),
            "data" => self.envelope.data = non_nil(value),
            _ => {}
        }
        Ok(())
    }

    fn finish(self) -> Result<Envelope> {
        let mut envelope = self.envelope;
        envelope.message_type = self
            .message_type
            .ok_or_else(|| Error::decode("frame", "type", "missing field `type`"))?;
        envelope.sub_type = self
            .sub_type
            .ok_or_else(|| Error::decode("frame", "subType", "missing field `subType`"))?;
        Ok(envelope)
    }
}

fn non_nil(value: Value) -> Option<Value> {
    (!value.is_nil()).then_some(value)
}

fn string_field(value: Value, field: &str) -> Result<String> {
    match value {
        Value::String(s) => s
            .into_str()
            .ok_or_else(|| Error::decode("frame", field, "not valid UTF-8")),
        other => Err(Error::decode(
            "frame",
            field,
            format!("expected a string, found {other}"),
        )),
    }
}

fn optional_string_field(value: Value, field: &str) -> Result<Option<String>> {
    match value {
        Value::Nil => Ok(None),
        value => string_field(value, field).map(Some),
    }
}

/// `args` and `data` already encoded as msgpack (`None` = leave the key out).
#[derive(Debug, Default)]
pub(crate) struct EncodedParts {
    pub(crate) args: Option<Vec<u8>>,
    pub(crate) data: Option<Vec<u8>>,
}

impl EncodedParts {
    /// Writes the whole envelope around the parts.
    pub(crate) fn into_frame(
        mut self,
        message_type: &str,
        sub_type: &str,
        id: Option<&str>,
        ack: Option<&Ack>,
        options: &EncodeOptions,
    ) -> Result<Vec<u8>> {
        let mut extra_args: Vec<(&str, Value)> = Vec::new();
        if let (true, Some(id)) = (options.temporary_id, id) {
            extra_args.push((ARG_TEMPORARY_ID, Value::from(id)));
        }
        let ack = match (options.legacy_ack, ack) {
            (true, Some(ack)) => {
                extra_args.push((ARG_TEMPORARY_ID, Value::from(ack.id.as_str())));
                extra_args.push((ARG_SUCCESS, Value::from(ack.success)));
                if let Some(error) = &ack.error {
                    extra_args.push((ARG_ERROR, Value::from(error.as_str())));
                }
                None
            }
            (_, ack) => ack,
        };
        if !extra_args.is_empty() {
            self.args = Some(merge_args(self.args.as_deref(), extra_args)?);
        }
        let ack = ack.map(|ack| to_msgpack(ack, "ack")).transpose()?;

        let len = 2
            + u32::from(id.is_some())
            + u32::from(ack.is_some())
            + u32::from(self.args.is_some())
            + u32::from(self.data.is_some());
        let size = self.args.as_ref().map_or(0, Vec::len) + self.data.as_ref().map_or(0, Vec::len);
        let mut out = Vec::with_capacity(size + 64 + message_type.len() + sub_type.len());
        write_map_len(&mut out, len)?;
        write_entry_str(&mut out, "type", message_type)?;
        write_entry_str(&mut out, "subType", sub_type)?;
        if let Some(id) = id {
            write_entry_str(&mut out, "id", id)?;
        }
        for (key, bytes) in [("ack", ack), ("args", self.args), ("data", self.data)] {
            if let Some(bytes) = bytes {
                write_str(&mut out, key)?;
                out.extend_from_slice(&bytes);
            }
        }
        Ok(out)
    }
}

/// Adds `entries` to an encoded `args` map (replacing keys that already exist).
fn merge_args(args: Option<&[u8]>, entries: Vec<(&str, Value)>) -> Result<Vec<u8>> {
    let mut map = match args.map(|bytes| read_value(bytes, "args")).transpose()? {
        None => Vec::new(),
        Some(Value::Map(map)) => map,
        Some(_) => {
            return Err(Error::Encode {
                what: "args".into(),
                message: "args must be a map to carry a temporaryId".into(),
            });
        }
    };
    for (key, value) in entries {
        map.retain(|(k, _)| k.as_str() != Some(key));
        map.push((Value::from(key), value));
    }
    write_value(&Value::Map(map), "args")
}

fn encode_error(error: impl std::fmt::Display) -> Error {
    Error::Encode {
        what: "frame".into(),
        message: error.to_string(),
    }
}

fn write_map_len(out: &mut Vec<u8>, len: u32) -> Result<()> {
    rmp::encode::write_map_len(out, len)
        .map(|_| ())
        .map_err(encode_error)
}

fn write_str(out: &mut Vec<u8>, value: &str) -> Result<()> {
    rmp::encode::write_str(out, value).map_err(encode_error)
}

fn write_entry_str(out: &mut Vec<u8>, key: &str, value: &str) -> Result<()> {
    write_str(out, key)?;
    write_str(out, value)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map(entries: Vec<(&str, Value)>) -> Value {
        Value::Map(
            entries
                .into_iter()
                .map(|(k, v)| (Value::from(k), v))
                .collect(),
        )
    }

    #[test]
    fn decodes_a_hand_built_envelope_leniently() {
        let frame = map(vec![
            ("type", "response".into()),
            ("subType", "avatar".into()),
            ("id", Value::Nil),
            (
                "ack",
                map(vec![("id", "abc123".into()), ("success", true.into())]),
            ),
            ("args", map(vec![("type", "contact".into())])),
            ("data", Value::Binary(vec![1, 2, 3])),
            ("somethingNew", 42.into()),
        ]);
        let bytes = write_value(&frame, "test").unwrap();
        let envelope = Envelope::decode(&bytes).unwrap();
        assert_eq!(envelope.name(), "response/avatar");
        assert_eq!(envelope.id, None);
        assert_eq!(envelope.ack, Some(Ack::success("abc123")));
        assert_eq!(envelope.data, Some(Value::Binary(vec![1, 2, 3])));
        assert_eq!(envelope.args, Some(map(vec![("type", "contact".into())])));
    }

    #[test]
    fn round_trips_and_writes_string_keys() {
        let mut envelope = Envelope::new("update", "typing");
        envelope.id = Some("x1".into());
        envelope.ack = Some(Ack::failure("y2", "badRequest"));
        envelope.args = Some(map(vec![("id", "ECHOECHO".into())]));
        envelope.data = Some(map(vec![("isTyping", true.into())]));
        let bytes = envelope.encode().unwrap();
        assert_eq!(Envelope::decode(&bytes).unwrap(), envelope);
        let Value::Map(entries) = read_value(&bytes, "t").unwrap() else {
            panic!("not a map")
        };
        let keys: Vec<_> = entries.iter().map(|(k, _)| k.as_str().unwrap()).collect();
        assert_eq!(keys, ["type", "subType", "id", "ack", "args", "data"]);
    }

    #[test]
    fn rejects_frames_without_type_or_subtype() {
        let bytes = write_value(&map(vec![("type", "update".into())]), "t").unwrap();
        let error = Envelope::decode(&bytes).unwrap_err();
        assert!(error.to_string().contains("`subType`"), "{error}");
        let bytes =
            write_value(&map(vec![("type", 1.into()), ("subType", "x".into())]), "t").unwrap();
        assert!(Envelope::decode(&bytes).is_err());
        let bytes = write_value(&Value::Array(vec![]), "t").unwrap();
        assert!(Envelope::decode(&bytes).is_err());
    }

    #[test]
    fn legacy_fields_are_written_and_read() {
        let mut envelope = Envelope::new("create", "contact");
        envelope.id = Some("abcdef".into());
        envelope.data = Some(map(vec![("identity", "ECHOECHO".into())]));
        let bytes = envelope.encode_with(&EncodeOptions::default()).unwrap();
        let decoded = Envelope::decode(&bytes).unwrap();
        assert_eq!(decoded.temporary_id(), Some("abcdef"));
        assert_eq!(decoded.id.as_deref(), Some("abcdef"));

        let mut reply = Envelope::new("create", "contact");
        reply.args = Some(map(vec![("identity", "ECHOECHO".into())]));
        reply.ack = Some(Ack::failure("abcdef", "invalidIdentity"));
        let bytes = reply.encode_with(&EncodeOptions::android()).unwrap();
        let decoded = Envelope::decode(&bytes).unwrap();
        assert_eq!(decoded.ack, None);
        assert_eq!(
            decoded.legacy_ack(),
            Some(Ack::failure("abcdef", "invalidIdentity"))
        );

        // Android replies without `success` count as success (Threema Web does the same).
        let mut confirm = Envelope::new("response", "confirmAction");
        confirm.args = Some(map(vec![("temporaryId", "q".into())]));
        assert_eq!(confirm.legacy_ack(), Some(Ack::success("q")));
    }
}

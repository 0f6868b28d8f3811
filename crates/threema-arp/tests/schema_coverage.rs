//! The ARP schema YAML (`tests/fixtures/app-remote-protocol-v2.yaml`) against this crate:
//!
//! - every message (type/subType × direction) of the schema has a Rust type, and every
//!   Rust type of the catalogue is in the schema (except the legacy Android message);
//! - every schema model has a Rust type;
//! - for every message, a frame generated from the schema (every field, required and
//!   optional, with a value of the schema's type; nested models generated from the schema's
//!   models) decodes to the right typed variant and re-encodes to the same field names,
//!   values and msgpack types — bin where the schema says `Binary`.
//!
//! The deliberate deviations from the schema (see `docs/decisions.md`, `## threema-arp`) are
//! listed in [`CORRECTIONS`].

// Test helpers may panic: a failed expectation is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use rmpv::Value;
use std::collections::{BTreeMap, BTreeSet};
use threema_arp::api::{ArpMessage, CATALOGUE, Direction, Frame};
use threema_arp::codec::{EncodeOptions, Envelope};
use yaml_rust2::{Yaml, YamlLoader};

const SCHEMA: &str = include_str!("fixtures/app-remote-protocol-v2.yaml");

fn schema() -> Yaml {
    YamlLoader::load_from_str(SCHEMA)
        .expect("the schema parses")
        .into_iter()
        .next()
        .expect("one document")
}

fn string(yaml: &Yaml) -> &str {
    yaml.as_str()
        .unwrap_or_else(|| panic!("not a string: {yaml:?}"))
}

fn hash_entries(yaml: &Yaml) -> Vec<(&str, &Yaml)> {
    yaml.as_hash()
        .unwrap_or_else(|| panic!("not a map: {yaml:?}"))
        .iter()
        .map(|(k, v)| (string(k), v))
        .collect()
}

/// One message entry of the schema.
struct SchemaMessage<'a> {
    message_type: &'a str,
    sub_type: &'a str,
    directions: Vec<Direction>,
    entry: &'a Yaml,
}

impl SchemaMessage<'_> {
    fn name(&self) -> String {
        format!("{}/{}", self.message_type, self.sub_type)
    }
}

fn messages(schema: &Yaml) -> Vec<SchemaMessage<'_>> {
    let mut out = Vec::new();
    for (message_type, subs) in hash_entries(&schema["messages"]) {
        for (sub_type, entries) in hash_entries(subs) {
            for entry in entries.as_vec().expect("a list of directions") {
                let directions = match string(&entry["direction"]) {
                    "toapp" => vec![Direction::ToApp],
                    "fromapp" => vec![Direction::FromApp],
                    "bidirectional" => vec![Direction::ToApp, Direction::FromApp],
                    other => panic!("unknown direction {other}"),
                };
                out.push(SchemaMessage {
                    message_type,
                    sub_type,
                    directions,
                    entry,
                });
            }
        }
    }
    out
}

#[test]
fn every_schema_message_has_a_rust_type_and_vice_versa() {
    let schema = schema();
    let messages = messages(&schema);
    assert_eq!(
        messages.len(),
        61,
        "the index lists 61 type/subtype × direction entries"
    );
    let mut seen = BTreeSet::new();
    for message in &messages {
        let entry = CATALOGUE
            .iter()
            .find(|entry| {
                entry.message_type == message.message_type
                    && entry.sub_type == message.sub_type
                    && entry.directions == message.directions.as_slice()
            })
            .unwrap_or_else(|| {
                panic!(
                    "no Rust type for {} {:?}",
                    message.name(),
                    message.directions
                )
            });
        assert!(
            entry.in_schema,
            "{} is marked as not in the schema",
            entry.rust_type
        );
        seen.insert(entry.rust_type);
    }
    let unlisted: Vec<_> = CATALOGUE
        .iter()
        .filter(|entry| !seen.contains(entry.rust_type))
        .map(|entry| entry.rust_type)
        .collect();
    assert_eq!(
        unlisted,
        ["ResponseConfirmAction"],
        "only the legacy message is extra"
    );
}

#[test]
fn every_schema_model_has_a_rust_type() {
    let schema = schema();
    let models: BTreeSet<&str> = hash_entries(&schema["models"])
        .into_iter()
        .map(|(name, _)| name)
        .collect();
    assert_eq!(models.len(), 34);
    let ours: BTreeSet<&str> = threema_arp::model::SCHEMA_MODELS
        .iter()
        .map(|(schema, _)| *schema)
        .collect();
    assert_eq!(models, ours);
}

/// A deliberate deviation from the schema, applied to the generated frame.
enum Correction {
    /// The apps use another key: the schema's key is still accepted on decoding, but the
    /// re-encoded frame uses the new one.
    Renamed {
        message: &'static str,
        direction: Direction,
        from: &'static str,
        to: &'static str,
    },
    /// A key the schema has that the apps do not use: ignored on decoding.
    Ignored { key: &'static str },
    /// A field the schema lacks that the apps require: added to the generated frame.
    Added {
        message: &'static str,
        direction: Direction,
        path: &'static str,
        value: fn() -> Value,
    },
}

const CORRECTIONS: &[Correction] = &[
    // `update/contact` uses `identity`, not `id` (Threema Web, Android; iOS replies with `id`).
    Correction::Renamed {
        message: "update/contact",
        direction: Direction::ToApp,
        from: "args.id",
        to: "args.identity",
    },
    Correction::Renamed {
        message: "update/contact",
        direction: Direction::FromApp,
        from: "args.id",
        to: "args.identity",
    },
    // `NotificationDnd.mentionsOnly` (string enum) is `mentionOnly` (bool) in every app.
    Correction::Ignored {
        key: "mentionsOnly",
    },
    // `create/fileMessage` carries the file bytes in `data.data` (one byte, `size` is 1).
    Correction::Added {
        message: "create/fileMessage",
        direction: Direction::ToApp,
        path: "data.data",
        value: || Value::Binary(vec![7]),
    },
];

/// Generates values of the schema's types.
struct Generator<'a> {
    models: BTreeMap<&'a str, &'a Yaml>,
}

impl<'a> Generator<'a> {
    fn new(schema: &'a Yaml) -> Self {
        Self {
            models: hash_entries(&schema["models"]).into_iter().collect(),
        }
    }

    fn value(&self, field: &Yaml) -> Option<Value> {
        if let Some(values) = field["enum"].as_vec() {
            let pick = values
                .iter()
                .find(|v| v.as_str() == Some("\"contact\""))
                .or(values.first())?;
            return Some(match pick {
                Yaml::Integer(i) => Value::from(*i),
                other => Value::from(string(other).trim_matches('"')),
            });
        }
        self.typed(string(&field["type"]))
    }

    fn typed(&self, type_name: &str) -> Option<Value> {
        Some(match type_name {
            // A valid Threema ID, so that user-input validation accepts it everywhere.
            "String" => Value::from("ECHOECHO"),
            "Integer" | "Integer (u32)" => Value::from(1),
            "Float" => Value::F64(1.5),
            "Boolean" => Value::from(false),
            "Binary" => Value::Binary(vec![7]),
            other => {
                if let Some(inner) = other
                    .strip_prefix("Array<")
                    .and_then(|s| s.strip_suffix('>'))
                {
                    Value::Array(vec![self.typed(inner)?])
                } else if let Some(model) =
                    other.strip_prefix("Map<").and_then(|s| s.strip_suffix('>'))
                {
                    self.model(model)?
                } else {
                    self.model(other)?
                }
            }
        })
    }

    /// A model with every field; `None` for names that are not schema models (`Receiver`).
    fn model(&self, name: &str) -> Option<Value> {
        let model = self.models.get(name)?;
        Some(self.fields(&model["fields"]))
    }

    fn fields(&self, fields: &Yaml) -> Value {
        let entries = fields
            .as_vec()
            .expect("a field list")
            .iter()
            .filter_map(|field| Some((Value::from(string(&field["field"])), self.value(field)?)))
            .collect();
        Value::Map(entries)
    }

    /// `data` given only as a description: a bare binary, an array or a map of a model.
    fn described(&self, description: &str) -> Option<Value> {
        let first_model = self
            .models
            .keys()
            .filter_map(|name| {
                description
                    .find(&format!("[{name}]"))
                    .or_else(|| description.find(&format!("<{name}>")))
                    .map(|at| (at, *name))
            })
            .min()?
            .1;
        if description.contains("Array<") {
            Some(Value::Array(vec![self.model(first_model)?]))
        } else {
            self.model(first_model)
        }
    }

    fn data(&self, data: &Yaml) -> Option<Value> {
        if !data["fields"].is_badvalue() {
            return Some(self.fields(&data["fields"]));
        }
        let description = data["description"].as_str()?;
        if description.contains("Map<") || description.contains("Array<") {
            self.described(description)
        } else if description.contains("bytes") {
            Some(Value::Binary(vec![7]))
        } else {
            None
        }
    }
}

fn set_path(value: &mut Value, path: &str, new: Value) {
    let (head, rest) = path.split_once('.').unwrap_or((path, ""));
    let Value::Map(entries) = value else {
        panic!("not a map at {path}")
    };
    let slot = match entries.iter().position(|(k, _)| k.as_str() == Some(head)) {
        Some(i) => &mut entries[i].1,
        None => {
            entries.push((Value::from(head), Value::Map(Vec::new())));
            &mut entries.last_mut().expect("just pushed").1
        }
    };
    if rest.is_empty() {
        *slot = new;
    } else {
        set_path(slot, rest, new);
    }
}

fn get_path<'v>(value: &'v Value, path: &str) -> Option<&'v Value> {
    path.split('.').try_fold(value, |value, step| {
        value
            .as_map()?
            .iter()
            .find(|(k, _)| k.as_str() == Some(step))
            .map(|(_, v)| v)
    })
}

/// Checks that `ours` has exactly the keys of `schema` (minus ignored ones), the same values
/// and the same msgpack types.
fn assert_conforms(schema: &Value, ours: &Value, path: &str) {
    match (schema, ours) {
        (Value::Map(expected), Value::Map(actual)) => {
            let ignored = |key: &str| {
                CORRECTIONS
                    .iter()
                    .any(|c| matches!(c, Correction::Ignored { key: k } if *k == key))
            };
            let expected: BTreeMap<&str, &Value> = expected
                .iter()
                .map(|(k, v)| (k.as_str().expect("string key"), v))
                .filter(|(k, _)| !ignored(k))
                .collect();
            let actual: BTreeMap<&str, &Value> = actual
                .iter()
                .map(|(k, v)| {
                    (
                        k.as_str()
                            .unwrap_or_else(|| panic!("non-string key at {path}")),
                        v,
                    )
                })
                .collect();
            assert_eq!(
                expected.keys().collect::<Vec<_>>(),
                actual.keys().collect::<Vec<_>>(),
                "keys at {path}"
            );
            for (key, value) in expected {
                assert_conforms(value, actual[key], &format!("{path}.{key}"));
            }
        }
        (Value::Array(expected), Value::Array(actual)) => {
            assert_eq!(expected.len(), actual.len(), "length at {path}");
            for (i, (e, a)) in expected.iter().zip(actual).enumerate() {
                assert_conforms(e, a, &format!("{path}.{i}"));
            }
        }
        (expected, actual) => assert_eq!(expected, actual, "value (and msgpack type) at {path}"),
    }
}

#[test]
fn frames_generated_from_the_schema_decode_and_reencode_to_the_schema() {
    let schema = schema();
    let generator = Generator::new(&schema);
    let mut checked = 0;
    for message in messages(&schema) {
        for &direction in &message.directions {
            let name = message.name();
            let mut frame = Value::Map(vec![
                ("type".into(), message.message_type.into()),
                ("subType".into(), message.sub_type.into()),
            ]);
            if !message.entry["args"].is_badvalue() {
                set_path(
                    &mut frame,
                    "args",
                    generator.fields(&message.entry["args"]["fields"]),
                );
            }
            if let Some(data) = generator.data(&message.entry["data"]) {
                set_path(&mut frame, "data", data);
            }
            // `update/voipStatus` names the model of `data` in `args.type`.
            if name == "update/voipStatus" {
                set_path(&mut frame, "args.type", "ringing".into());
            }
            if !message.entry["replyTo"].is_badvalue() {
                let ack = Value::Map(vec![
                    ("id".into(), "abc123".into()),
                    ("success".into(), true.into()),
                ]);
                set_path(&mut frame, "ack", ack);
            }
            if direction == Direction::ToApp
                && !threema_arp::connection::is_blacklisted(message.message_type, message.sub_type)
            {
                set_path(&mut frame, "id", "abc123".into());
            }
            let mut expected = frame.clone();
            for correction in CORRECTIONS {
                match correction {
                    Correction::Added {
                        message: m,
                        direction: d,
                        path,
                        value,
                    } if *m == name && *d == direction => {
                        set_path(&mut frame, path, value());
                        set_path(&mut expected, path, value());
                    }
                    Correction::Renamed {
                        message: m,
                        direction: d,
                        from,
                        to,
                    } if *m == name && *d == direction => {
                        let value = get_path(&expected, from).expect("renamed field").clone();
                        let (parent, key) = from.rsplit_once('.').expect("a nested path");
                        if let Some(Value::Map(entries)) = get_path_mut(&mut expected, parent) {
                            entries.retain(|(k, _)| k.as_str() != Some(key));
                        }
                        set_path(&mut expected, to, value);
                    }
                    _ => {}
                }
            }

            let mut bytes = Vec::new();
            rmpv::encode::write_value(&mut bytes, &frame).expect("writes");
            let decoded = Frame::decode(&bytes, direction)
                .unwrap_or_else(|e| panic!("{name} ({direction}) does not decode: {e}"));
            assert!(
                !matches!(decoded.message, ArpMessage::Unknown { .. }),
                "{name} ({direction}) decoded as Unknown"
            );
            assert_eq!(decoded.message.name(), name);
            // `Frame::decode` types `data` straight from its bytes; the envelope path goes
            // through a msgpack value. Both must agree, on success and on failure.
            let via_value = Frame::from_envelope(Envelope::decode(&bytes).unwrap(), direction)
                .unwrap_or_else(|e| panic!("{name} ({direction}) via a value: {e}"));
            assert_eq!(decoded, via_value, "{name} ({direction})");
            if let Value::Map(entries) = &frame
                && entries.iter().any(|(k, _)| k.as_str() == Some("data"))
            {
                let broken = Value::Map(
                    entries
                        .iter()
                        .map(|(k, v)| match k.as_str() {
                            Some("data") => (k.clone(), Value::from(5)),
                            _ => (k.clone(), v.clone()),
                        })
                        .collect(),
                );
                let mut bytes = Vec::new();
                rmpv::encode::write_value(&mut bytes, &broken).expect("writes");
                let fast = Frame::decode(&bytes, direction).map(|_| ());
                let slow = Envelope::decode(&bytes)
                    .and_then(|envelope| Frame::from_envelope(envelope, direction))
                    .map(|_| ());
                // rmpv's deserializer prefixes its messages; the field path and the cause
                // are the same.
                assert_eq!(
                    fast.map_err(|e| e.to_string().replace("error while decoding value: ", "")),
                    slow.map_err(|e| e.to_string().replace("error while decoding value: ", "")),
                    "{name} ({direction}) with a broken `data`"
                );
            }
            let reencoded = decoded
                .encode_with(&EncodeOptions::modern())
                .unwrap_or_else(|e| panic!("{name} ({direction}) does not re-encode: {e}"));
            let ours = rmpv::decode::read_value(&mut reencoded.as_slice()).expect("msgpack");
            assert_conforms(&expected, &ours, &format!("{name} ({direction})"));
            checked += 1;
        }
    }
    assert_eq!(checked, 66, "61 entries, 5 of them in both directions");
}

fn get_path_mut<'v>(value: &'v mut Value, path: &str) -> Option<&'v mut Value> {
    path.split('.').try_fold(value, |value, step| match value {
        Value::Map(entries) => entries
            .iter_mut()
            .find(|(k, _)| k.as_str() == Some(step))
            .map(|(_, v)| v),
        _ => None,
    })
}

//! Every JSON sample of the seed document (130) decodes into its type, re-serializes to the same
//! JSON value and leaves no field unrecognised; every envelope in it parses, except the values
//! cut short with `...` and the one corrupted sample (notes §9 #6), which give typed envelope
//! errors — never a frame error.

// Helpers outside `#[test]` functions may panic too: this is test code.
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)]

#[path = "support/seed.rs"]
mod seed;

use e2e_ws_messenger::EnvelopeError;
use e2e_ws_messenger::api::{Inbound, Notification, Request, Response};
use e2e_ws_messenger::codec::decode_inbound;
use e2e_ws_messenger::framing::{Framing, WrapperObject};
use e2e_ws_messenger::model::EncryptedEnvelope;
use seed::Kind;
use serde_json::Value;

#[test]
fn all_130_samples_decode_into_their_types_and_round_trip() {
    let sections = seed::sections();
    let count = |kind| sections.iter().filter(|s| s.kind == kind).count();
    assert_eq!(sections.len(), 130);
    assert_eq!(
        (
            count(Kind::Request),
            count(Kind::Response),
            count(Kind::Notification)
        ),
        (57, 57, 16)
    );
    for section in &sections {
        let (wire_name, body, unknown) = match section.kind {
            Kind::Request => {
                let m = Request::from_wire(&section.name, section.sample.clone()).unwrap();
                assert!(!matches!(m, Request::Unknown { .. }), "{}", section.name);
                (
                    m.wire_name().to_owned(),
                    m.to_body().unwrap(),
                    m.unknown_fields(),
                )
            }
            Kind::Response => {
                let m = Response::from_wire(&section.name, section.sample.clone()).unwrap();
                assert!(!matches!(m, Response::Unknown { .. }), "{}", section.name);
                (
                    m.wire_name().to_owned(),
                    m.to_body().unwrap(),
                    m.unknown_fields(),
                )
            }
            Kind::Notification => {
                let m = Notification::from_wire(&section.name, section.sample.clone()).unwrap();
                assert!(
                    !matches!(m, Notification::Unknown { .. }),
                    "{}",
                    section.name
                );
                (
                    m.wire_name().to_owned(),
                    m.to_body().unwrap(),
                    m.unknown_fields(),
                )
            }
        };
        assert_eq!(wire_name, section.name, "line {}", section.line);
        assert_eq!(
            body, section.sample,
            "{} (line {}) re-serializes differently",
            section.name, section.line
        );
        assert!(
            unknown.is_empty(),
            "{} (line {}): unmodelled {unknown:?}",
            section.name,
            section.line
        );
    }
    // Distinct names: 56 requests, 21 responses, 15 notifications.
    let distinct = |kind| {
        let mut names: Vec<&str> = sections
            .iter()
            .filter(|s| s.kind == kind)
            .map(|s| s.name.as_str())
            .collect();
        names.sort_unstable();
        names.dedup();
        names.len()
    };
    assert_eq!(
        (
            distinct(Kind::Request),
            distinct(Kind::Response),
            distinct(Kind::Notification)
        ),
        (56, 21, 15)
    );
}

/// Every string in `value` that looks like a base64 envelope (base64 of `{"…` or `{\n…`).
fn envelope_strings(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::String(s) if s.starts_with("eyJ") || s.starts_with("ewog") => out.push(s.clone()),
        Value::Array(items) => items.iter().for_each(|v| envelope_strings(v, out)),
        Value::Object(map) => map.values().for_each(|v| envelope_strings(v, out)),
        _ => {}
    }
}

#[test]
fn every_envelope_parses_unless_cut_short_or_corrupted() {
    let mut all = Vec::new();
    for section in seed::sections() {
        envelope_strings(&section.sample, &mut all);
    }
    let (mut parsed, mut cut, mut corrupted) = (0, 0, 0);
    for text in &all {
        match EncryptedEnvelope::from_wire(text.as_str()).parse() {
            Ok(fields) => {
                parsed += 1;
                assert!(!fields.encrypted_body.is_empty());
            }
            Err(EnvelopeError::Base64 { field, .. }) => {
                assert_eq!(field, ".");
                assert!(text.ends_with("..."), "{text}");
                cut += 1;
            }
            Err(EnvelopeError::Json { .. }) => corrupted += 1,
            Err(other) => panic!("{text}: {other}"),
        }
    }
    assert_eq!(corrupted, 1, "notes §9 #6: exactly one corrupted envelope");
    // 41 envelope strings: 9 full, 31 cut short in the seed, 1 corrupted.
    assert_eq!((parsed, cut, all.len()), (9, 31, 41));
}

#[test]
fn the_corrupted_sample_is_an_envelope_error_not_a_frame_error() {
    let name = "NotificationAddedMessageToConversation";
    let body = seed::sample(Kind::Notification, name);
    let frame = WrapperObject.encode(name, &body).unwrap();
    let inbound = decode_inbound(&WrapperObject, &frame).expect("the frame decodes");
    let Inbound::Notification(Notification::AddedMessageToConversation(added)) = inbound else {
        panic!("wrong type: {inbound:?}");
    };
    let err = added.message.user_nick.parse().unwrap_err();
    assert!(matches!(err, EnvelopeError::Json { .. }), "{err:?}");
    // The same message as `ResponseGetConversationFull.lastMessage` parses (one base64 character
    // differs).
    let full = seed::sample(Kind::Response, "ResponseGetConversationFull");
    let Response::GetConversationFull(full) =
        Response::from_wire("ResponseGetConversationFull", full).unwrap()
    else {
        panic!("wrong type");
    };
    let last = full.last_message.expect("present");
    assert_eq!(last.uuid, added.message.uuid);
    let fields = last.user_nick.parse().unwrap();
    assert_eq!(fields.encrypted_body.len(), 10);
}

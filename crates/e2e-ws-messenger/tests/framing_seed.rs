//! Each built-in framing round-trips every seed message, and sniffing identifies each framing
//! from the seed's requests (and responses and notifications).

// Helpers outside `#[test]` functions may panic too: this is test code.
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)]

#[path = "support/seed.rs"]
mod seed;

use e2e_ws_messenger::api::{Inbound, Request};
use e2e_ws_messenger::codec::{decode_inbound, decode_request, encode_inbound, encode_request};
use e2e_ws_messenger::framing::{Framing, Sniffing, WsFrame, builtin_candidates};
use seed::Kind;

#[test]
fn every_builtin_framing_round_trips_every_message() {
    let sections = seed::sections();
    for framing in builtin_candidates() {
        for section in &sections {
            let frame = framing
                .encode(&section.name, &section.sample)
                .unwrap_or_else(|e| {
                    panic!(
                        "{}: {} does not encode: {e}",
                        framing.describe(),
                        section.name
                    )
                });
            let decoded = framing.decode(&frame).unwrap();
            assert_eq!(decoded.wire_name, section.name, "{}", framing.describe());
            assert_eq!(
                decoded.body,
                section.sample,
                "{} {}",
                framing.describe(),
                section.name
            );
            // And through the typed codec, both directions.
            match section.kind {
                Kind::Request => {
                    let request = decode_request(framing.as_ref(), &frame).unwrap();
                    assert!(!matches!(request, Request::Unknown { .. }));
                    assert_eq!(encode_request(framing.as_ref(), &request).unwrap(), frame);
                }
                Kind::Response | Kind::Notification => {
                    let inbound = decode_inbound(framing.as_ref(), &frame).unwrap();
                    assert!(
                        !matches!(inbound, Inbound::Unknown { .. }),
                        "{}",
                        section.name
                    );
                    assert_eq!(encode_inbound(framing.as_ref(), &inbound).unwrap(), frame);
                }
            }
            // Binary frames carrying the same text decode the same.
            if let WsFrame::Text(text) = &frame {
                let binary = WsFrame::binary(text.clone().into_bytes());
                assert_eq!(framing.decode(&binary).unwrap(), decoded);
            }
        }
    }
}

#[test]
fn sniffing_identifies_each_framing_from_the_seeds_messages() {
    let sniffing = Sniffing::new();
    let sections = seed::sections();
    let requests: Vec<_> = sections
        .iter()
        .filter(|s| s.kind == Kind::Request)
        .collect();
    assert_eq!(requests.len(), 57);
    for (index, framing) in builtin_candidates().iter().enumerate() {
        for section in &sections {
            let frame = framing.encode(&section.name, &section.sample).unwrap();
            let sniffed = sniffing.sniff(&frame).unwrap();
            assert_eq!(
                (sniffed.index, sniffed.framing.as_str()),
                (index, framing.describe().as_str()),
                "{} framed by {} was taken for another framing",
                section.name,
                framing.describe()
            );
            assert!(sniffed.known_name);
            assert_eq!(sniffed.decoded.wire_name, section.name);
            assert_eq!(sniffed.decoded.body, section.sample);
        }
    }
    // As a framing, sniffing decodes what any candidate encodes.
    let frame = builtin_candidates()[27]
        .encode("RequestPing", &seed::sample(Kind::Request, "RequestPing"))
        .unwrap();
    let request = decode_request(&sniffing, &frame).unwrap();
    assert_eq!(request.wire_name(), "RequestPing");
}

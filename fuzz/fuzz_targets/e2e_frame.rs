//! e2e-ws-messenger: arbitrary bytes as a WebSocket frame, through every built-in framing and
//! sniffing, then typed decoding. Nothing may panic; whatever decodes must re-encode and decode
//! to the same thing.

#![no_main]

use e2e_ws_messenger::codec::{decode_inbound, decode_request, encode_inbound, encode_request};
use e2e_ws_messenger::framing::{Framing, Sniffing, WsFrame, builtin_candidates};
use libfuzzer_sys::fuzz_target;
use std::sync::LazyLock;

static CANDIDATES: LazyLock<Vec<Box<dyn Framing>>> = LazyLock::new(builtin_candidates);
static SNIFFING: LazyLock<Sniffing> = LazyLock::new(Sniffing::new);

fn check(framing: &dyn Framing, frame: &WsFrame) {
    let Ok(decoded) = framing.decode(frame) else {
        return;
    };
    // Framing round trip.
    let again = framing
        .encode(&decoded.wire_name, &decoded.body)
        .expect("a decoded frame re-encodes");
    assert_eq!(framing.decode(&again).expect("re-decodes"), decoded);
    // Typed round trip, both sides.
    if let Ok(inbound) = decode_inbound(framing, frame) {
        let frame = encode_inbound(framing, &inbound).expect("inbound re-encodes");
        assert_eq!(
            decode_inbound(framing, &frame).expect("inbound re-decodes"),
            inbound
        );
    }
    if let Ok(request) = decode_request(framing, frame) {
        let _ = request.validate();
        let frame = encode_request(framing, &request).expect("request re-encodes");
        assert_eq!(
            decode_request(framing, &frame).expect("request re-decodes"),
            request
        );
    }
}

fuzz_target!(|data: &[u8]| {
    let mut frames = vec![WsFrame::binary(data.to_vec())];
    if let Ok(text) = std::str::from_utf8(data) {
        frames.push(WsFrame::Text(text.to_owned().into()));
    }
    for frame in &frames {
        for framing in CANDIDATES.iter() {
            check(framing.as_ref(), frame);
        }
        if let Ok(sniffed) = SNIFFING.sniff(frame) {
            let chosen = &CANDIDATES[sniffed.index];
            assert_eq!(
                chosen.decode(frame).expect("the sniffed candidate decodes"),
                sniffed.decoded
            );
        }
    }
});

//! SaltyRTC decoding: arbitrary bytes as a SaltyRTC message payload, as a nonce, and as a
//! sequence of frames fed to the initiator and responder state machines.
//!
//! Nothing may panic. A message that decodes must encode and decode to the same message.
//! The state machines must answer every frame with actions (or nothing), never a panic; once
//! closed they stay closed.

#![no_main]

use libfuzzer_sys::fuzz_target;
use threema_arp::qr::AuthToken;
use threema_arp::saltyrtc::{InitiatorConfig, KeyPair, Message, Nonce, ResponderConfig, Signaling};
use tokio::time::Instant;

fuzz_target!(|data: &[u8]| {
    if let Ok(message) = Message::decode(data) {
        let encoded = message
            .encode()
            .unwrap_or_else(|error| panic!("a decoded message must encode: {error}"));
        let again = Message::decode(&encoded)
            .unwrap_or_else(|error| panic!("a re-encoded message must decode: {error}"));
        assert_eq!(message, again);
    }
    if let Some(nonce) = Nonce::parse(data) {
        assert_eq!(Nonce::parse(&nonce.to_bytes()), Some(nonce));
    }

    // Frames: a length byte, then that many bytes, repeated.
    let Some((&selector, mut rest)) = data.split_first() else {
        return;
    };
    let key = KeyPair::generate();
    let peer = KeyPair::generate();
    let signaling = if selector & 1 == 0 {
        Signaling::initiator(InitiatorConfig::with_token(key, AuthToken::generate()))
    } else {
        Signaling::responder(ResponderConfig::new(key, *peer.public_key(), None))
    };
    let Ok(mut signaling) = signaling else {
        return;
    };
    let now = Instant::now();
    while let Some((&len, tail)) = rest.split_first() {
        let len = usize::from(len).min(tail.len());
        let (frame, tail) = tail.split_at(len);
        let _ = signaling.handle_frame(frame, now);
        let _ = signaling.handle_timeout(now);
        rest = tail;
    }
});

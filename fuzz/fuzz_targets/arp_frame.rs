//! Frame decoder: arbitrary bytes as an incoming ARP frame, in both directions.
//!
//! Decoding must never panic. A frame that decodes must encode again, and encoding is
//! stable after one decode: `encode(decode(encode(frame))) == encode(frame)` (compared as
//! bytes, so that NaN floats do not count as a difference).

#![no_main]

use libfuzzer_sys::fuzz_target;
use threema_arp::codec::{EncodeOptions, Envelope};
use threema_arp::{Direction, Frame};

fuzz_target!(|data: &[u8]| {
    // The envelope alone (what the connection layer looks at first).
    let _ = Envelope::decode(data);
    for direction in [Direction::ToApp, Direction::FromApp] {
        let Ok(frame) = Frame::decode(data, direction) else {
            continue;
        };
        let options = EncodeOptions::modern();
        let Ok(encoded) = frame.encode_with(&options) else {
            // Encoding may refuse what it cannot write (never panic); nothing to compare.
            continue;
        };
        let again = Frame::decode(&encoded, direction).unwrap_or_else(|error| {
            panic!("a re-encoded {direction:?} frame must decode: {error}")
        });
        let encoded_again = again
            .encode_with(&options)
            .unwrap_or_else(|error| panic!("a decoded frame must encode again: {error}"));
        assert_eq!(
            encoded, encoded_again,
            "encoding is not stable for {frame:?}"
        );
        // The legacy encodings must not panic either.
        let _ = frame.encode_with(&EncodeOptions::android());
        let _ = frame.encode_with(&EncodeOptions::default());
    }
});

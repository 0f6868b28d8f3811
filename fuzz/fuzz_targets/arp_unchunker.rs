//! Unchunker: arbitrary chunks (unreliable/unordered and reliable/ordered mode).
//!
//! The input is split into chunks by a length prefix (one byte per chunk). Pushing must never
//! panic, the memory limits must hold after every chunk, every reassembled message must
//! respect the size limit, and garbage collection must free everything.

#![no_main]

use libfuzzer_sys::fuzz_target;
use std::time::Duration;
use threema_arp::chunking::{ReliableUnchunker, Unchunker, UnchunkerConfig};

/// Small limits, so that the fuzzer reaches the eviction paths.
const MAX_MESSAGE_SIZE: usize = 4096;
const MAX_INCOMPLETE_MESSAGES: usize = 4;
const MAX_BUFFERED_BYTES: usize = 2048;

fuzz_target!(|data: &[u8]| {
    let mut config = UnchunkerConfig::new();
    config.max_message_size = MAX_MESSAGE_SIZE;
    config.max_incomplete_messages = MAX_INCOMPLETE_MESSAGES;
    config.max_buffered_bytes = MAX_BUFFERED_BYTES;
    let mut unchunker = Unchunker::new(config);
    let mut reliable = ReliableUnchunker::new(MAX_MESSAGE_SIZE);

    let mut rest = data;
    while let Some((&len, tail)) = rest.split_first() {
        let len = usize::from(len).min(tail.len());
        let (chunk, tail) = tail.split_at(len);
        rest = tail;
        if let Ok(Some(message)) = unchunker.push(chunk) {
            assert!(message.len() <= MAX_MESSAGE_SIZE);
        }
        assert!(unchunker.incomplete_messages() <= MAX_INCOMPLETE_MESSAGES);
        // One message alone may exceed the buffer limit (the others are dropped for it), but
        // never the message size limit.
        assert!(unchunker.buffered_bytes() <= MAX_BUFFERED_BYTES.max(MAX_MESSAGE_SIZE));
        if let Ok(Some(message)) = reliable.push(chunk) {
            assert!(message.len() <= MAX_MESSAGE_SIZE);
        }
    }
    unchunker.gc(Duration::ZERO);
    assert_eq!(unchunker.incomplete_messages(), 0);
    assert_eq!(unchunker.buffered_bytes(), 0);
});

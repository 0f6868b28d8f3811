//! Chunking properties: random messages of 0 B to 5 MiB, chunked at random sizes and
//! shuffled (with duplicates), reassemble exactly.

// Test helpers may panic: a failed expectation is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use proptest::prelude::*;
use threema_arp::chunking::{Chunker, DEFAULT_CHUNK_SIZE, Unchunker};

/// A deterministic xorshift generator, so that large inputs are cheap to make.
struct XorShift(u64);

impl XorShift {
    fn new(seed: u64) -> Self {
        Self(seed | 1)
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn bytes(&mut self, len: usize) -> Vec<u8> {
        let mut out = Vec::with_capacity(len + 8);
        while out.len() < len {
            out.extend_from_slice(&self.next().to_le_bytes());
        }
        out.truncate(len);
        out
    }

    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            items.swap(i, j);
        }
    }
}

/// Chunks `message`, shuffles the chunks, duplicates some (before the message completes:
/// duplicates of an already completed message cannot be told from a new message with a
/// reused id), feeds them to an unchunker and returns what it produced.
fn reassemble(
    message: &[u8],
    chunk_size: usize,
    message_id: u32,
    seed: u64,
    duplicates: usize,
) -> Vec<Vec<u8>> {
    let chunker = Chunker::new(chunk_size).expect("valid chunk size");
    let mut chunks: Vec<_> = chunker.chunks(message_id, message).collect();
    assert_eq!(chunks.len(), chunker.chunk_count(message.len()));
    assert!(chunks.iter().all(|chunk| chunk.len() <= chunk_size));
    let mut rng = XorShift::new(seed);
    rng.shuffle(&mut chunks);
    let last = chunks.pop().expect("at least one chunk");
    for _ in 0..duplicates.min(chunks.len()) {
        let pick = (rng.next() % chunks.len() as u64) as usize;
        let at = (rng.next() % (chunks.len() as u64 + 1)) as usize;
        chunks.insert(at, chunks[pick].clone());
    }
    chunks.push(last);
    let mut unchunker = Unchunker::default();
    let mut out = Vec::new();
    for chunk in &chunks {
        if let Some(message) = unchunker.push(chunk).expect("valid chunk") {
            out.push(message);
        }
    }
    assert_eq!(unchunker.incomplete_messages(), 0);
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn small_messages_reassemble_exactly(
        len in 0usize..8192,
        chunk_size in 10usize..4096,
        message_id: u32,
        seed: u64,
        duplicates in 0usize..4,
    ) {
        let message = XorShift::new(seed).bytes(len);
        let out = reassemble(&message, chunk_size, message_id, seed, duplicates);
        prop_assert_eq!(out, vec![message]);
    }
}

proptest! {
    // Few cases: each one is megabytes, and debug builds must stay fast.
    #![proptest_config(ProptestConfig::with_cases(6))]

    #[test]
    fn large_messages_reassemble_exactly(
        len in 0usize..=5 * 1024 * 1024,
        chunk_size in 1024usize..=256 * 1024,
        seed: u64,
    ) {
        let message = XorShift::new(seed).bytes(len);
        let out = reassemble(&message, chunk_size, 7, seed, 2);
        prop_assert_eq!(out.len(), 1);
        prop_assert!(out[0] == message, "5 MiB message differs");
    }
}

#[test]
fn five_mib_at_the_default_chunk_size() {
    let message = XorShift::new(42).bytes(5 * 1024 * 1024);
    let out = reassemble(&message, DEFAULT_CHUNK_SIZE, u32::MAX, 42, 0);
    assert_eq!(out.len(), 1);
    assert!(out[0] == message);
    assert_eq!(
        Chunker::new(DEFAULT_CHUNK_SIZE)
            .unwrap()
            .chunk_count(message.len()),
        81
    );
}

#[test]
fn interleaved_shuffled_messages_reassemble_once_each() {
    let chunker = Chunker::new(100).unwrap();
    let mut rng = XorShift::new(9);
    let messages: Vec<Vec<u8>> = (0..10).map(|i| rng.bytes(i * 337)).collect();
    let mut chunks: Vec<_> = messages
        .iter()
        .enumerate()
        .flat_map(|(id, message)| chunker.chunks(id as u32, message).collect::<Vec<_>>())
        .collect();
    rng.shuffle(&mut chunks);
    let mut unchunker = Unchunker::default();
    let mut out: Vec<Vec<u8>> = chunks
        .iter()
        .filter_map(|chunk| unchunker.push(chunk).unwrap())
        .collect();
    out.sort_by_key(Vec::len);
    assert_eq!(out, messages);
}

//! [`Unchunker`]: reassembles messages from chunks that arrive in any order.

use super::{ChunkError, ChunkHeader, END_OF_MESSAGE, Mode, check_options};
use std::collections::BTreeMap;
use std::time::Duration;
use tokio::time::Instant;

/// Limits of an [`Unchunker`], which bound its memory.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct UnchunkerConfig {
    /// The largest message accepted, in bytes. Default 128 MiB: a 100 MiB file (the
    /// Android app's limit) plus msgpack overhead.
    pub max_message_size: usize,
    /// How many incomplete messages are kept at once; when a new one would exceed this, the
    /// least recently touched one is dropped. Default 32.
    pub max_incomplete_messages: usize,
    /// How many bytes all incomplete messages may hold together; when exceeded, the least
    /// recently touched other messages are dropped. Default 256 MiB.
    pub max_buffered_bytes: usize,
}

impl Default for UnchunkerConfig {
    fn default() -> Self {
        Self {
            max_message_size: 128 * 1024 * 1024,
            max_incomplete_messages: 32,
            max_buffered_bytes: 256 * 1024 * 1024,
        }
    }
}

impl UnchunkerConfig {
    /// The defaults.
    pub fn new() -> Self {
        Self::default()
    }
}

/// An incomplete message.
#[derive(Debug)]
struct Incomplete {
    chunks: BTreeMap<u32, Vec<u8>>,
    /// The serial of the end-of-message chunk, once seen.
    end_serial: Option<u32>,
    /// The payload length of the non-final chunks, once seen.
    chunk_len: Option<usize>,
    /// The length of the final chunk, once seen.
    final_len: Option<usize>,
    bytes: usize,
    touched: Instant,
}

impl Incomplete {
    fn new() -> Self {
        Self {
            chunks: BTreeMap::new(),
            end_serial: None,
            chunk_len: None,
            final_len: None,
            bytes: 0,
            touched: Instant::now(),
        }
    }

    /// Checks a new chunk against what is known about the message.
    fn check(&self, header: ChunkHeader, len: usize) -> Result<(), &'static str> {
        let serial = header.serial;
        if let Some(end) = self.end_serial {
            if header.end_of_message && serial != end {
                return Err("a second end-of-message chunk");
            }
            if serial > end {
                return Err("serial number after the end of the message");
            }
        }
        if header.end_of_message {
            if self
                .chunks
                .keys()
                .next_back()
                .is_some_and(|max| *max > serial)
            {
                return Err("end of message before a chunk already received");
            }
            if self.chunk_len.is_some_and(|chunk_len| len > chunk_len) {
                return Err("last chunk longer than the others");
            }
        } else {
            if self.chunk_len.is_some_and(|chunk_len| len != chunk_len) {
                return Err("chunks of different lengths");
            }
            if self.final_len.is_some_and(|final_len| final_len > len) {
                return Err("last chunk longer than the others");
            }
        }
        Ok(())
    }

    /// The smallest size the message can have, given the chunks seen.
    fn size_lower_bound(&self) -> u64 {
        let Some((&last, payload)) = self.chunks.iter().next_back() else {
            return 0;
        };
        let chunk_len = self.chunk_len.unwrap_or(payload.len()) as u64;
        u64::from(last) * chunk_len + payload.len() as u64
    }

    fn is_complete(&self) -> bool {
        self.end_serial
            .is_some_and(|end| u64::from(end) + 1 == self.chunks.len() as u64)
    }

    fn assemble(self) -> Vec<u8> {
        let mut message = Vec::with_capacity(self.bytes);
        for chunk in self.chunks.into_values() {
            message.extend_from_slice(&chunk);
        }
        message
    }
}

/// Reassembles messages of the unreliable/unordered mode. Chunks of several messages may
/// interleave and arrive in any order; duplicate chunks of an incomplete message are
/// ignored. (A duplicate of a message that is already complete starts a new message with
/// that id: message ids may be reused, so completed ids are not remembered.)
///
/// Memory is bounded by [`UnchunkerConfig`]; [`Unchunker::gc`] drops messages that have
/// not progressed for a while. A chunk that contradicts its message is an error, and the
/// message is dropped.
///
/// ```
/// use threema_arp::chunking::{Chunker, Unchunker};
///
/// let chunker = Chunker::new(12)?;
/// let mut chunks: Vec<_> = chunker.chunks(42, b"hello, world").collect();
/// chunks.reverse();
/// let mut unchunker = Unchunker::default();
/// let mut out = None;
/// for chunk in &chunks {
///     out = unchunker.push(chunk)?;
/// }
/// assert_eq!(out.as_deref(), Some(&b"hello, world"[..]));
/// # Ok::<(), threema_arp::chunking::ChunkError>(())
/// ```
#[derive(Debug, Default)]
pub struct Unchunker {
    config: UnchunkerConfig,
    messages: BTreeMap<u32, Incomplete>,
    buffered: usize,
    dropped: u64,
}

impl Unchunker {
    /// An unchunker with these limits.
    pub fn new(config: UnchunkerConfig) -> Self {
        Self {
            config,
            messages: BTreeMap::new(),
            buffered: 0,
            dropped: 0,
        }
    }

    /// The limits.
    pub fn config(&self) -> &UnchunkerConfig {
        &self.config
    }

    /// Adds a chunk; returns the message it completes, if any.
    pub fn push(&mut self, chunk: &[u8]) -> Result<Option<Vec<u8>>, ChunkError> {
        let (header, payload) = ChunkHeader::parse(chunk)?;
        let ChunkHeader {
            message_id,
            serial,
            end_of_message,
        } = header;
        if payload.is_empty() && !(end_of_message && serial == 0) {
            self.remove(message_id);
            return Err(ChunkError::Empty { message_id, serial });
        }

        // Fast path: a message in a single chunk.
        if end_of_message && serial == 0 && !self.messages.contains_key(&message_id) {
            self.check_size(message_id, payload.len() as u64)?;
            return Ok(Some(payload.to_vec()));
        }

        if !self.messages.contains_key(&message_id) {
            self.make_room_for_message();
        }
        let message = self
            .messages
            .entry(message_id)
            .or_insert_with(Incomplete::new);
        if message.chunks.contains_key(&serial) {
            message.touched = Instant::now();
            return Ok(None);
        }
        if let Err(reason) = message.check(header, payload.len()) {
            self.remove(message_id);
            return Err(ChunkError::Inconsistent {
                message_id,
                serial,
                reason,
            });
        }
        message.chunks.insert(serial, payload.to_vec());
        message.bytes += payload.len();
        message.touched = Instant::now();
        if end_of_message {
            message.end_serial = Some(serial);
            message.final_len = Some(payload.len());
        } else {
            message.chunk_len = Some(payload.len());
        }
        self.buffered += payload.len();
        let size = message.size_lower_bound();
        let complete = message.is_complete();
        self.check_size(message_id, size)?;
        if complete {
            return Ok(self.remove(message_id).map(Incomplete::assemble));
        }
        self.enforce_buffer_limit(message_id);
        Ok(None)
    }

    /// Drops incomplete messages that received no chunk for `max_age`; returns how many.
    pub fn gc(&mut self, max_age: Duration) -> usize {
        let now = Instant::now();
        let stale: Vec<u32> = self
            .messages
            .iter()
            .filter(|(_, message)| now.saturating_duration_since(message.touched) >= max_age)
            .map(|(id, _)| *id)
            .collect();
        for id in &stale {
            self.remove(*id);
            self.dropped += 1;
        }
        stale.len()
    }

    /// Drops every incomplete message.
    pub fn clear(&mut self) {
        self.messages.clear();
        self.buffered = 0;
    }

    /// The number of incomplete messages kept.
    pub fn incomplete_messages(&self) -> usize {
        self.messages.len()
    }

    /// The payload bytes held by incomplete messages.
    pub fn buffered_bytes(&self) -> usize {
        self.buffered
    }

    /// How many incomplete messages were dropped to respect the limits or by [`gc`](Self::gc).
    pub fn dropped_messages(&self) -> u64 {
        self.dropped
    }

    fn check_size(&mut self, message_id: u32, size: u64) -> Result<(), ChunkError> {
        if size > self.config.max_message_size as u64 {
            self.remove(message_id);
            return Err(ChunkError::MessageTooLarge {
                message_id,
                size,
                limit: self.config.max_message_size,
            });
        }
        Ok(())
    }

    fn remove(&mut self, message_id: u32) -> Option<Incomplete> {
        let message = self.messages.remove(&message_id)?;
        self.buffered = self.buffered.saturating_sub(message.bytes);
        Some(message)
    }

    /// The least recently touched message other than `keep`.
    fn oldest_except(&self, keep: Option<u32>) -> Option<u32> {
        self.messages
            .iter()
            .filter(|(id, _)| Some(**id) != keep)
            .min_by_key(|(_, message)| message.touched)
            .map(|(id, _)| *id)
    }

    fn make_room_for_message(&mut self) {
        while self.messages.len() >= self.config.max_incomplete_messages.max(1) {
            let Some(oldest) = self.oldest_except(None) else {
                break;
            };
            self.remove(oldest);
            self.dropped += 1;
        }
    }

    fn enforce_buffer_limit(&mut self, current: u32) {
        while self.buffered > self.config.max_buffered_bytes {
            let Some(oldest) = self.oldest_except(Some(current)) else {
                break;
            };
            self.remove(oldest);
            self.dropped += 1;
        }
    }
}

/// Reassembles messages of the reliable/ordered mode (1-byte header; chunks in order,
/// messages not interleaved). ARP does not use this mode.
#[derive(Debug, Default)]
pub struct ReliableUnchunker {
    buffer: Vec<u8>,
    max_message_size: Option<usize>,
}

impl ReliableUnchunker {
    /// An unchunker that rejects messages larger than `max_message_size`.
    pub fn new(max_message_size: usize) -> Self {
        Self {
            buffer: Vec::new(),
            max_message_size: Some(max_message_size),
        }
    }

    /// Adds a chunk; returns the message it completes, if any.
    pub fn push(&mut self, chunk: &[u8]) -> Result<Option<Vec<u8>>, ChunkError> {
        let (&options, payload) = chunk
            .split_first()
            .ok_or(ChunkError::TooShort { len: 0, needed: 1 })?;
        check_options(options, Mode::ReliableOrdered)?;
        self.buffer.extend_from_slice(payload);
        if let Some(limit) = self
            .max_message_size
            .filter(|limit| self.buffer.len() > *limit)
        {
            let size = self.buffer.len() as u64;
            self.buffer.clear();
            return Err(ChunkError::MessageTooLarge {
                message_id: 0,
                size,
                limit,
            });
        }
        if options & END_OF_MESSAGE != 0 {
            return Ok(Some(std::mem::take(&mut self.buffer)));
        }
        Ok(None)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chunking::Chunker;

    fn chunk(end: bool, id: u32, serial: u32, payload: &[u8]) -> Vec<u8> {
        let header = ChunkHeader {
            end_of_message: end,
            message_id: id,
            serial,
        };
        [&header.to_bytes()[..], payload].concat()
    }

    /// The three chunks of the `Chunking.md` example, in every order.
    #[test]
    fn spec_vector_reassembles_in_any_order() {
        let chunks: Vec<_> = Chunker::new(12)
            .unwrap()
            .chunks(42, &[1, 2, 3, 4, 5, 6, 7, 8])
            .collect();
        for order in [[0, 1, 2], [2, 1, 0], [1, 2, 0], [2, 0, 1]] {
            let mut unchunker = Unchunker::default();
            assert_eq!(unchunker.push(&chunks[order[0]]).unwrap(), None);
            assert_eq!(unchunker.push(&chunks[order[1]]).unwrap(), None);
            assert_eq!(
                unchunker.push(&chunks[order[2]]).unwrap(),
                Some(vec![1, 2, 3, 4, 5, 6, 7, 8])
            );
            assert_eq!(unchunker.incomplete_messages(), 0);
            assert_eq!(unchunker.buffered_bytes(), 0);
        }
    }

    #[test]
    fn spec_vector_reliable_ordered() {
        let mut unchunker = ReliableUnchunker::default();
        assert_eq!(unchunker.push(&[0x06, 1, 2, 3, 4, 5]).unwrap(), None);
        assert_eq!(
            unchunker.push(&[0x07, 6, 7, 8]).unwrap(),
            Some(vec![1, 2, 3, 4, 5, 6, 7, 8])
        );
        assert!(matches!(
            unchunker.push(&[0x01, 1]),
            Err(ChunkError::WrongMode { .. })
        ));
        let mut small = ReliableUnchunker::new(3);
        assert!(matches!(
            small.push(&[0x06, 1, 2, 3, 4]),
            Err(ChunkError::MessageTooLarge { .. })
        ));
    }

    #[test]
    fn interleaved_messages_and_duplicates() {
        let mut unchunker = Unchunker::default();
        assert_eq!(unchunker.push(&chunk(false, 1, 0, b"ab")).unwrap(), None);
        assert_eq!(unchunker.push(&chunk(false, 2, 0, b"xy")).unwrap(), None);
        assert_eq!(unchunker.push(&chunk(false, 1, 0, b"ab")).unwrap(), None);
        assert_eq!(
            unchunker.push(&chunk(true, 2, 1, b"z")).unwrap(),
            Some(b"xyz".to_vec())
        );
        assert_eq!(
            unchunker.push(&chunk(true, 1, 1, b"c")).unwrap(),
            Some(b"abc".to_vec())
        );
        assert_eq!(
            unchunker.push(&chunk(true, 3, 0, b"")).unwrap(),
            Some(vec![])
        );
    }

    #[test]
    fn inconsistent_chunks_drop_their_message() {
        let cases: [(&[Vec<u8>], &str); 5] = [
            (
                &[chunk(false, 1, 0, b"ab"), chunk(false, 1, 1, b"abc")],
                "chunks of different lengths",
            ),
            (
                &[chunk(true, 1, 1, b"a"), chunk(true, 1, 2, b"a")],
                "a second end-of-message chunk",
            ),
            (
                &[chunk(true, 1, 1, b"a"), chunk(false, 1, 5, b"a")],
                "serial number after the end of the message",
            ),
            (
                &[chunk(false, 1, 4, b"ab"), chunk(true, 1, 2, b"a")],
                "end of message before a chunk already received",
            ),
            (
                &[chunk(false, 1, 0, b"ab"), chunk(true, 1, 1, b"abc")],
                "last chunk longer than the others",
            ),
        ];
        for (chunks, expected) in cases {
            let mut unchunker = Unchunker::default();
            assert_eq!(unchunker.push(&chunks[0]).unwrap(), None);
            match unchunker.push(&chunks[1]) {
                Err(ChunkError::Inconsistent { reason, .. }) => assert_eq!(reason, expected),
                other => panic!("expected {expected}, got {other:?}"),
            }
            assert_eq!(unchunker.incomplete_messages(), 0);
        }
        let mut unchunker = Unchunker::default();
        assert_eq!(
            unchunker.push(&chunk(false, 9, 0, b"")).unwrap_err(),
            ChunkError::Empty {
                message_id: 9,
                serial: 0
            }
        );
    }

    #[test]
    fn size_limit_rejects_early() {
        let mut config = UnchunkerConfig::new();
        config.max_message_size = 10;
        let mut unchunker = Unchunker::new(config);
        // Serial 5 of 4-byte chunks: at least 24 bytes.
        assert_eq!(
            unchunker.push(&chunk(false, 1, 5, b"abcd")).unwrap_err(),
            ChunkError::MessageTooLarge {
                message_id: 1,
                size: 24,
                limit: 10
            }
        );
        assert_eq!(unchunker.incomplete_messages(), 0);
        assert!(unchunker.push(&chunk(true, 2, 0, &[0; 11])).is_err());
        assert_eq!(
            unchunker.push(&chunk(true, 2, 0, &[0; 10])).unwrap(),
            Some(vec![0; 10])
        );
    }

    #[tokio::test(start_paused = true)]
    async fn memory_limits_evict_the_oldest_and_gc_drops_stale_messages() {
        let mut config = UnchunkerConfig::new();
        config.max_incomplete_messages = 2;
        config.max_buffered_bytes = 5;
        let mut unchunker = Unchunker::new(config);
        unchunker.push(&chunk(false, 1, 0, b"ab")).unwrap();
        tokio::time::advance(Duration::from_secs(1)).await;
        unchunker.push(&chunk(false, 2, 0, b"cd")).unwrap();
        tokio::time::advance(Duration::from_secs(1)).await;
        unchunker.push(&chunk(false, 3, 0, b"ef")).unwrap();
        assert_eq!(unchunker.incomplete_messages(), 2, "message 1 was evicted");
        assert_eq!(unchunker.dropped_messages(), 1);
        unchunker.push(&chunk(false, 3, 1, b"gh")).unwrap();
        assert_eq!(
            unchunker.buffered_bytes(),
            4,
            "message 2 was evicted for bytes"
        );
        tokio::time::advance(Duration::from_secs(30)).await;
        assert_eq!(unchunker.gc(Duration::from_secs(30)), 1);
        assert_eq!(unchunker.incomplete_messages(), 0);
        assert_eq!(unchunker.buffered_bytes(), 0);
    }
}

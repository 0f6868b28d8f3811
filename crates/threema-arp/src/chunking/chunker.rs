//! [`Chunker`]: splits a message into chunks.

use super::{ChunkError, ChunkHeader, END_OF_MESSAGE, MODE_RELIABLE_ORDERED, Mode};
use bytes::{BufMut, Bytes, BytesMut};

/// Splits messages into chunks of at most `chunk_size` bytes, header included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Chunker {
    chunk_size: usize,
    mode: Mode,
}

impl Chunker {
    /// An unreliable/unordered chunker (what ARP uses). `chunk_size` must leave room for the
    /// 9-byte header and at least one byte of data.
    pub fn new(chunk_size: usize) -> Result<Self, ChunkError> {
        Self::with_mode(chunk_size, Mode::UnreliableUnordered)
    }

    /// A chunker for either mode.
    pub fn with_mode(chunk_size: usize, mode: Mode) -> Result<Self, ChunkError> {
        let min = mode.header_len() + 1;
        if chunk_size < min {
            return Err(ChunkError::ChunkSizeTooSmall { chunk_size, min });
        }
        Ok(Self { chunk_size, mode })
    }

    /// The chunk size, header included.
    pub fn chunk_size(&self) -> usize {
        self.chunk_size
    }

    /// The mode.
    pub fn mode(&self) -> Mode {
        self.mode
    }

    /// The payload bytes per full chunk.
    pub fn payload_size(&self) -> usize {
        self.chunk_size - self.mode.header_len()
    }

    /// How many chunks a message of `len` bytes takes (an empty message takes one chunk
    /// that carries only the header).
    pub fn chunk_count(&self, len: usize) -> usize {
        len.div_ceil(self.payload_size()).max(1)
    }

    /// The chunks of `data` as message `message_id` (ignored in reliable/ordered mode).
    ///
    /// An empty message becomes one header-only chunk with the end-of-message flag: the
    /// spec requires at least one byte of data per chunk but does not say how to send an
    /// empty message (ARP never sends one).
    pub fn chunks<'a>(&self, message_id: u32, data: &'a [u8]) -> Chunks<'a> {
        Chunks {
            chunker: *self,
            message_id,
            data,
            serial: 0,
            done: false,
        }
    }
}

/// The iterator returned by [`Chunker::chunks`].
#[derive(Debug, Clone)]
pub struct Chunks<'a> {
    chunker: Chunker,
    message_id: u32,
    data: &'a [u8],
    serial: u32,
    done: bool,
}

impl Iterator for Chunks<'_> {
    type Item = Bytes;

    fn next(&mut self) -> Option<Bytes> {
        if self.done {
            return None;
        }
        let take = self.data.len().min(self.chunker.payload_size());
        let (payload, rest) = self.data.split_at(take);
        let end_of_message = rest.is_empty();
        let mut chunk = BytesMut::with_capacity(self.chunker.mode.header_len() + take);
        match self.chunker.mode {
            Mode::UnreliableUnordered => chunk.put_slice(
                &ChunkHeader {
                    end_of_message,
                    message_id: self.message_id,
                    serial: self.serial,
                }
                .to_bytes(),
            ),
            Mode::ReliableOrdered => chunk
                .put_u8(MODE_RELIABLE_ORDERED | if end_of_message { END_OF_MESSAGE } else { 0 }),
        }
        chunk.put_slice(payload);
        self.data = rest;
        self.serial = self.serial.wrapping_add(1);
        self.done = end_of_message;
        Some(chunk.freeze())
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let left = if self.done {
            0
        } else {
            self.chunker.chunk_count(self.data.len())
        };
        (left, Some(left))
    }
}

impl ExactSizeIterator for Chunks<'_> {}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(chunks: Chunks<'_>) -> Vec<String> {
        chunks
            .map(|chunk| chunk.iter().map(|b| format!("{b:02x}")).collect())
            .collect()
    }

    /// `Chunking.md`, "Unreliable/Unordered Mode": bytes 1..=8, chunk size 12, message 42.
    #[test]
    fn spec_vector_unreliable_unordered() {
        let chunker = Chunker::new(12).unwrap();
        let chunks = chunker.chunks(42, &[1, 2, 3, 4, 5, 6, 7, 8]);
        assert_eq!(chunks.len(), 3);
        assert_eq!(
            hex(chunks),
            [
                "000000002a00000000010203",
                "000000002a00000001040506",
                "010000002a000000020708",
            ]
        );
    }

    /// `Chunking.md`, "Reliable/Ordered Mode": bytes 1..=8, chunk size 6.
    #[test]
    fn spec_vector_reliable_ordered() {
        let chunker = Chunker::with_mode(6, Mode::ReliableOrdered).unwrap();
        assert_eq!(
            hex(chunker.chunks(0, &[1, 2, 3, 4, 5, 6, 7, 8])),
            ["060102030405", "07060708"]
        );
    }

    #[test]
    fn exact_multiples_empty_messages_and_size_limits() {
        let chunker = Chunker::new(12).unwrap();
        let chunks: Vec<_> = chunker.chunks(1, &[9; 6]).collect();
        assert_eq!(chunks.len(), 2);
        assert_eq!(chunks[1][0], 1, "the last full chunk carries the end flag");
        let empty: Vec<_> = chunker.chunks(5, &[]).collect();
        assert_eq!(empty, [Bytes::from_static(&[1, 0, 0, 0, 5, 0, 0, 0, 0])]);
        assert_eq!(
            Chunker::new(9).unwrap_err(),
            ChunkError::ChunkSizeTooSmall {
                chunk_size: 9,
                min: 10
            }
        );
        assert!(Chunker::with_mode(2, Mode::ReliableOrdered).is_ok());
        assert_eq!(
            Chunker::new(super::super::DEFAULT_CHUNK_SIZE)
                .unwrap()
                .payload_size(),
            65_527
        );
    }
}

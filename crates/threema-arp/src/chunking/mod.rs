//! SaltyRTC chunking (`Chunking.md` v1.1): splitting one ARP message into chunks and
//! reassembling it.
//!
//! ARP uses the **unreliable/unordered** mode in both SaltyRTC tasks: every chunk starts with
//! a 9-byte header, the options byte (`0x00`, or `0x01` on the last chunk of a message), the
//! message id (u32, big-endian) and the serial number (u32, big-endian, from 0). Over the
//! relayed-data task the chunk size, header included, is 64 KiB ([`DEFAULT_CHUNK_SIZE`]).
//! The reliable/ordered mode (1-byte header) is implemented too, for completeness.

mod chunker;
mod unchunker;

pub use chunker::{Chunker, Chunks};
pub use unchunker::{ReliableUnchunker, Unchunker, UnchunkerConfig};

/// The length of the unreliable/unordered chunk header.
pub const HEADER_LEN: usize = 9;

/// The chunk size (header included) ARP uses over the relayed-data task.
pub const DEFAULT_CHUNK_SIZE: usize = 64 * 1024;

/// Options bit: this is the last chunk of its message.
const END_OF_MESSAGE: u8 = 0b0000_0001;
/// Options bits: the mode.
const MODE_MASK: u8 = 0b0000_0110;
/// Mode bits of the reliable/ordered mode.
const MODE_RELIABLE_ORDERED: u8 = 0b0000_0110;
/// Reserved options bits, which must be 0.
const RESERVED_MASK: u8 = 0b1111_1000;

/// The chunking mode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// 9-byte header; chunks may arrive in any order (what ARP uses).
    UnreliableUnordered,
    /// 1-byte header; chunks arrive in order and messages are not interleaved.
    ReliableOrdered,
}

impl Mode {
    /// The header length of the mode.
    pub fn header_len(self) -> usize {
        match self {
            Self::UnreliableUnordered => HEADER_LEN,
            Self::ReliableOrdered => 1,
        }
    }
}

/// The parsed header of an unreliable/unordered chunk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChunkHeader {
    /// True on the last chunk of a message.
    pub end_of_message: bool,
    /// The message id.
    pub message_id: u32,
    /// The serial number of the chunk within its message.
    pub serial: u32,
}

impl ChunkHeader {
    /// Parses the header of an unreliable/unordered chunk and returns it with the payload.
    pub fn parse(chunk: &[u8]) -> Result<(Self, &[u8]), ChunkError> {
        let (header, payload) =
            chunk
                .split_first_chunk::<HEADER_LEN>()
                .ok_or(ChunkError::TooShort {
                    len: chunk.len(),
                    needed: HEADER_LEN,
                })?;
        let [options, i0, i1, i2, i3, s0, s1, s2, s3] = *header;
        check_options(options, Mode::UnreliableUnordered)?;
        Ok((
            Self {
                end_of_message: options & END_OF_MESSAGE != 0,
                message_id: u32::from_be_bytes([i0, i1, i2, i3]),
                serial: u32::from_be_bytes([s0, s1, s2, s3]),
            },
            payload,
        ))
    }

    /// Writes the header.
    pub fn to_bytes(self) -> [u8; HEADER_LEN] {
        let [i0, i1, i2, i3] = self.message_id.to_be_bytes();
        let [s0, s1, s2, s3] = self.serial.to_be_bytes();
        [
            u8::from(self.end_of_message),
            i0,
            i1,
            i2,
            i3,
            s0,
            s1,
            s2,
            s3,
        ]
    }
}

/// Checks the options byte: reserved bits 0, and the expected mode.
fn check_options(options: u8, mode: Mode) -> Result<(), ChunkError> {
    if options & RESERVED_MASK != 0 {
        return Err(ChunkError::ReservedBits { options });
    }
    let expected = match mode {
        Mode::UnreliableUnordered => 0,
        Mode::ReliableOrdered => MODE_RELIABLE_ORDERED,
    };
    if options & MODE_MASK != expected {
        return Err(ChunkError::WrongMode { options });
    }
    Ok(())
}

/// Why a chunk could not be made or taken apart.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ChunkError {
    /// The chunk size cannot hold a header and one byte of data.
    #[error("chunk size {chunk_size} is too small: at least {min} bytes are needed")]
    ChunkSizeTooSmall {
        /// The configured chunk size.
        chunk_size: usize,
        /// The smallest possible chunk size for the mode.
        min: usize,
    },
    /// The chunk is shorter than its header.
    #[error("chunk of {len} bytes is shorter than the {needed}-byte header")]
    TooShort {
        /// The chunk length.
        len: usize,
        /// The header length.
        needed: usize,
    },
    /// Reserved bits of the options byte are set.
    #[error("chunk options {options:#010b} set reserved bits")]
    ReservedBits {
        /// The options byte.
        options: u8,
    },
    /// The chunk's mode bits do not match the unchunker's mode.
    #[error("chunk options {options:#010b} name a different chunking mode")]
    WrongMode {
        /// The options byte.
        options: u8,
    },
    /// A chunk without data that is not the only chunk of an empty message.
    #[error("chunk {serial} of message {message_id} carries no data")]
    Empty {
        /// The message id.
        message_id: u32,
        /// The serial number.
        serial: u32,
    },
    /// The message exceeds the configured maximum size.
    #[error("message {message_id} is at least {size} bytes, more than the limit of {limit}")]
    MessageTooLarge {
        /// The message id.
        message_id: u32,
        /// The (lower bound of the) message size.
        size: u64,
        /// The limit.
        limit: usize,
    },
    /// The chunks of a message contradict each other.
    #[error("chunk {serial} of message {message_id} is inconsistent: {reason}")]
    Inconsistent {
        /// The message id.
        message_id: u32,
        /// The serial number.
        serial: u32,
        /// What is wrong.
        reason: &'static str,
    },
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_round_trips_and_rejects_bad_options() {
        let header = ChunkHeader {
            end_of_message: true,
            message_id: 42,
            serial: 7,
        };
        let bytes = header.to_bytes();
        assert_eq!(bytes, [1, 0, 0, 0, 42, 0, 0, 0, 7]);
        let mut chunk = bytes.to_vec();
        chunk.push(0xaa);
        assert_eq!(ChunkHeader::parse(&chunk).unwrap(), (header, &[0xaa][..]));
        assert_eq!(
            ChunkHeader::parse(&[0; 8]).unwrap_err(),
            ChunkError::TooShort { len: 8, needed: 9 }
        );
        assert!(matches!(
            ChunkHeader::parse(&[0x80, 0, 0, 0, 0, 0, 0, 0, 0, 1]),
            Err(ChunkError::ReservedBits { .. })
        ));
        assert!(matches!(
            ChunkHeader::parse(&[0x06, 0, 0, 0, 0, 0, 0, 0, 0, 1]),
            Err(ChunkError::WrongMode { .. })
        ));
    }
}

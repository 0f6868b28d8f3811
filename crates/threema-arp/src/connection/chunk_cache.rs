//! [`ChunkCache`]: outgoing chunks kept until the peer acknowledges them (spec concept
//! `chunkCache`).

use super::{ProtocolError, SequenceNumber};
use bytes::Bytes;
use std::collections::VecDeque;

/// The outgoing chunks of one connection that the peer has not acknowledged yet, together
/// with the connection's outgoing [`SequenceNumber`].
///
/// Every outgoing chunk is appended, whether the connection is up or not. Chunks of
/// blacklisted messages are kept as placeholders (`None`), so that the count stays in sync
/// with the peer's incoming sequence number.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ChunkCache {
    sequence_number: SequenceNumber,
    chunks: VecDeque<Option<Bytes>>,
    byte_len: usize,
}

/// The result of [`ChunkCache::prune`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Pruned {
    /// Entries removed by this acknowledgement.
    pub acknowledged: usize,
    /// Entries left in the cache.
    pub left: usize,
}

impl ChunkCache {
    /// An empty cache at sequence number 0.
    pub fn new() -> Self {
        Self::default()
    }

    /// The outgoing sequence number: how many chunks were appended in total.
    pub fn sequence_number(&self) -> u32 {
        self.sequence_number.get()
    }

    /// The number of cached entries, placeholders included.
    pub fn len(&self) -> usize {
        self.chunks.len()
    }

    /// True if nothing is cached.
    pub fn is_empty(&self) -> bool {
        self.chunks.is_empty()
    }

    /// The bytes of the cached (retransmittable) chunks.
    pub fn byte_len(&self) -> usize {
        self.byte_len
    }

    /// Appends a chunk (`None`: a placeholder for a blacklisted chunk) and returns its
    /// sequence number.
    pub fn append(&mut self, chunk: Option<Bytes>) -> Result<u32, ProtocolError> {
        let number = self.sequence_number.increment("outgoing")?;
        if let Some(chunk) = &chunk {
            self.byte_len += chunk.len();
        }
        self.chunks.push_back(chunk);
        Ok(number)
    }

    /// Drops the chunks the peer has received: `theirs` is the peer's incoming sequence
    /// number (`update/connectionAck` or `connectionInfo.resume.sequenceNumber`).
    ///
    /// Acknowledging more chunks than were sent, or fewer than were already acknowledged,
    /// is a protocol error; the cache is unchanged then.
    pub fn prune(&mut self, theirs: u32) -> Result<Pruned, ProtocolError> {
        let ours = self.sequence_number.get();
        if theirs > ours {
            return Err(ProtocolError::AckFromTheFuture {
                acknowledged: theirs,
                sent: ours,
            });
        }
        let unacknowledged = (ours - theirs) as usize;
        if unacknowledged > self.chunks.len() {
            return Err(ProtocolError::AckFromThePast {
                acknowledged: theirs,
                already: ours.saturating_sub(u32::try_from(self.chunks.len()).unwrap_or(ours)),
            });
        }
        let acknowledged = self.chunks.len() - unacknowledged;
        for chunk in self.chunks.drain(..acknowledged).flatten() {
            self.byte_len -= chunk.len();
        }
        Ok(Pruned {
            acknowledged,
            left: self.chunks.len(),
        })
    }

    /// Moves the retransmittable chunks of `previous` (a pruned cache of an earlier
    /// connection) to the end of this cache, renumbering them after this cache's sequence
    /// number. Placeholders are dropped. Returns the moved chunks, to be sent in order.
    pub fn transfer(&mut self, previous: ChunkCache) -> Result<Vec<Bytes>, ProtocolError> {
        let mut moved = Vec::new();
        for chunk in previous.chunks.into_iter().flatten() {
            self.append(Some(chunk.clone()))?;
            moved.push(chunk);
        }
        Ok(moved)
    }

    /// The cached entries with their sequence numbers, oldest first.
    pub fn entries(&self) -> impl Iterator<Item = (u32, Option<&Bytes>)> + '_ {
        let first = self
            .sequence_number
            .get()
            .wrapping_sub(self.chunks.len() as u32)
            .wrapping_add(1);
        self.chunks
            .iter()
            .enumerate()
            .map(move |(i, chunk)| (first.wrapping_add(i as u32), chunk.as_ref()))
    }

    /// The number of retransmittable (non-placeholder) chunks.
    pub fn retransmittable(&self) -> usize {
        self.chunks.iter().filter(|chunk| chunk.is_some()).count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chunk(byte: u8) -> Option<Bytes> {
        Some(Bytes::from(vec![byte; 3]))
    }

    #[test]
    fn prune_keeps_the_unacknowledged_tail() {
        let mut cache = ChunkCache::new();
        for byte in 1..=5 {
            cache
                .append(if byte == 2 { None } else { chunk(byte) })
                .unwrap();
        }
        assert_eq!(cache.sequence_number(), 5);
        assert_eq!(cache.byte_len(), 12);
        assert_eq!(
            cache.prune(3).unwrap(),
            Pruned {
                acknowledged: 3,
                left: 2
            }
        );
        let entries: Vec<_> = cache
            .entries()
            .map(|(sn, c)| (sn, c.map(|c| c[0])))
            .collect();
        assert_eq!(entries, [(4, Some(4)), (5, Some(5))]);
        assert_eq!(cache.byte_len(), 6);
        // Acknowledging the same number again is fine; everything is acknowledged at 5.
        assert_eq!(cache.prune(3).unwrap().acknowledged, 0);
        assert_eq!(
            cache.prune(5).unwrap(),
            Pruned {
                acknowledged: 2,
                left: 0
            }
        );
        assert_eq!(cache.byte_len(), 0);
    }

    #[test]
    fn acks_from_the_future_or_the_past_are_errors_not_panics() {
        let mut cache = ChunkCache::new();
        cache.append(chunk(1)).unwrap();
        cache.append(chunk(2)).unwrap();
        assert_eq!(
            cache.prune(3).unwrap_err(),
            ProtocolError::AckFromTheFuture {
                acknowledged: 3,
                sent: 2
            }
        );
        cache.prune(2).unwrap();
        assert_eq!(
            cache.prune(1).unwrap_err(),
            ProtocolError::AckFromThePast {
                acknowledged: 1,
                already: 2
            }
        );
        assert_eq!(
            cache.prune(u32::MAX).unwrap_err(),
            ProtocolError::AckFromTheFuture {
                acknowledged: u32::MAX,
                sent: 2
            }
        );
    }

    /// The spec's example: cached chunks 5, 6, 7 of the previous connection, last outgoing
    /// sequence number 11 on the new one, become 12, 13, 14.
    #[test]
    fn transfer_renumbers_like_the_spec_example() {
        let mut previous = ChunkCache::new();
        for byte in 1..=7 {
            previous.append(chunk(byte)).unwrap();
        }
        previous.prune(4).unwrap();
        let mut current = ChunkCache::new();
        for _ in 0..11 {
            current.append(None).unwrap();
        }
        current.prune(11).unwrap();
        let moved = current.transfer(previous).unwrap();
        assert_eq!(moved.iter().map(|c| c[0]).collect::<Vec<_>>(), [5, 6, 7]);
        let numbers: Vec<_> = current
            .entries()
            .map(|(sn, c)| (sn, c.map(|c| c[0])))
            .collect();
        assert_eq!(numbers, [(12, Some(5)), (13, Some(6)), (14, Some(7))]);
    }

    #[test]
    fn transfer_drops_placeholders() {
        let mut previous = ChunkCache::new();
        previous.append(chunk(1)).unwrap();
        previous.append(None).unwrap();
        previous.append(chunk(3)).unwrap();
        let mut current = ChunkCache::new();
        current.append(None).unwrap();
        assert_eq!(current.transfer(previous).unwrap().len(), 2);
        assert_eq!(current.sequence_number(), 3);
        assert_eq!(current.retransmittable(), 2);
    }
}

//! [`SequenceNumber`]: a chunk counter (spec concept `sequenceNumber`).

use super::ProtocolError;

/// A u32 counter of chunks sent or received on one connection. It starts at 0, counts
/// chunks (not messages), and never wraps: overflowing it is a protocol error.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct SequenceNumber(u32);

impl SequenceNumber {
    /// A counter at zero.
    pub fn new() -> Self {
        Self(0)
    }

    /// The number of chunks counted so far.
    pub fn get(self) -> u32 {
        self.0
    }

    /// Counts one more chunk; `which` names the counter in the error.
    pub fn increment(&mut self, which: &'static str) -> Result<u32, ProtocolError> {
        self.0 = self
            .0
            .checked_add(1)
            .ok_or(ProtocolError::SequenceNumberOverflow { which })?;
        Ok(self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_and_refuses_to_wrap() {
        let mut number = SequenceNumber::new();
        assert_eq!(number.increment("outgoing").unwrap(), 1);
        assert_eq!(number.get(), 1);
        let mut full = SequenceNumber(u32::MAX);
        assert_eq!(
            full.increment("incoming").unwrap_err(),
            ProtocolError::SequenceNumberOverflow { which: "incoming" }
        );
        assert_eq!(full.get(), u32::MAX);
    }
}

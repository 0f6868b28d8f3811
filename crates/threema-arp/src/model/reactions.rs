//! [`Reactions`]: agreements and declines of a message.

use serde::{Deserialize, Serialize};

/// Who agreed to or declined a message (`Message.reactions`, sent by iOS; newer than ARP
/// 2.2.2).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Reactions {
    /// Identities that agreed.
    #[serde(default, deserialize_with = "crate::codec::nil_default")]
    pub ack: Vec<String>,
    /// Identities that declined.
    #[serde(default, deserialize_with = "crate::codec::nil_default")]
    pub dec: Vec<String>,
}

impl Reactions {
    /// No reactions.
    pub fn new() -> Self {
        Self::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::{assert_keys, round_trip};

    #[test]
    fn round_trips() {
        let mut reactions = Reactions::new();
        reactions.ack.push("ECHOECHO".into());
        assert_keys(&round_trip(&reactions), "", &["ack", "dec"]);
    }
}

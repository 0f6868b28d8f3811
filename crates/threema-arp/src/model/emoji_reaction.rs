//! [`EmojiReaction`]: one emoji reaction to a message.

use serde::{Deserialize, Serialize};

/// An emoji and who reacted with it (`Message.emojiReactions`; newer than ARP 2.2.2).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct EmojiReaction {
    /// The emoji.
    pub emoji: String,
    /// The identities that reacted.
    #[serde(default, deserialize_with = "crate::codec::nil_default")]
    pub identities: Vec<String>,
}

impl EmojiReaction {
    /// A reaction.
    pub fn new(emoji: impl Into<String>, identities: Vec<String>) -> Self {
        Self {
            emoji: emoji.into(),
            identities,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::{assert_keys, round_trip};

    #[test]
    fn round_trips() {
        let reaction = EmojiReaction::new("❤", vec!["ECHOECHO".into()]);
        assert_keys(&round_trip(&reaction), "", &["emoji", "identities"]);
    }
}

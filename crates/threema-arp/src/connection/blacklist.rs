//! The chunk cache blacklist (spec concept `chunkCacheBlacklist`).

/// Messages whose chunks are counted and cached as placeholders, but never retransmitted
/// after a session resumption.
pub const BLACKLIST: &[(&str, &str)] = &[
    ("request", "connectionAck"),
    ("update", "batteryStatus"),
    ("update", "connectionAck"),
    ("update", "connectionDisconnect"),
    ("update", "connectionInfo"),
    ("update", "typing"),
];

/// True if `type/subType` is on the chunk cache blacklist.
pub fn is_blacklisted(message_type: &str, sub_type: &str) -> bool {
    BLACKLIST
        .iter()
        .any(|(t, s)| *t == message_type && *s == sub_type)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_the_six_spec_messages() {
        assert_eq!(BLACKLIST.len(), 6);
        assert!(is_blacklisted("update", "typing"));
        assert!(is_blacklisted("request", "connectionAck"));
        assert!(!is_blacklisted("update", "messages"));
        assert!(!is_blacklisted("request", "batteryStatus"));
    }
}

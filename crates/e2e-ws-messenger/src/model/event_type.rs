//! [`EventType`]: `Message.eventType` of system (event) messages.

transport_core::open_string_enum! {
    /// What a system message (`isEvent: true`) reports. Open set; two values occur in the seed.
    pub enum EventType {
        /// `"Added"`: `eventUserId` was added to the conversation.
        Added = "Added",
        /// `"SessionKeyRegenerated"`: the conversation got a new session key.
        SessionKeyRegenerated = "SessionKeyRegenerated",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_values_and_unknown_ones() {
        let added: EventType = serde_json::from_str("\"Added\"").unwrap();
        assert_eq!(added, EventType::Added);
        assert_eq!(
            EventType::from("SessionKeyRegenerated"),
            EventType::SessionKeyRegenerated
        );
        let kicked: EventType = serde_json::from_str("\"Kicked\"").unwrap();
        assert_eq!(kicked, EventType::Other("Kicked".into()));
        assert_eq!(serde_json::to_string(&kicked).unwrap(), "\"Kicked\"");
        assert_eq!(
            EventType::SessionKeyRegenerated.to_string(),
            "SessionKeyRegenerated"
        );
    }
}

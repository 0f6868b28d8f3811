//! [`ChatType`] (`ChatTypeEnum`).

transport_core::open_int_enum! {
    /// The kind of chat (`chatType`, ChatTypeEnum). `4` is unused; unknown values are kept.
    pub enum ChatType: u32 {
        /// 0 UNDEF.
        Undefined = 0,
        /// 1 P2P: a personal chat between two users.
        P2p = 1,
        /// 2 GROUP: a group chat.
        Group = 2,
        /// 3 SYSTEM: a system chat.
        System = 3,
        /// 5 FAVORITES: the user's "Favorites" chat (5.5.2+).
        Favorites = 5,
        /// 6 CHANNEL: a channel.
        Channel = 6,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_and_unknown_values() {
        let types: Vec<ChatType> = serde_json::from_str("[0,1,2,3,4,5,6]").unwrap();
        assert_eq!(
            types,
            [
                ChatType::Undefined,
                ChatType::P2p,
                ChatType::Group,
                ChatType::System,
                ChatType::Unknown(4),
                ChatType::Favorites,
                ChatType::Channel
            ]
        );
        assert_eq!(serde_json::to_string(&types).unwrap(), "[0,1,2,3,4,5,6]");
    }
}

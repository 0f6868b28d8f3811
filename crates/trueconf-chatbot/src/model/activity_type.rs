//! [`ActivityType`] (`activityType` of `sendChatActivity`).

transport_core::open_string_enum! {
    /// What the bot is doing, shown to chat members (`activityType`).
    pub enum ActivityType {
        /// `typing`.
        Typing = "typing",
        /// `choosing_sticker`.
        ChoosingSticker = "choosing_sticker",
        /// `uploading_file`.
        UploadingFile = "uploading_file",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values() {
        let v: Vec<ActivityType> =
            serde_json::from_str(r#"["typing","choosing_sticker","uploading_file","dancing"]"#)
                .unwrap();
        assert_eq!(v[1], ActivityType::ChoosingSticker);
        assert_eq!(v[3], ActivityType::Other("dancing".into()));
        assert_eq!(v[2].as_str(), "uploading_file");
    }
}

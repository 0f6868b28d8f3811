//! [`EnvelopeType`] (EnvelopeTypeEnum, "EnvelopeContentType" in the docs).

transport_core::open_int_enum! {
    /// The kind of an envelope (`type`), which decides the shape of its `content`.
    pub enum EnvelopeType: u32 {
        /// 1 ADD_PARTICIPANT (system envelope).
        AddParticipant = 1,
        /// 2 REMOVE_PARTICIPANT (system envelope).
        RemoveParticipant = 2,
        /// 21 EDIT_CHAT_TITLE (system envelope).
        EditChatTitle = 21,
        /// 22 EDIT_CHAT_AVATAR (system envelope).
        EditChatAvatar = 22,
        /// 23 CLEAR_CHAT_HISTORY (system envelope).
        ClearChatHistory = 23,
        /// 110 PARTICIPANT_ROLE (system envelope).
        ParticipantRole = 110,
        /// 200 PLAIN_MESSAGE: text.
        PlainMessage = 200,
        /// 201 FORWARDED_MESSAGE.
        ForwardedMessage = 201,
        /// 202 ATTACHMENT: a file (photo, video, sticker or document, told apart by MIME type).
        Attachment = 202,
        /// 203 LOCATION.
        Location = 203,
        /// 204 SURVEY.
        Survey = 204,
        /// 205 VOICE_MESSAGE.
        VoiceMessage = 205,
    }
}

impl EnvelopeType {
    /// True for the system envelope types (1, 2, 21, 22, 23, 110), which the server delivers
    /// only when `auth` asked for `receiveSystemMessageEnvelopes`.
    pub fn is_system(self) -> bool {
        matches!(
            self,
            Self::AddParticipant
                | Self::RemoveParticipant
                | Self::EditChatTitle
                | Self::EditChatAvatar
                | Self::ClearChatHistory
                | Self::ParticipantRole
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values() {
        let v: Vec<EnvelopeType> =
            serde_json::from_str("[1,2,21,22,23,110,200,201,202,203,204,205,206]").unwrap();
        assert_eq!(v[5], EnvelopeType::ParticipantRole);
        assert_eq!(v[11], EnvelopeType::VoiceMessage);
        assert_eq!(v[12], EnvelopeType::Unknown(206));
        assert!(v[..6].iter().all(|t| t.is_system()));
        assert!(!v[6..].iter().any(|t| t.is_system()));
    }
}

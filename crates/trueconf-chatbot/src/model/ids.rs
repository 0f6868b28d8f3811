//! Identifier newtypes: [`ChatId`], [`MessageId`], [`UserId`], [`FileId`].

string_id! {
    /// A chat identifier (`chatId`), e.g. `"4a1f88f1070d2f43d385cde9ff61964bc6b74477"`.
    pub struct ChatId;
}

string_id! {
    /// A message identifier (`messageId`), e.g. `"267d61f2-2ba1-4e88-83ab-bb84415f31b6"`.
    pub struct MessageId;
}

string_id! {
    /// A TrueConf ID (`userId`): `user@server`, sometimes with a `/resource` suffix (the `auth`
    /// response returns `bot@server/<resource>`).
    pub struct UserId;
}

string_id! {
    /// A stored file identifier (`fileId`).
    pub struct FileId;
}

impl UserId {
    /// The id without a `/resource` suffix: `bot@server/abc` → `bot@server`. The official
    /// client uses this form to recognise the bot's own messages.
    pub fn without_resource(&self) -> &str {
        self.as_str()
            .split_once('/')
            .map_or(self.as_str(), |(bare, _)| bare)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_plain_strings_on_the_wire() {
        let id: ChatId = serde_json::from_str("\"abc\"").unwrap();
        assert_eq!(id, "abc");
        assert_eq!(serde_json::to_string(&id).unwrap(), "\"abc\"");
        assert_eq!(MessageId::from("m1").to_string(), "m1");
        assert_eq!(FileId::new(String::from("f")).into_string(), "f");
    }

    #[test]
    fn user_id_without_resource() {
        assert_eq!(
            UserId::new("bot@video.example.com/17a3").without_resource(),
            "bot@video.example.com"
        );
        assert_eq!(UserId::new("user@srv").without_resource(), "user@srv");
    }
}

//! [`Filter`]s for message handlers, [`Kind`]s of notifications, and text [`Command`]s.

use crate::api::notifications::Notification;
use crate::model::{ChatId, Envelope};
use crate::update::Delivery;
use std::collections::BTreeSet;
use std::fmt;
use std::sync::Arc;

/// The kind of a notification, for routing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum Kind {
    /// `sendMessage` (messages; routed to message handlers).
    Message,
    /// `editMessage`.
    MessageEdited,
    /// `removeMessage`.
    MessageRemoved,
    /// `createP2PChat`.
    P2pChatCreated,
    /// `createGroupChat`.
    GroupChatCreated,
    /// `createChannel`.
    ChannelCreated,
    /// `createFavoritesChat`.
    FavoritesChatCreated,
    /// `removeChat`.
    ChatRemoved,
    /// `addChatParticipant`.
    ParticipantAdded,
    /// `removeChatParticipant`.
    ParticipantRemoved,
    /// `changeParticipantRole`.
    ParticipantRoleChanged,
    /// `editChatTitle`.
    ChatTitleEdited,
    /// `editChatAvatar`.
    ChatAvatarEdited,
    /// `clearHistory`.
    HistoryCleared,
    /// `uploadFileProgress`.
    UploadProgress,
    /// `getFileUploadLimits` (the limits changed).
    UploadLimitsChanged,
    /// `command` (an inline button was pressed).
    Command,
    /// A method this version does not know.
    Unknown,
    /// A known method whose payload did not decode.
    Malformed,
}

impl Kind {
    /// The kind of a delivery.
    pub fn of(delivery: &Delivery) -> Self {
        match &delivery.notification {
            Err(_) => Self::Malformed,
            Ok(notification) => Self::of_notification(notification),
        }
    }

    /// The kind of a notification.
    pub fn of_notification(notification: &Notification) -> Self {
        match notification {
            Notification::Message(_) => Self::Message,
            Notification::MessageEdited(_) => Self::MessageEdited,
            Notification::MessageRemoved(_) => Self::MessageRemoved,
            Notification::P2pChatCreated(_) => Self::P2pChatCreated,
            Notification::GroupChatCreated(_) => Self::GroupChatCreated,
            Notification::ChannelCreated(_) => Self::ChannelCreated,
            Notification::FavoritesChatCreated(_) => Self::FavoritesChatCreated,
            Notification::ChatRemoved(_) => Self::ChatRemoved,
            Notification::ParticipantAdded(_) => Self::ParticipantAdded,
            Notification::ParticipantRemoved(_) => Self::ParticipantRemoved,
            Notification::ParticipantRoleChanged(_) => Self::ParticipantRoleChanged,
            Notification::ChatTitleEdited(_) => Self::ChatTitleEdited,
            Notification::ChatAvatarEdited(_) => Self::ChatAvatarEdited,
            Notification::HistoryCleared(_) => Self::HistoryCleared,
            Notification::UploadProgress(_) => Self::UploadProgress,
            Notification::UploadLimitsChanged(_) => Self::UploadLimitsChanged,
            Notification::Command(_) => Self::Command,
            _ => Self::Unknown,
        }
    }
}

/// A text command: a message whose text starts with `/name`, followed by the end of the text
/// or whitespace and the arguments.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Command {
    /// The name without the slash (`"start"`).
    pub name: String,
    /// The rest of the text after the name and the whitespace after it.
    pub args: String,
}

impl Command {
    /// Parses `text` as a command.
    ///
    /// ```
    /// use trueconf_chatbot::bot::Command;
    ///
    /// let command = Command::parse("/echo  hello world").unwrap();
    /// assert_eq!((command.name.as_str(), command.args.as_str()), ("echo", "hello world"));
    /// assert_eq!(Command::parse("/start").unwrap().args, "");
    /// assert_eq!(Command::parse("hello /start"), None);
    /// assert_eq!(Command::parse("/"), None);
    /// ```
    pub fn parse(text: &str) -> Option<Self> {
        let rest = text.trim_start().strip_prefix('/')?;
        let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let name = &rest[..end];
        if name.is_empty() {
            return None;
        }
        Some(Self {
            name: name.to_owned(),
            args: rest[end..].trim().to_owned(),
        })
    }
}

type Predicate = Arc<dyn Fn(&Envelope) -> bool + Send + Sync>;

/// Which messages a message handler takes. All conditions must hold.
///
/// ```
/// use trueconf_chatbot::bot::Filter;
///
/// let filter = Filter::command("report")
///     .chat("chat-1")
///     .author("alice@video.example.com")
///     .predicate(|m| m.text().is_some_and(|t| t.len() < 100));
/// # let _ = filter;
/// ```
#[derive(Clone, Default)]
#[must_use]
pub struct Filter {
    chats: BTreeSet<String>,
    authors: BTreeSet<String>,
    command: Option<String>,
    predicates: Vec<Predicate>,
}

impl fmt::Debug for Filter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Filter")
            .field("chats", &self.chats)
            .field("authors", &self.authors)
            .field("command", &self.command)
            .field("predicates", &self.predicates.len())
            .finish()
    }
}

impl Filter {
    /// Every message.
    pub fn any() -> Self {
        Self::default()
    }

    /// Messages whose text is the command `/name` (with or without arguments; `name` may be
    /// given with or without the slash). Case-sensitive.
    pub fn command(name: impl Into<String>) -> Self {
        let name = name.into();
        Self {
            command: Some(name.trim_start_matches('/').to_owned()),
            ..Self::default()
        }
    }

    /// Also only in this chat (call again to allow several).
    pub fn chat(mut self, chat_id: impl Into<ChatId>) -> Self {
        self.chats.insert(chat_id.into().into_string());
        self
    }

    /// Also only from this author (a TrueConf id; the `/resource` and the letter case of the
    /// id are ignored; call again to allow several).
    pub fn author(mut self, user: impl Into<String>) -> Self {
        self.authors.insert(bare(&user.into()));
        self
    }

    /// Also only where `predicate` holds.
    pub fn predicate(
        mut self,
        predicate: impl Fn(&Envelope) -> bool + Send + Sync + 'static,
    ) -> Self {
        self.predicates.push(Arc::new(predicate));
        self
    }

    /// True when `message` passes.
    pub fn matches(&self, message: &Envelope) -> bool {
        if !self.chats.is_empty() {
            let chat = message
                .chat_id
                .as_ref()
                .or_else(|| message.chat.as_ref().map(|c| &c.chat_id));
            if !chat.is_some_and(|c| self.chats.contains(c.as_str())) {
                return false;
            }
        }
        if !self.authors.is_empty() && !self.authors.contains(&bare(&message.author.id)) {
            return false;
        }
        if let Some(name) = &self.command {
            let parsed = message.text().and_then(Command::parse);
            if parsed.is_none_or(|c| &c.name != name) {
                return false;
            }
        }
        self.predicates.iter().all(|p| p(message))
    }
}

/// A user id without `/resource`, lower-cased (TrueConf ids are case-insensitive).
pub(crate) fn bare(user: &str) -> String {
    user.split_once('/')
        .map_or(user, |(bare, _)| bare)
        .to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Author, AuthorType, EnvelopeContent, MessageId, TextContent, Timestamp};

    fn message(chat: &str, author: &str, text: &str) -> Envelope {
        Envelope::new(
            MessageId::new("m"),
            Timestamp::from_millis(1),
            Author::new(author, AuthorType::User),
            EnvelopeContent::Text(TextContent::plain(text)),
        )
        .with_chat_id(ChatId::new(chat))
    }

    #[test]
    fn filters_combine() {
        let m = message("c1", "Alice@srv/web", "/start now");
        assert!(Filter::any().matches(&m));
        assert!(Filter::command("start").matches(&m));
        assert!(Filter::command("/start").matches(&m));
        assert!(!Filter::command("stop").matches(&m));
        assert!(!Filter::command("sta").matches(&m));
        assert!(Filter::any().chat("c1").matches(&m));
        assert!(!Filter::any().chat("c2").matches(&m));
        assert!(Filter::any().chat("c2").chat("c1").matches(&m));
        assert!(Filter::any().author("alice@srv").matches(&m));
        assert!(!Filter::any().author("bob@srv").matches(&m));
        assert!(!Filter::command("start").predicate(|_| false).matches(&m));
        assert!(!Filter::command("start").matches(&message("c1", "a", "start")));
    }

    #[test]
    fn command_parsing() {
        assert_eq!(
            Command::parse("  /echo\tx y "),
            Some(Command {
                name: "echo".into(),
                args: "x y".into()
            })
        );
        assert_eq!(Command::parse("/ x"), None);
        assert_eq!(Command::parse("echo"), None);
    }
}

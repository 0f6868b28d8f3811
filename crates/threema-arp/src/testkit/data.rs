//! [`AppData`]: what the fake app knows: the user's profile, contacts, groups, distribution
//! lists, conversations with their messages, and file contents.

use crate::api::Profile;
use crate::model::{
    Binary, Contact, ContactReceiverAccess, Conversation, DistributionList,
    DistributionListReceiverAccess, File, Group, GroupReceiverAccess, Message, MessageState,
    MessageType, ReceiverRef, ReceiverType, Thumbnail,
};
use std::collections::BTreeMap;

/// A file stored with a message (what `request/blob` returns).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct StoredBlob {
    /// The bytes.
    pub bytes: Vec<u8>,
    /// The MIME type.
    pub mime_type: String,
    /// The file name.
    pub name: String,
}

/// The key of a conversation: receiver type and id (`("contact", "ECHOECHO")`).
pub type ConversationKey = (String, String);

/// The in-memory state of a fake app. Fields are public: build or change it freely before
/// and while the app runs (through [`FakeApp::data`](super::FakeApp::data)).
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct AppData {
    /// The user's own profile.
    pub profile: Profile,
    /// The contacts.
    pub contacts: Vec<Contact>,
    /// The groups.
    pub groups: Vec<Group>,
    /// The distribution lists.
    pub distribution_lists: Vec<DistributionList>,
    /// The messages of each conversation, oldest first.
    pub messages: BTreeMap<ConversationKey, Vec<Message>>,
    /// File contents by conversation and message id.
    pub blobs: BTreeMap<(ConversationKey, String), StoredBlob>,
    /// Avatars (high resolution) by receiver.
    pub avatars: BTreeMap<ConversationKey, Vec<u8>>,
    /// Thumbnails by conversation and message id.
    pub thumbnails: BTreeMap<(ConversationKey, String), Vec<u8>>,
    /// Starred conversations.
    pub starred: Vec<ConversationKey>,
    /// The next message id the app assigns.
    pub next_message_id: u64,
    /// The clock of the app (unix seconds), advanced by one per stored message so that
    /// tests are deterministic.
    pub clock: i64,
}

impl AppData {
    /// An app whose user is `identity`, with nothing else.
    pub fn empty(identity: impl Into<String>) -> Self {
        Self {
            profile: crate::api::ResponseProfile::new(identity, vec![0x11; 32]).data,
            contacts: Vec::new(),
            groups: Vec::new(),
            distribution_lists: Vec::new(),
            messages: BTreeMap::new(),
            blobs: BTreeMap::new(),
            avatars: BTreeMap::new(),
            thumbnails: BTreeMap::new(),
            starred: Vec::new(),
            next_message_id: 1,
            clock: 1_700_000_000,
        }
    }

    /// A small, fixed data set: user `MEMEMEME` with two contacts (`ECHOECHO`, `ALICE123`),
    /// a group, a distribution list, a few messages, a file with a thumbnail, and an
    /// avatar.
    pub fn demo() -> Self {
        let mut data = Self::empty("MEMEMEME");
        data.profile.public_nickname = Some("Me".into());
        let mut echo = Contact::new("ECHOECHO", "Echo", vec![0xec; 32]);
        echo.color = "#3a7bd5".into();
        echo.first_name = Some("Echo".into());
        echo.access = ContactReceiverAccess::default();
        let mut alice = Contact::new("ALICE123", "Alice Example", vec![0xa1; 32]);
        alice.first_name = Some("Alice".into());
        alice.last_name = Some("Example".into());
        data.contacts = vec![echo, alice];
        let mut group = Group::new("1", "Friends", "MEMEMEME");
        group.name = Some("Friends".into());
        group.members = vec!["MEMEMEME".into(), "ECHOECHO".into(), "ALICE123".into()];
        group.access = GroupReceiverAccess::default();
        data.groups = vec![group];
        let mut list = DistributionList::new("2", "Everybody");
        list.members = vec!["ECHOECHO".into(), "ALICE123".into()];
        list.access = DistributionListReceiverAccess::default();
        data.distribution_lists = vec![list];
        let echo_chat = ReceiverRef::contact("ECHOECHO");
        data.store_text(&echo_chat, Some("ECHOECHO"), "Hello from the app!");
        data.store_text(&echo_chat, None, "Hi Echo");
        let file = data.store_file(
            &echo_chat,
            Some("ECHOECHO"),
            "photo.jpg",
            "image/jpeg",
            (0..=255u8).cycle().take(4096).collect(),
        );
        data.thumbnails.insert(
            (key(&echo_chat), file.id.clone()),
            vec![0xff, 0xd8, 0xff, 0xd9],
        );
        data.store_text(
            &ReceiverRef::group("1"),
            Some("ALICE123"),
            "Welcome to the group",
        );
        data.avatars
            .insert(key(&echo_chat), b"\x89PNG fake avatar".to_vec());
        data
    }

    fn stamp(&mut self) -> (String, i64) {
        let id = self.next_message_id.to_string();
        self.next_message_id += 1;
        self.clock += 1;
        (id, self.clock)
    }

    fn push(&mut self, receiver: &ReceiverRef, message: Message) -> Message {
        self.messages
            .entry(key(receiver))
            .or_default()
            .push(message.clone());
        message
    }

    /// Stores a text message: incoming from `from`, or outgoing (sent) when `None`.
    pub fn store_text(
        &mut self,
        receiver: &ReceiverRef,
        from: Option<&str>,
        text: &str,
    ) -> Message {
        let (id, date) = self.stamp();
        let mut message = Message::new(MessageType::Text, id, sort_key(date));
        message.body = Some(text.into());
        message.date = Some(date);
        self.finish(&mut message, from);
        self.push(receiver, message)
    }

    /// Stores a file message and its bytes: incoming from `from`, or outgoing when `None`.
    pub fn store_file(
        &mut self,
        receiver: &ReceiverRef,
        from: Option<&str>,
        name: &str,
        mime_type: &str,
        bytes: Vec<u8>,
    ) -> Message {
        let (id, date) = self.stamp();
        let mut message = Message::new(MessageType::File, id.clone(), sort_key(date));
        message.date = Some(date);
        message.file = Some(File::new(name, bytes.len() as u64, mime_type));
        message.thumbnail = Some(Thumbnail::new(1, 1, Binary::new(vec![0xff, 0xd8])));
        self.finish(&mut message, from);
        self.blobs.insert(
            (key(receiver), id),
            StoredBlob {
                bytes,
                mime_type: mime_type.into(),
                name: name.into(),
            },
        );
        self.push(receiver, message)
    }

    fn finish(&self, message: &mut Message, from: Option<&str>) {
        match from {
            Some(sender) => {
                message.partner_id = Some(sender.into());
                message.is_outbox = false;
                message.unread = Some(true);
                message.state = Some(MessageState::Delivered);
            }
            None => {
                message.partner_id = Some(self.profile.identity.clone());
                message.is_outbox = true;
                message.state = Some(MessageState::Sent);
            }
        }
    }

    /// The conversations, newest activity first.
    pub fn conversations(&self) -> Vec<Conversation> {
        let mut conversations: Vec<Conversation> = self
            .messages
            .iter()
            .map(|((receiver_type, id), messages)| {
                let mut conversation =
                    Conversation::new(ReceiverType::from(receiver_type.as_str()), id.clone(), 0);
                conversation.message_count = messages.len() as u64;
                conversation.unread_count =
                    messages.iter().filter(|m| m.is_unread()).count() as u64;
                conversation.latest_message = messages.last().cloned().map(|mut m| {
                    m.quote = None;
                    m
                });
                conversation.is_starred = self
                    .starred
                    .contains(&(receiver_type.clone(), id.clone()))
                    .then_some(true);
                conversation
            })
            .collect();
        conversations.sort_by_key(|c| {
            std::cmp::Reverse(c.latest_message.as_ref().map_or(0, |m| m.sort_key))
        });
        for (position, conversation) in conversations.iter_mut().enumerate() {
            conversation.position = position as i64;
        }
        conversations
    }

    /// One conversation.
    pub fn conversation(&self, receiver: &ReceiverRef) -> Option<Conversation> {
        let wanted = key(receiver);
        self.conversations()
            .into_iter()
            .find(|c| (c.receiver_type.as_str().to_owned(), c.id.clone()) == wanted)
    }

    /// Whether a receiver exists.
    pub fn has_receiver(&self, receiver: &ReceiverRef) -> bool {
        match receiver.receiver_type {
            ReceiverType::Contact => self.contacts.iter().any(|c| c.id == receiver.id),
            ReceiverType::Group => self.groups.iter().any(|g| g.id == receiver.id),
            ReceiverType::DistributionList => {
                self.distribution_lists.iter().any(|d| d.id == receiver.id)
            }
            _ => false,
        }
    }

    /// A message by conversation and id.
    pub fn message_mut(&mut self, receiver: &ReceiverRef, id: &str) -> Option<&mut Message> {
        self.messages
            .get_mut(&key(receiver))?
            .iter_mut()
            .find(|m| m.id == id)
    }
}

fn sort_key(date: i64) -> u64 {
    u64::try_from(date).unwrap_or_default()
}

/// The conversation key of a receiver.
pub(crate) fn key(receiver: &ReceiverRef) -> ConversationKey {
    (
        receiver.receiver_type.as_str().to_owned(),
        receiver.id.clone(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_data_is_consistent() {
        let data = AppData::demo();
        let conversations = data.conversations();
        assert_eq!(conversations.len(), 2);
        // The group message is the newest.
        assert_eq!(conversations[0].id, "1");
        assert_eq!(conversations[0].position, 0);
        let echo = data
            .conversation(&ReceiverRef::contact("ECHOECHO"))
            .unwrap();
        assert_eq!(echo.message_count, 3);
        assert_eq!(echo.unread_count, 2);
        assert!(data.has_receiver(&ReceiverRef::group("1")));
        assert!(!data.has_receiver(&ReceiverRef::contact("NOBODY00")));
        let blob = data.blobs.values().next().unwrap();
        assert_eq!(blob.bytes.len(), 4096);
        assert_eq!(data.next_message_id, 5);
    }
}

//! Helpers for the inline round-trip tests: Rust → msgpack → Rust, and checks of the bytes
//! with a generic msgpack reader (string keys, bin where the schema says Binary).

use crate::api::{Direction, Frame};
use rmpv::Value;
use serde::Serialize;
use serde::de::DeserializeOwned;
use std::fmt::Debug;

/// Encodes `value` as msgpack, checks that every map key is a string, decodes it back,
/// asserts equality and returns the generic msgpack value of the bytes.
pub(crate) fn round_trip<T>(value: &T) -> Value
where
    T: Serialize + DeserializeOwned + PartialEq + Debug,
{
    let bytes = rmp_serde::to_vec_named(value).expect("encodes");
    let back: T = rmp_serde::from_slice(&bytes).expect("decodes");
    assert_eq!(&back, value, "round trip changed the value");
    let generic = rmpv::decode::read_value(&mut bytes.as_slice()).expect("generic msgpack");
    assert_string_keys(&generic);
    generic
}

/// Encodes a frame, decodes it in `direction`, asserts equality and returns the generic
/// msgpack value of the bytes.
pub(crate) fn frame_round_trip(frame: &Frame, direction: Direction) -> Value {
    let bytes = frame.encode().expect("frame encodes");
    let back = Frame::decode(&bytes, direction).expect("frame decodes");
    assert_eq!(&back, frame, "frame round trip changed the value");
    assert!(
        !matches!(back.message, crate::api::ArpMessage::Unknown { .. }),
        "decoded as Unknown"
    );
    let generic = rmpv::decode::read_value(&mut bytes.as_slice()).expect("generic msgpack");
    assert_string_keys(&generic);
    generic
}

/// Asserts that every map in `value` has only string keys.
pub(crate) fn assert_string_keys(value: &Value) {
    match value {
        Value::Map(entries) => {
            for (key, value) in entries {
                assert!(key.is_str(), "non-string key {key}");
                assert_string_keys(value);
            }
        }
        Value::Array(items) => items.iter().for_each(assert_string_keys),
        _ => {}
    }
}

/// The value at a dotted path (`"data.receiver.publicKey"`, array indices as numbers).
pub(crate) fn at<'a>(value: &'a Value, path: &str) -> &'a Value {
    path.split('.').fold(value, |value, step| match value {
        Value::Map(entries) => entries
            .iter()
            .find(|(k, _)| k.as_str() == Some(step))
            .map(|(_, v)| v)
            .unwrap_or_else(|| panic!("no key {step} in {value}")),
        Value::Array(items) => &items[step.parse::<usize>().expect("index")],
        other => panic!("cannot step into {other} with {step}"),
    })
}

/// Asserts that the value at `path` is msgpack bin with these bytes.
pub(crate) fn assert_bin(value: &Value, path: &str, expected: &[u8]) {
    match at(value, path) {
        Value::Binary(bytes) => assert_eq!(bytes, expected, "bin at {path}"),
        other => panic!("{path} is not bin: {other}"),
    }
}

/// Asserts that the map at `path` has exactly these keys (in any order).
pub(crate) fn assert_keys(value: &Value, path: &str, expected: &[&str]) {
    let map = if path.is_empty() {
        value
    } else {
        at(value, path)
    };
    let mut keys: Vec<&str> = map
        .as_map()
        .unwrap_or_else(|| panic!("{path} is not a map"))
        .iter()
        .map(|(k, _)| k.as_str().expect("string key"))
        .collect();
    keys.sort_unstable();
    let mut expected = expected.to_vec();
    expected.sort_unstable();
    assert_eq!(keys, expected, "keys of {path}");
}

/// Builds a msgpack map from string keys.
pub(crate) fn map(entries: Vec<(&str, Value)>) -> Value {
    Value::Map(
        entries
            .into_iter()
            .map(|(k, v)| (Value::from(k), v))
            .collect(),
    )
}

/// Decodes `T` from a hand-built msgpack value (through bytes, as received).
pub(crate) fn decode_value<T: DeserializeOwned>(value: &Value) -> T {
    let mut bytes = Vec::new();
    rmpv::encode::write_value(&mut bytes, value).expect("writes");
    rmp_serde::from_slice(&bytes).expect("decodes")
}

/// Encodes a hand-built frame value and decodes it in `direction`.
pub(crate) fn decode_frame(value: &Value, direction: Direction) -> crate::Result<Frame> {
    let mut bytes = Vec::new();
    rmpv::encode::write_value(&mut bytes, value).expect("writes");
    Frame::decode(&bytes, direction)
}

// ---------------------------------------------------------------------------------------------
// Samples shared by the model and message tests: every optional field set.

use crate::model::*;

pub(crate) fn sample_contact() -> Contact {
    let mut contact = Contact::new("ECHOECHO", "Echo Test", [9u8; 32]);
    contact.color = "#112233".into();
    contact.first_name = Some("Echo".into());
    contact.last_name = Some("Test".into());
    contact.public_nickname = Some("echo".into());
    contact.verification_level = VerificationLevel::FullyVerified;
    contact.feature_mask = 0x1f;
    contact.is_work = Some(true);
    contact.identity_type = IdentityType::Work;
    contact.is_blocked = Some(false);
    contact.access.can_delete = true;
    contact.feature_level = Some(4);
    contact
}

pub(crate) fn sample_group() -> Group {
    let mut group = Group::new("17", "Climbers", "ECHOECHO");
    group.name = Some("Climbers".into());
    group.color = "#445566".into();
    group.created_at = 1_500_000_000;
    group.disabled = Some(false);
    group.locked = Some(false);
    group.visible = Some(true);
    group.members = vec!["ABCDEFGH".into(), "ECHOECHO".into()];
    group.access.can_leave = true;
    group
}

pub(crate) fn sample_distribution_list() -> DistributionList {
    let mut list = DistributionList::new("3", "Friends");
    list.color = "#778899".into();
    list.locked = Some(true);
    list.visible = Some(false);
    list.members = vec!["ABCDEFGH".into()];
    list.access.can_change_members = true;
    list
}

pub(crate) fn sample_capabilities() -> Capabilities {
    let mut capabilities = Capabilities::new(ImageFormat::new("image/png", "image/jpeg"));
    capabilities.max_group_size = Some(256);
    capabilities.max_file_size = Some(104_857_600);
    capabilities.max_message_body_size = Some(7000);
    capabilities.distribution_lists = Some(true);
    capabilities.recurrent_pushes = Some(true);
    capabilities.quotes_v2 = Some(true);
    let mut mdm = MdmRestrictions::new();
    mdm.disable_calls = Some(true);
    capabilities.mdm = Some(mdm);
    capabilities.emoji_reactions = Some(true);
    capabilities.group_reactions = Some(false);
    capabilities
}

pub(crate) fn sample_message() -> Message {
    let mut message = Message::new(MessageType::File, "42", 1000);
    message.body = Some("body".into());
    message.thumbnail = Some(Thumbnail::new(350, 200, vec![0xff, 0xd8]));
    message.date = Some(1_700_000_000);
    message.events = vec![
        MessageEvent::new(MessageEventType::Created, 1_699_999_990),
        MessageEvent::new(MessageEventType::Sent, 1_700_000_000),
    ];
    message.partner_id = Some("ECHOECHO".into());
    message.is_outbox = true;
    message.status_type = Some(StatusType::FirstUnreadMessage);
    message.caption = Some("caption".into());
    message.unread = Some(true);
    message.state = Some(MessageState::SendFailed);
    message.last_edited_at = Some(1_700_000_100);
    message.quote = Some(Quote::new("ABCDEFGH", "quoted", "41"));
    message.file = Some(File::new("a.pdf", 1234, "application/pdf"));
    let mut video = Video::new(12);
    video.size = Some(99);
    message.video = Some(video);
    message.audio = Some(Audio::new(3));
    let mut location = Location::new(47.5, 8.25, 12.0);
    location.address = Some("Street 1".into());
    location.description = Some("Home".into());
    message.location = Some(location);
    let mut voip = Voip::new(VoipCallStatus::Rejected);
    voip.duration = Some(0);
    voip.reason = Some(VoipRejectCode::Disabled);
    message.voip = Some(voip);
    let mut reactions = Reactions::new();
    reactions.ack = vec!["ABCDEFGH".into()];
    reactions.dec = vec!["ECHOECHO".into()];
    message.reactions = Some(reactions);
    message.emoji_reactions = vec![EmojiReaction::new("👍", vec!["ABCDEFGH".into()])];
    message
}

pub(crate) fn sample_conversation() -> Conversation {
    let mut conversation = Conversation::new(ReceiverType::Contact, "ECHOECHO", 0);
    conversation.message_count = 10;
    conversation.unread_count = 2;
    let mut latest = sample_message();
    latest.quote = None;
    conversation.latest_message = Some(latest);
    conversation.receiver = Some(Receiver::from(sample_contact()));
    conversation.avatar = Some(Binary::new(vec![1, 2, 3]));
    let mut dnd = NotificationDnd::new(DndMode::Until);
    dnd.mention_only = Some(true);
    dnd.until = Some(1_700_000_000_000);
    conversation.notifications = Some(NotificationSettings::new(
        NotificationSound::new(SoundMode::Muted),
        dnd,
    ));
    conversation.is_starred = Some(true);
    conversation.is_unread = Some(false);
    conversation
}

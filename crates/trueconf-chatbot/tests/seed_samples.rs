//! Every JSON sample of the documentation's chats section (the seed) decodes into its type and
//! re-serializes to an equal JSON value.

// Tests may unwrap and panic (house rules); helpers outside `#[test]` fns need it spelled out.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use serde::de::DeserializeOwned;
use serde_json::Value;
use trueconf_chatbot::Method;
use trueconf_chatbot::api::chats::*;
use trueconf_chatbot::api::notifications::Notification;
use trueconf_chatbot::codec::{self, ClientFrame, Inbound};

const SEED: &str = include_str!("fixtures/trueconf-chatbot-chats.txt");

/// A JSON block of the seed with the section it appears in.
struct Sample {
    line: usize,
    section: String,
    in_notifications: bool,
    text: String,
}

/// Splits the seed into its top-level JSON blocks (braces inside strings are skipped).
fn samples() -> Vec<Sample> {
    let mut out = Vec::new();
    let mut section = String::new();
    let mut in_notifications = false;
    let mut current: Option<(usize, String)> = None;
    let mut depth = 0i32;
    for (n, line) in SEED.lines().enumerate() {
        if current.is_none() {
            if let Some(header) = line.strip_prefix("# ") {
                section = header.to_owned();
                in_notifications |= header == "Server notifications";
                continue;
            }
            if !line.starts_with('{') {
                continue;
            }
            current = Some((n + 1, String::new()));
        }
        let Some((_, text)) = current.as_mut() else {
            continue;
        };
        text.push_str(line);
        text.push('\n');
        let mut in_string = false;
        let mut escaped = false;
        for c in line.chars() {
            match (in_string, escaped, c) {
                (true, true, _) => escaped = false,
                (true, false, '\\') => escaped = true,
                (true, false, '"') => in_string = false,
                (false, _, '"') => in_string = true,
                (false, _, '{') => depth += 1,
                (false, _, '}') => depth -= 1,
                _ => {}
            }
        }
        if let Some((line, text)) = current.take_if(|_| depth == 0) {
            out.push(Sample {
                line,
                section: section.clone(),
                in_notifications,
                text,
            });
        }
    }
    assert!(current.is_none(), "unterminated JSON block");
    out
}

fn request<M: Method + DeserializeOwned>(payload: Value) {
    let typed: M = serde_json::from_value(payload.clone()).expect("request decodes");
    assert_eq!(serde_json::to_value(&typed).unwrap(), payload);
    // The codec puts exactly this payload on the wire.
    let frame = codec::encode_request(1, &typed).expect("encodes");
    let ClientFrame::Request {
        method,
        payload: sent,
        ..
    } = codec::decode_client_frame(&frame).unwrap()
    else {
        panic!("not a request")
    };
    assert_eq!(method, M::NAME);
    assert_eq!(sent, payload);
}

fn response<M: Method>(payload: Value) {
    let typed = codec::decode_payload::<M>(payload.clone()).expect("response decodes");
    assert_eq!(serde_json::to_value(&typed).unwrap(), payload);
}

macro_rules! by_method {
    ($method:expr, $check:ident, $payload:expr; $($ty:ty),+ $(,)?) => {{
        let mut matched = false;
        $(
            if !matched && $method == <$ty as Method>::NAME {
                $check::<$ty>($payload.clone());
                matched = true;
            }
        )+
        assert!(matched, "no type for method {}", $method);
    }};
}

fn check_method(kind: &str, method: &str, payload: &Value) {
    macro_rules! all {
        ($check:ident) => {
            by_method!(method, $check, payload;
                CreateP2pChat, CreateGroupChat, CreateChannel, CreateFavoritesChat, EditChatTitle,
                EditChatAvatar, ClearHistory, RemoveChat, AddChatParticipant,
                RemoveChatParticipant, ChangeParticipantRole, GetChatById, GetChats,
                GetChatParticipant, GetChatParticipants, HasChatParticipant)
        };
    }
    match kind {
        "request" => all!(request),
        _ => all!(response),
    }
}

#[test]
fn every_seed_sample_round_trips() {
    let mut requests = Vec::new();
    let mut responses = Vec::new();
    let mut notifications = Vec::new();
    let mut acks = 0;
    let mut repaired = Vec::new();
    let mut last_request: Option<String> = None;

    for sample in samples() {
        let where_ = format!("line {} ({})", sample.line, sample.section);
        let text = match serde_json::from_str::<Value>(&sample.text) {
            Ok(_) => sample.text.clone(),
            Err(_) => {
                // The docs have trailing commas in two samples.
                let fixed = sample.text.replace(",\n}", "\n}");
                serde_json::from_str::<Value>(&fixed).expect(&where_);
                repaired.push(sample.section.clone());
                fixed
            }
        };
        let frame: Value = serde_json::from_str(&text).expect(&where_);
        let payload = frame
            .get("payload")
            .cloned()
            .unwrap_or_else(|| Value::Object(Default::default()));

        match (sample.in_notifications, frame["type"].as_u64()) {
            (false, Some(1)) => {
                let method = frame["method"].as_str().expect(&where_).to_owned();
                check_method("request", &method, &payload);
                requests.push(method.clone());
                last_request = Some(method);
            }
            (false, Some(2)) => {
                let method = last_request.clone().expect(&where_);
                check_method("response", &method, &payload);
                responses.push(method);
            }
            (true, Some(1)) => {
                let Inbound::Notification(n) = codec::decode(&text).expect(&where_) else {
                    panic!("{where_}: not a notification")
                };
                assert_eq!(Value::from(n.id), frame["id"], "{where_}");
                let notification = n.notification.expect(&where_);
                assert!(
                    !matches!(notification, Notification::Unknown { .. }),
                    "{where_}: {} is not typed",
                    n.method
                );
                assert_eq!(notification.to_payload().unwrap(), payload, "{where_}");
                notifications.push(n.method);
            }
            (true, Some(2)) => {
                let id = u32::try_from(frame["id"].as_u64().expect(&where_)).unwrap();
                let ack: Value = serde_json::from_str(&codec::encode_ack(id)).unwrap();
                assert_eq!(ack, frame, "{where_}");
                acks += 1;
            }
            other => panic!("{where_}: unexpected frame {other:?}"),
        }
    }

    assert_eq!(
        repaired,
        ["Create \"Favorites\" chat", "Get chat participant"],
        "only the two known samples are invalid JSON"
    );
    // 16 chat methods, each with a request sample; every one but editChatAvatar has a response.
    assert_eq!(requests.len(), 16, "{requests:?}");
    assert_eq!(responses.len(), 15, "{responses:?}");
    assert!(!responses.contains(&"editChatAvatar".to_owned()));
    assert_eq!(
        notifications,
        [
            "createP2PChat",
            "createGroupChat",
            "createChannel",
            "createFavoritesChat",
            "editChatTitle",
            "editChatAvatar",
            "clearHistory",
            "removeChat",
            "addChatParticipant",
            "removedChatParticipant",
            "changeParticipantRole",
        ]
    );
    // One ack in the introduction plus one per notification.
    assert_eq!(acks, 12);
}

//! Property tests of the frame codec and the visible-length rule.

// Tests may unwrap and panic (house rules); helpers outside `#[test]` fns need it spelled out.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use proptest::prelude::*;
use serde_json::{Value, json};
use trueconf_chatbot::api::messages::SendMessage;
use trueconf_chatbot::api::notifications::Notification;
use trueconf_chatbot::codec::{self, ClientFrame, Inbound};
use trueconf_chatbot::model::{ChatId, ParseMode, TextContent};
use trueconf_chatbot::validate::visible_len;

/// Arbitrary JSON values, a few levels deep.
fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        // Quarters print and parse exactly (serde_json's default float parsing is not
        // round-trip exact for arbitrary doubles, which is not what is tested here).
        any::<i32>().prop_map(|i| Value::from(f64::from(i) / 4.0)),
        ".{0,12}".prop_map(Value::from),
    ];
    leaf.prop_recursive(4, 32, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
            prop::collection::btree_map(
                prop_oneof![
                    Just("type".to_owned()),
                    Just("id".to_owned()),
                    Just("method".to_owned()),
                    Just("payload".to_owned()),
                    Just("chatId".to_owned()),
                    Just("errorCode".to_owned()),
                    Just("content".to_owned()),
                    ".{0,8}"
                ],
                inner,
                0..6
            )
            .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

const METHODS: [&str; 20] = [
    "sendMessage",
    "editMessage",
    "removeMessage",
    "createP2PChat",
    "createGroupChat",
    "createChannel",
    "createFavoritesChat",
    "removeChat",
    "addChatParticipant",
    "removeChatParticipant",
    "removedChatParticipant",
    "changeParticipantRole",
    "editChatTitle",
    "editChatAvatar",
    "clearHistory",
    "uploadFileProgress",
    "uploadingProgress",
    "getFileUploadLimits",
    "command",
    "somethingNew",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn decode_never_panics_on_any_text(text in ".{0,200}") {
        let _ = codec::decode(&text);
        let _ = codec::decode_client_frame(&text);
    }

    #[test]
    fn decode_never_panics_on_any_json(value in json_value()) {
        let _ = codec::decode(&value.to_string());
    }

    /// Every notification frame, whatever its payload, comes back with its id (so it can be
    /// acknowledged), and a decoded one re-encodes to a frame that decodes to the same value.
    #[test]
    fn notifications_always_keep_their_id(
        id in any::<u32>(),
        method in prop::sample::select(METHODS.as_slice()),
        payload in json_value(),
    ) {
        let text = json!({"type": 1, "id": id, "method": method, "payload": payload}).to_string();
        let Ok(Inbound::Notification(frame)) = codec::decode(&text) else {
            return Err(TestCaseError::fail(format!("not a notification: {text}")));
        };
        prop_assert_eq!(frame.id, id);
        prop_assert_eq!(frame.method.as_str(), method);
        match frame.notification {
            Ok(notification) => {
                let again = codec::encode_notification(id, &notification).unwrap();
                let Ok(Inbound::Notification(second)) = codec::decode(&again) else {
                    return Err(TestCaseError::fail("re-encoded frame does not decode"));
                };
                prop_assert_eq!(second.notification, Ok(notification));
            }
            Err(malformed) => {
                prop_assert_eq!(malformed.method.as_str(), method);
                prop_assert_eq!(malformed.payload, payload);
            }
        }
    }

    /// Unknown methods are surfaced raw.
    #[test]
    fn unknown_methods_are_surfaced_raw(id in any::<u32>(), payload in json_value()) {
        let text = json!({"type": 1, "id": id, "method": "futureEvent", "payload": payload}).to_string();
        let Ok(Inbound::Notification(frame)) = codec::decode(&text) else {
            return Err(TestCaseError::fail("not a notification"));
        };
        prop_assert_eq!(
            frame.notification,
            Ok(Notification::Unknown { method: "futureEvent".into(), payload })
        );
    }

    /// Every response frame keeps its id; `errorCode` decides success.
    #[test]
    fn responses_keep_their_id(id in any::<u32>(), payload in json_value()) {
        let text = json!({"type": 2, "id": id, "payload": payload}).to_string();
        let Ok(Inbound::Response(response)) = codec::decode(&text) else {
            return Err(TestCaseError::fail("not a response"));
        };
        prop_assert_eq!(response.id, id);
        let expected_error = codec::api_error(&payload);
        match response.result {
            Ok(value) => {
                prop_assert!(expected_error.is_none());
                prop_assert_eq!(value, payload);
            }
            Err(error) => prop_assert_eq!(Some(error), expected_error),
        }
    }

    #[test]
    fn requests_round_trip_through_the_server_side_decoder(
        id in any::<u32>(),
        chat in "[a-f0-9]{1,40}",
        text in ".{0,300}",
    ) {
        let request = SendMessage::new(ChatId::new(chat), TextContent::plain(text));
        let frame = codec::encode_request(id, &request).unwrap();
        let Ok(ClientFrame::Request { id: got, method, payload }) = codec::decode_client_frame(&frame) else {
            return Err(TestCaseError::fail("not a request"));
        };
        prop_assert_eq!(got, id);
        prop_assert_eq!(method.as_str(), "sendMessage");
        prop_assert_eq!(serde_json::from_value::<SendMessage>(payload).unwrap(), request);
    }

    #[test]
    fn ack_frames_decode_as_acks(id in any::<u32>()) {
        prop_assert_eq!(codec::decode_client_frame(&codec::encode_ack(id)).unwrap(), ClientFrame::Ack { id });
    }

    /// Markup never makes a text longer than it is written.
    #[test]
    fn visible_length_never_exceeds_written_length(text in "[-a-z<>/*_~\\[\\]()=\"' \n]{0,80}|.{0,80}") {
        let written = text.chars().count();
        prop_assert_eq!(visible_len(&text, &ParseMode::Text), written);
        prop_assert!(visible_len(&text, &ParseMode::Html) <= written);
        prop_assert!(visible_len(&text, &ParseMode::Markdown) <= written);
    }
}

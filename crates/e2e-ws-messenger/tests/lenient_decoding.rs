//! Decoding never fails on something new, and is lenient exactly where the notes record server
//! drift (§9, §13); each drift has a test here.

// Helpers outside `#[test]` functions may panic too: this is test code.
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)]

#[path = "support/seed.rs"]
mod seed;

use e2e_ws_messenger::Error;
use e2e_ws_messenger::api::requests::RequestUpdateUserKeys;
use e2e_ws_messenger::api::{Inbound, Notification, Request, Response};
use e2e_ws_messenger::model::{ApplicationType, EventType, Status, UnknownFields};
use seed::Kind;
use serde_json::{Value, json};

fn response(name: &str, body: Value) -> Response {
    Response::from_wire(name, body).unwrap_or_else(|e| panic!("{name}: {e}"))
}

#[test]
fn unknown_fields_are_kept_at_every_level_and_reported() {
    let mut body = seed::sample(Kind::Response, "ResponseGetConversationFull");
    body["etag"] = json!("v2");
    body["conversation"]["pinned"] = json!(true);
    body["lastMessage"]["reactions"] = json!({"+1": 2});
    let decoded = response("ResponseGetConversationFull", body.clone());
    assert_eq!(
        decoded.unknown_fields(),
        ["etag", "conversation.pinned", "lastMessage.reactions"]
    );
    assert_eq!(decoded.to_body().unwrap(), body, "nothing is lost");

    let mut list = seed::sample(Kind::Response, "ResponseGetConversationsFull");
    list["members"][1]["status"] = json!("away");
    let Response::GetConversationsFull(list) = response("ResponseGetConversationsFull", list)
    else {
        panic!("wrong type")
    };
    assert_eq!(list.unknown_fields(), ["members[1].status"]);
    assert_eq!(list.members[1].extra["status"], json!("away"));
}

#[test]
fn unknown_message_names_are_kept_not_errors() {
    let body = json!({"conversationUuid": "c", "emoji": "+1"});
    let inbound = Inbound::from_wire("NotificationReaction", body.clone()).unwrap();
    assert_eq!(
        inbound,
        Inbound::Unknown {
            wire_name: "NotificationReaction".into(),
            body: body.clone()
        }
    );
    // A request name arriving from the server is not a response or notification either.
    let echo = Inbound::from_wire("RequestPing", json!({})).unwrap();
    assert!(matches!(echo, Inbound::Unknown { .. }));
    let request = Request::from_wire("RequestReact", body.clone()).unwrap();
    assert_eq!(request.wire_name(), "RequestReact");
    assert_eq!(request.to_body().unwrap(), body);
}

#[test]
fn a_known_name_with_a_bad_body_names_the_path() {
    let mut body = seed::sample(Kind::Response, "ResponseFiles");
    body["files"][1]["size"] = json!("big");
    let err = Response::from_wire("ResponseFiles", body).unwrap_err();
    assert!(matches!(err, Error::Transport(_)));
    assert_eq!(
        err.to_string(),
        "cannot decode ResponseFiles at `files[1].size`: invalid type: string \"big\", expected u64"
    );
}

#[test]
fn open_enums_keep_unknown_values() {
    let status = response(
        "ResponseStatusMessage",
        json!({"requestType": "RequestAddMember", "status": "NOT_ADMIN", "description": "only admins"}),
    );
    let Response::StatusMessage(status) = status else {
        panic!("wrong type")
    };
    assert_eq!(status.status, Status::Other("NOT_ADMIN".into()));
    let err = status.clone().into_result().unwrap_err();
    assert_eq!(
        err.to_string(),
        "the server answered RequestAddMember with status `NOT_ADMIN`: only admins"
    );
    let ok = response(
        "ResponseStatusMessage",
        seed::sample(Kind::Response, "ResponseStatusMessage"),
    );
    let Response::StatusMessage(ok) = ok else {
        panic!("wrong type")
    };
    assert!(ok.is_ok());
    ok.into_result().unwrap();

    let mut apps = seed::sample(Kind::Response, "ResponseApplicationsFull");
    apps["applications"][0]["applicationType"] = json!("desktop");
    let Response::ApplicationsFull(apps) = response("ResponseApplicationsFull", apps) else {
        panic!("wrong type")
    };
    assert_eq!(
        apps.applications[0].application_type,
        ApplicationType::Other("desktop".into())
    );

    let mut added = seed::sample(Kind::Notification, "NotificationAddedMessageToConversation");
    added["message"]["eventType"] = json!("Kicked");
    let Notification::AddedMessageToConversation(added) =
        Notification::from_wire("NotificationAddedMessageToConversation", added).unwrap()
    else {
        panic!("wrong type")
    };
    assert_eq!(
        added.message.event_type,
        Some(EventType::Other("Kicked".into()))
    );
}

#[test]
fn duplicate_jackson_booleans_are_separate_fields() {
    // §9 #7: `dialog`/`event` next to `isDialog`/`isEvent` in ResponseGetConversationsFull.
    let Response::GetConversationsFull(list) = response(
        "ResponseGetConversationsFull",
        seed::sample(Kind::Response, "ResponseGetConversationsFull"),
    ) else {
        panic!("wrong type")
    };
    let conversation = &list.conversations[0];
    assert_eq!(
        (conversation.is_dialog, conversation.dialog),
        (true, Some(true))
    );
    assert!(conversation.is_dialog());
    let event = &list.last_messages[0];
    assert_eq!((event.is_event, event.event), (true, Some(true)));
    // Only the duplicate present: the accessor still sees it.
    let mut body = seed::sample(Kind::Response, "ResponseGetConversationsFull");
    body["conversations"][0]["isDialog"] = json!(false);
    let Response::GetConversationsFull(list) = response("ResponseGetConversationsFull", body)
    else {
        panic!("wrong type")
    };
    assert!(list.conversations[0].is_dialog());
}

#[test]
fn nullability_drift_between_sections() {
    // §9 #8: signerUserId documented but missing in ResponseGetConversationFull.
    let Response::GetConversationFull(full) = response(
        "ResponseGetConversationFull",
        seed::sample(Kind::Response, "ResponseGetConversationFull"),
    ) else {
        panic!("wrong type")
    };
    assert_eq!(full.session_key.signer_user_id, None);
    // §9 #14: system messages have null body and IV although one section says non-null.
    let last = full.last_message.as_ref().unwrap();
    assert_eq!(
        (&last.iv_base64, &last.body_encrypted_base64),
        (&None, &None)
    );
    assert_eq!(last.event_type, Some(EventType::Added));
    // §9 #14: keys and nick null in ResponseUserInfoMulti although ResponseUserInfo says not.
    let Response::UserInfoMulti(multi) = response(
        "ResponseUserInfoMulti",
        seed::sample(Kind::Response, "ResponseUserInfoMulti"),
    ) else {
        panic!("wrong type")
    };
    assert!(
        multi
            .users
            .iter()
            .all(|u| u.public_key_base64.is_none() && u.nick.is_none())
    );
    // §9 #10: duration null although documented as an integer.
    let Response::Files(files) = response(
        "ResponseFiles",
        seed::sample(Kind::Response, "ResponseFiles"),
    ) else {
        panic!("wrong type")
    };
    assert_eq!(files.files[0].duration, None);
    // deviceToken null in the list, a string in the notification.
    let Response::ApplicationsFull(apps) = response(
        "ResponseApplicationsFull",
        seed::sample(Kind::Response, "ResponseApplicationsFull"),
    ) else {
        panic!("wrong type")
    };
    assert!(apps.applications[2].device_token.is_none());
    assert!(apps.applications[0].device_token.is_some());
    // Absent collections decode as empty; absent optional fields as None.
    let Response::GetConversationsFull(empty) = response("ResponseGetConversationsFull", json!({}))
    else {
        panic!("wrong type")
    };
    assert!(empty.conversations.is_empty() && empty.session_keys.is_empty());
    let Response::Pong(pong) = response("ResponsePong", json!({"serverVersion": "7.15"})) else {
        panic!("wrong type")
    };
    assert_eq!(pong.android_url, None);
    assert_eq!(pong.to_body_json(), json!({"serverVersion": "7.15"}));
}

/// Serializes a typed value for comparison.
trait ToBodyJson {
    fn to_body_json(&self) -> Value;
}

impl<T: serde::Serialize> ToBodyJson for T {
    fn to_body_json(&self) -> Value {
        serde_json::to_value(self).unwrap()
    }
}

#[test]
fn same_field_name_different_json_types_per_message() {
    // §9 #13: `lastMessage` is a number in Conversation but an object in
    // ResponseGetConversationFull; `members` is a list of ids, a count, a list of users, a map.
    let Response::GetConversationFull(full) = response(
        "ResponseGetConversationFull",
        seed::sample(Kind::Response, "ResponseGetConversationFull"),
    ) else {
        panic!("wrong type")
    };
    assert_eq!(
        full.conversation.last_message.as_millis(),
        1_732_795_359_507
    );
    assert_eq!(full.last_message.as_ref().unwrap().members, 2);
    let Request::CreateConversationFull(create) = Request::from_wire(
        "RequestCreateConversationFull",
        seed::sample(Kind::Request, "RequestCreateConversationFull"),
    )
    .unwrap() else {
        panic!("wrong type")
    };
    assert_eq!(create.admins.len(), 1);
    assert!(create.members.is_empty());
}

#[test]
fn pem_keys_with_either_line_ending() {
    // §9 #22: `\r\n` in ResponseUserInfo, `\n` elsewhere; kept as received.
    let Response::UserInfo(info) = response(
        "ResponseUserInfo",
        seed::sample(Kind::Response, "ResponseUserInfo"),
    ) else {
        panic!("wrong type")
    };
    let key = info.user.public_key_base64.unwrap();
    assert!(key.as_str().starts_with("-----BEGIN PUBLIC KEY-----\r\n"));
    assert!(
        key.normalized()
            .starts_with("-----BEGIN PUBLIC KEY-----\nMIIC")
    );
}

#[test]
fn update_user_keys_accepts_a_public_key_the_document_omits() {
    // §9 #23: optional `publicKeyBase64` in RequestUpdateUserKeys, omitted when None.
    let mut body = seed::sample(Kind::Request, "RequestUpdateUserKeys");
    let Request::UpdateUserKeys(without) =
        Request::from_wire("RequestUpdateUserKeys", body.clone()).unwrap()
    else {
        panic!("wrong type")
    };
    assert!(without.public_key_base64.is_none());
    assert!(without.to_body_json().get("publicKeyBase64").is_none());
    body["publicKeyBase64"] =
        json!("-----BEGIN PUBLIC KEY-----\nMIICIjANBgkqhkiG9w0BAQEFAAOCAg8A...");
    let with: RequestUpdateUserKeys = serde_json::from_value(body.clone()).unwrap();
    assert!(with.public_key_base64.is_some());
    assert!(with.unknown_fields().is_empty());
    assert_eq!(with.to_body_json(), body);
}

#[test]
fn ids_are_kept_exactly_as_received() {
    // §5: uppercase (iOS) and lowercase (Android) UUIDs, non-UUID iOS application ids.
    let Response::ApplicationsFull(apps) = response(
        "ResponseApplicationsFull",
        seed::sample(Kind::Response, "ResponseApplicationsFull"),
    ) else {
        panic!("wrong type")
    };
    assert_eq!(
        apps.applications[1].uuid.as_str(),
        "6F-C2C6B7B15065-6396923166703690188"
    );
    let Response::GetMessages(page) = response(
        "ResponseGetMessages",
        seed::samples(Kind::Response, "ResponseGetMessages").remove(1),
    ) else {
        panic!("wrong type")
    };
    assert_eq!(
        page.messages[0].uuid.as_str(),
        "F0DD7FEE-B581-4C9B-BDC2-0D721A9C9ADA"
    );
}

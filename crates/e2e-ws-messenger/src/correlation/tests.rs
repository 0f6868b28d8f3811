//! Tests of the wire table, keys and matchers, with the seed's samples.

use super::*;
use crate::api::responses::ResponseStatusMessage;
use crate::api::{Notification, WireRequest, WireResponse};
use crate::model::Status;
use crate::test_support::{Kind, seed};
use serde_json::{Value, json};

fn request(name: &str) -> Request {
    Request::from_wire(name, seed::sample(Kind::Request, name)).expect("seed request decodes")
}

fn response(name: &str, occurrence: usize) -> Response {
    let sample = seed::samples(Kind::Response, name)
        .into_iter()
        .nth(occurrence)
        .expect("occurrence exists");
    Response::from_wire(name, sample).expect("seed response decodes")
}

fn status(request_type: &str, status: &str) -> Response {
    Response::StatusMessage(ResponseStatusMessage::new(
        request_type,
        Status::from(status),
    ))
}

/// What the request's matcher says (no matcher counts as `Plausible`, as in the engine).
fn verdict(request: &Request, response: &Response) -> Match {
    matcher_for(request).map_or(Match::Plausible, |m| m(response))
}

fn accepts(request: &Request, response: &Response) -> bool {
    verdict(request, response) != Match::No
}

fn expected_of<T: WireResponse>() -> Expected {
    if T::WIRE_NAME == ResponseStatusMessage::WIRE_NAME {
        Expected::Status
    } else {
        Expected::Typed(T::WIRE_NAME)
    }
}

fn check<R: WireRequest>() {
    let entry = lookup(R::WIRE_NAME).unwrap_or_else(|| panic!("{} not in the table", R::WIRE_NAME));
    assert_eq!(entry.kind, MessageKind::Request);
    assert_eq!(
        entry.reply,
        Some(expected_of::<R::Reply>()),
        "{}",
        R::WIRE_NAME
    );
}

#[test]
fn the_table_lists_every_typed_message_once_with_its_reply() {
    let names = |kind| -> Vec<&str> {
        WIRE_TABLE
            .iter()
            .filter(|e| e.kind == kind)
            .map(|e| e.wire_name)
            .collect()
    };
    assert_eq!(names(MessageKind::Request), Request::WIRE_NAMES);
    assert_eq!(names(MessageKind::Response), Response::WIRE_NAMES);
    assert_eq!(names(MessageKind::Notification), Notification::WIRE_NAMES);
    assert_eq!(Request::WIRE_NAMES.len(), 56);
    assert_eq!(Response::WIRE_NAMES.len(), 21);
    assert_eq!(Notification::WIRE_NAMES.len(), 15);
    let mut all: Vec<&str> = WIRE_TABLE.iter().map(|e| e.wire_name).collect();
    all.sort_unstable();
    all.dedup();
    assert_eq!(all.len(), 92, "wire names are unique across kinds");
    // Every typed reply named in the table is a response of the table.
    for entry in WIRE_TABLE {
        if let Some(Expected::Typed(reply)) = entry.reply {
            assert_eq!(
                lookup(reply).map(|e| e.kind),
                Some(MessageKind::Response),
                "{reply}"
            );
        }
    }
    // The table agrees with each request type's `Reply`.
    check::<RequestPing>();
    check::<RequestRegisterApplication>();
    check::<RequestConfirmRegistration>();
    check::<RequestAuthenticationByApplication>();
    check::<RequestUpdateDeviceTokenByApplication>();
    check::<GetParams>();
    check::<RequestGetContactList>();
    check::<RequestGetRegisteredUsers>();
    check::<UpdateParam>();
    check::<RequestGetUpdatedPublicKeys>();
    check::<RequestGetMessages>();
    check::<RequestGetMessagesFromUuid>();
    check::<UpdateContact>();
    check::<RequestTyping>();
    check::<RequestAddMessage>();
    check::<RequestGetFiles>();
    check::<RequestGetFilesFast>();
    check::<RequestCreateConversationFull>();
    check::<RequestGetConversationFull>();
    check::<RequestGetSessionKey>();
    check::<MessageDelivered>();
    check::<UpdateMemberNick>();
    check::<RequestDeleteConversation>();
    check::<AddBlackList>();
    check::<RemoveBlackList>();
    check::<RequestLeaveConversation>();
    check::<RequestAddMember>();
    check::<RequestAddNewSessionKeys>();
    check::<RequestRenameConversation>();
    check::<RequestGetApplicationsFull>();
    check::<RequestDeleteUser>();
    check::<RequestDeleteUserConfirmation>();
    check::<RequestGetUserInfo>();
    check::<RequestGetUserInfoMulti>();
    check::<GetNicks>();
    check::<GetBlackList>();
    check::<RequestUpdateContactList>();
    check::<RequestGetServerSettings>();
    check::<RequestGetConversationsFull>();
    check::<RequestGetMembersList>();
    check::<RequestAddUserKeys>();
    check::<RequestUpdateUserNick>();
    check::<RequestUpdateUserKeys>();
    check::<RequestGetMessagesByUuids>();
    check::<RequestMessagesReaded>();
    check::<RequestDeleteApplication>();
    check::<RequestChangeToAdmin>();
    check::<RequestKickUser>();
    check::<AddMessageReport>();
    check::<RequestDeleteMessage>();
    check::<RequestDeleteMessages>();
    check::<AddConversationReport>();
    check::<AddUserReport>();
    check::<RequestAddAdmin>();
    check::<RequestConfirmUpdateUserKeys>();
    check::<RequestMarkAllReaded>();
}

#[test]
fn the_seed_shows_33_status_answered_and_23_typed_requests() {
    let status = WIRE_TABLE
        .iter()
        .filter(|e| e.reply == Some(Expected::Status))
        .count();
    let typed = WIRE_TABLE
        .iter()
        .filter(|e| matches!(e.reply, Some(Expected::Typed(_))))
        .count();
    assert_eq!((status, typed), (33, 23));
    let forget: Vec<&str> = WIRE_TABLE
        .iter()
        .filter(|e| e.fire_and_forget)
        .map(|e| e.wire_name)
        .collect();
    assert_eq!(
        forget,
        ["RequestTyping", "MessageDelivered", "RequestMessagesReaded"]
    );
    assert!(is_fire_and_forget(&request("MessageDelivered")));
    assert!(!is_fire_and_forget(&request("RequestAddMessage")));
}

#[test]
fn every_seed_request_response_pair_correlates() {
    let pairs = seed::request_response_pairs();
    assert_eq!(pairs.len(), 57);
    for (req, resp) in pairs {
        let request = Request::from_wire(&req.name, req.sample).unwrap();
        let response = Response::from_wire(&resp.name, resp.sample).unwrap();
        let key = key_for(&request);
        assert!(
            keys_for(&response).contains(&key),
            "{} (line {}) waits in {key:?}, not among {:?}",
            req.name,
            req.line,
            keys_for(&response)
        );
        assert!(
            accepts(&request, &response),
            "{} rejects its seed reply",
            req.name
        );
        // Typed requests always have a matcher; status-answered ones never need one.
        assert_eq!(
            matcher_for(&request).is_some(),
            matches!(key, QueueKey::Typed(_)),
            "{}",
            req.name
        );
    }
}

#[test]
fn keys_of_status_messages_and_typed_responses() {
    assert_eq!(
        keys_for(&status("RequestAddMember", "ok")),
        [QueueKey::Status("RequestAddMember".into())]
    );
    assert_eq!(
        keys_for(&status("RequestGetUserInfo", "NOT_FOUND")),
        [
            QueueKey::Status("RequestGetUserInfo".into()),
            QueueKey::Typed("ResponseUserInfo".into())
        ]
    );
    assert_eq!(
        keys_for(&status("RequestFromTheFuture", "ok")),
        [QueueKey::Status("RequestFromTheFuture".into())]
    );
    assert_eq!(
        keys_for(&response("ResponseGetMessages", 0)),
        [QueueKey::Typed("ResponseGetMessages".into())]
    );
    let unknown = Response::Unknown {
        wire_name: "ResponseReactions".into(),
        body: json!({}),
    };
    assert_eq!(
        keys_for(&unknown),
        [QueueKey::Typed("ResponseReactions".into())]
    );
    let unknown_request = Request::Unknown {
        wire_name: "RequestReact".into(),
        body: json!({}),
    };
    assert_eq!(
        key_for(&unknown_request),
        QueueKey::Status("RequestReact".into())
    );
    assert!(matcher_for(&unknown_request).is_none());
}

#[test]
fn a_status_message_naming_a_typed_request_reaches_only_that_request() {
    let error = status("RequestGetUserInfo", "NOT_FOUND");
    assert!(accepts(&request("RequestGetUserInfo"), &error));
    // Same queue would never hold it, but even so: other typed requests reject it.
    assert!(!accepts(&request("RequestGetUserInfoMulti"), &error));
    let messages_error = status("RequestGetMessagesFromUuid", "error");
    assert!(accepts(
        &request("RequestGetMessagesFromUuid"),
        &messages_error
    ));
    assert!(!accepts(&request("RequestGetMessages"), &messages_error));
    assert!(!accepts(
        &request("RequestGetMessagesByUuids"),
        &messages_error
    ));
}

#[test]
fn the_three_get_messages_requests_pick_their_reply_by_echo() {
    let get = request("RequestGetMessages"); // conversation 2A22B9FB…
    let from = request("RequestGetMessagesFromUuid"); // conversation 2A22B9FB…
    let by_uuids = request("RequestGetMessagesByUuids"); // conversation 66CE10E5…, one uuid
    for r in [&get, &from, &by_uuids] {
        assert_eq!(key_for(r), QueueKey::Typed("ResponseGetMessages".into()));
    }
    let page_2a22 = response("ResponseGetMessages", 0);
    let page_2a22_b = response("ResponseGetMessages", 1);
    let by_uuids_reply = response("ResponseGetMessages", 2);
    assert!(accepts(&get, &page_2a22) && accepts(&from, &page_2a22));
    assert!(accepts(&get, &page_2a22_b) && accepts(&from, &page_2a22_b));
    assert!(!accepts(&by_uuids, &page_2a22));
    assert!(!accepts(&get, &by_uuids_reply));
    assert!(!accepts(&from, &by_uuids_reply));
    assert!(accepts(&by_uuids, &by_uuids_reply));
    // By uuids also checks the message ids, ignoring case.
    let Request::GetMessagesByUuids(mut other_ids) = by_uuids.clone() else {
        unreachable!()
    };
    other_ids.uuids = vec![MessageUuid::new("29F6A11E-7309-413B-AF43-094851454EF9").unwrap()];
    assert!(!accepts(&other_ids.clone().into(), &by_uuids_reply));
    let Request::GetMessagesByUuids(mut lower) = by_uuids else {
        unreachable!()
    };
    lower.uuids = vec![MessageUuid::new("7b54a8a2-66d9-4097-8d55-0c78bae34d58").unwrap()];
    assert!(accepts(&lower.into(), &by_uuids_reply));
    // An empty page carries no evidence.
    let empty = Response::GetMessages(ResponseGetMessages::new(Vec::new()));
    assert!(accepts(&get, &empty) && accepts(&other_ids.into(), &empty));
}

#[test]
fn get_files_and_get_files_fast_check_the_download_url() {
    let files = request("RequestGetFiles"); // message F0DD7FEE…
    let fast = request("RequestGetFilesFast"); // message eaa5835e…
    let full_urls = response("ResponseFiles", 0); // URLs name F0DD7FEE…
    let cut_url = response("ResponseFiles", 1); // URL cut short: no evidence
    assert!(accepts(&files, &full_urls));
    assert!(!accepts(&fast, &full_urls));
    assert!(accepts(&files, &cut_url) && accepts(&fast, &cut_url));
}

#[test]
fn echo_mismatches_are_rejected() {
    let cases: [(&str, &str, &str, Value); 7] = [
        (
            "RequestAddMessage",
            "ResponseAddedMessage",
            "/message/uuid",
            json!("ddc9ec23-0000-4a2c-806c-8485ceb644ce"),
        ),
        (
            "RequestCreateConversationFull",
            "ResponseCreateConversation",
            "/conversation/uuid",
            json!("6921d2fd-0000-4802-bb70-d7a18770939e"),
        ),
        (
            "RequestGetConversationFull",
            "ResponseGetConversationFull",
            "/conversation/uuid",
            json!("6921d2fd-0000-4802-bb70-d7a18770939e"),
        ),
        (
            "RequestGetSessionKey",
            "ResponseSessionKeyByUuid",
            "/sessionKey/uuid",
            json!("b8322f5c-0000-4810-90da-8b167223e496"),
        ),
        (
            "RequestGetUserInfo",
            "ResponseUserInfo",
            "/user/userId",
            json!("gjSz6SR6CnUTFlx1fI0BVE863u9RlgAH0wTlW8udJQM="),
        ),
        (
            "RequestGetUserInfoMulti",
            "ResponseUserInfoMulti",
            "/users/1/userId",
            json!("gjSz6SR6CnUTFlx1fI0BVE863u9RlgAH0wTlW8udJQM="),
        ),
        (
            "GetParams",
            "Params",
            "/params/0/userId",
            json!("gjSz6SR6CnUTFlx1fI0BVE863u9RlgAH0wTlW8udJQM="),
        ),
    ];
    for (req, resp, pointer, other) in cases {
        let request = request(req);
        let mut sample = seed::sample(Kind::Response, resp);
        let good = Response::from_wire(resp, sample.clone()).unwrap();
        assert_eq!(verdict(&request, &good), Match::Yes, "{req}");
        *sample.pointer_mut(pointer).expect("pointer exists") = other;
        let bad = Response::from_wire(resp, sample).unwrap();
        assert!(
            !accepts(&request, &bad),
            "{req} accepted a reply with another {pointer}"
        );
    }
    // The echo compares UUIDs ignoring case.
    let mut sample = seed::sample(Kind::Response, "ResponseAddedMessage");
    *sample.pointer_mut("/message/uuid").unwrap() = json!("DDC9EC23-62E9-4A2C-806C-8485CEB644CE");
    let upper = Response::from_wire("ResponseAddedMessage", sample).unwrap();
    assert_eq!(verdict(&request("RequestAddMessage"), &upper), Match::Yes);
    // Registered users must be among those asked for.
    let Request::GetRegisteredUsers(mut asked) = request("RequestGetRegisteredUsers") else {
        unreachable!()
    };
    asked
        .check_user_list
        .retain(|u| u.as_str() != "FgP/up+bltJwsx2lVhqmXjC2h1nK/761PRrhTqgEncM=");
    assert!(!accepts(
        &asked.into(),
        &response("ResponseRegisteredUsers", 0)
    ));
}

#[test]
fn typed_matchers_reject_other_response_types() {
    let pong = response("ResponsePong", 0);
    for name in Request::WIRE_NAMES.iter().filter(|n| **n != "RequestPing") {
        if let Some(matcher) = matcher_for(&request(name)) {
            assert_eq!(matcher(&pong), Match::No, "{name} accepted a ResponsePong");
        }
    }
}

#[test]
fn only_echoed_identifying_fields_make_a_certain_match() {
    // Pages of a conversation carry nothing that identifies the page asked for.
    let get = request("RequestGetMessages");
    assert_eq!(
        verdict(&get, &response("ResponseGetMessages", 0)),
        Match::Plausible
    );
    // The exact set of requested message ids is certain; a subset only plausible.
    let by_uuids = request("RequestGetMessagesByUuids");
    let reply = response("ResponseGetMessages", 2);
    assert_eq!(verdict(&by_uuids, &reply), Match::Yes);
    let Request::GetMessagesByUuids(mut more) = by_uuids else {
        unreachable!()
    };
    more.uuids
        .push(MessageUuid::new("29F6A11E-7309-413B-AF43-094851454EF9").unwrap());
    assert_eq!(verdict(&more.into(), &reply), Match::Plausible);
    // Download URLs naming the message are certain; URLs of another shape are no evidence.
    assert_eq!(
        verdict(&request("RequestGetFiles"), &response("ResponseFiles", 0)),
        Match::Yes
    );
    assert_eq!(
        verdict(
            &request("RequestGetFilesFast"),
            &response("ResponseFiles", 1)
        ),
        Match::Plausible
    );
    // Replies without echo fields, and status messages naming the request, are plausible.
    assert_eq!(
        verdict(&request("RequestPing"), &response("ResponsePong", 0)),
        Match::Plausible
    );
    assert_eq!(
        verdict(
            &request("RequestGetUserInfo"),
            &status("RequestGetUserInfo", "NOT_FOUND")
        ),
        Match::Plausible
    );
    // Registered users: the whole list asked for is certain, fewer only plausible.
    let Request::GetRegisteredUsers(asked) = request("RequestGetRegisteredUsers") else {
        unreachable!()
    };
    let all =
        Response::RegisteredUsers(ResponseRegisteredUsers::new(asked.check_user_list.clone()));
    assert_eq!(verdict(&asked.clone().into(), &all), Match::Yes);
    assert_eq!(
        verdict(&asked.into(), &response("ResponseRegisteredUsers", 0)),
        Match::Plausible
    );
}

#[test]
fn replies_that_echo_are_listed() {
    for name in Request::WIRE_NAMES {
        let request = request(name);
        let can_confirm = seed::request_response_pairs()
            .into_iter()
            .filter(|(req, _)| req.name == *name)
            .any(|(_, resp)| {
                let response = Response::from_wire(&resp.name, resp.sample).unwrap();
                verdict(&request, &response) == Match::Yes
            });
        if can_confirm {
            assert!(reply_echoes(&request), "{name} echoes but is not listed");
        }
        if matches!(key_for(&request), QueueKey::Status(_)) || matcher_for(&request).is_none() {
            assert!(!reply_echoes(&request), "{name} has nothing to echo");
        }
    }
}

//! Two clients of this crate talk end-to-end encrypted through the fake server, which never
//! sees a plaintext body, nick or session key.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "support/fake.rs"]
mod fake;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use e2e_ws_messenger::api::Notification;
use e2e_ws_messenger::framing::TypeAndBody;
use e2e_ws_messenger::model::UserId;
use e2e_ws_messenger::testkit::{Direction, FakeMessengerServer, test_keys};
use e2e_ws_messenger::{Error, Event};
use fake::{next, registered};

const ALICE_PHONE: &str = "+35794048714";
const BOB_PHONE: &str = "+16266260017";

#[tokio::test(start_paused = true)]
async fn two_clients_exchange_encrypted_messages_and_read_receipts() {
    let server = FakeMessengerServer::start(TypeAndBody::default())
        .await
        .unwrap();
    let (alice, alice_chat) = registered(&server, ALICE_PHONE, test_keys::ALICE, "Alice").await;
    let (bob, bob_chat) = registered(&server, BOB_PHONE, test_keys::BOB, "Bob").await;
    let alice_id = UserId::from_e164(ALICE_PHONE).unwrap();
    let bob_id = UserId::from_e164(BOB_PHONE).unwrap();
    let mut alice_events = alice.events().unwrap();
    let mut bob_events = bob.events().unwrap();

    // Alice creates a dialog; Bob is told, and learns the conversation's key from the server.
    let dialog = alice_chat.create_dialog(&bob_id, "Alice A.").await.unwrap();
    assert!(dialog.is_dialog());
    assert!(dialog.admins.contains(&alice_id) && dialog.admins.contains(&bob_id));
    let added = next(&mut bob_events, |e| match e {
        Event::Notification(Notification::AddMemberToConversation(added)) => Some(added),
        _ => None,
    })
    .await;
    assert!(added.conversation.uuid.eq_ignore_case(&dialog.uuid));
    bob_chat
        .observe(&Notification::AddMemberToConversation(added))
        .await
        .unwrap();

    // Alice → Bob.
    let sent = alice_chat
        .send_text(&dialog.uuid, "Hello Bob, the door code is 4711")
        .await
        .unwrap();
    let received = next(&mut bob_events, |e| match e {
        Event::Notification(Notification::AddedMessageToConversation(n)) => Some(n.message),
        _ => None,
    })
    .await;
    assert_eq!(received.uuid, sent.uuid);
    assert_eq!(received.user_id, alice_id);
    assert!(!received.readed);
    assert_eq!(
        bob_chat.decrypt_text(&received).await.unwrap().as_deref(),
        Some("Hello Bob, the door code is 4711")
    );
    assert_eq!(
        bob_chat
            .decrypt_envelope(&received.user_nick)
            .await
            .unwrap(),
        "Alice A."
    );

    // Bob reads it: Alice gets the read receipt.
    bob_chat
        .mark_read(&dialog.uuid, std::slice::from_ref(&received.uuid))
        .await
        .unwrap();
    let receipt = next(&mut alice_events, |e| match e {
        Event::Notification(Notification::UpdatedMessage(update)) => Some(update),
        _ => None,
    })
    .await;
    assert_eq!(receipt.uuid, sent.uuid);
    assert_eq!((receipt.members, receipt.readed_members), (2, 2));

    // Bob → Alice.
    let reply = bob_chat
        .send_text(&dialog.uuid, "Thanks Alice! Mine is 0815")
        .await
        .unwrap();
    let got = next(&mut alice_events, |e| match e {
        Event::Notification(Notification::AddedMessageToConversation(n)) => Some(n.message),
        _ => None,
    })
    .await;
    assert_eq!(got.uuid, reply.uuid);
    assert_eq!(
        alice_chat.decrypt_text(&got).await.unwrap().as_deref(),
        Some("Thanks Alice! Mine is 0815")
    );

    // Alice rotates the key; Bob learns it from the notification; old and new messages
    // decrypt.
    let old_key = alice_chat.current_key(&dialog.uuid).await.unwrap();
    let new_uuid = alice_chat.rotate_key(&dialog.uuid).await.unwrap();
    let new_key = next(&mut bob_events, |e| match e {
        Event::Notification(n @ Notification::NewSessionKey(_)) => Some(n),
        _ => None,
    })
    .await;
    bob_chat.observe(&new_key).await.unwrap();
    let rotated = alice_chat
        .send_text(&dialog.uuid, "New key, same secrets")
        .await
        .unwrap();
    assert_eq!(rotated.session_key_uuid, new_uuid);
    let got = next(&mut bob_events, |e| match e {
        Event::Notification(Notification::AddedMessageToConversation(n)) => Some(n.message),
        _ => None,
    })
    .await;
    assert_eq!(
        bob_chat.decrypt_text(&got).await.unwrap().as_deref(),
        Some("New key, same secrets")
    );
    assert_eq!(
        bob_chat.decrypt_text(&received).await.unwrap().as_deref(),
        Some("Hello Bob, the door code is 4711")
    );
    let new_key = alice_chat.current_key(&dialog.uuid).await.unwrap();
    assert_ne!(old_key.0, new_key.0);

    // The server stored and relayed ciphertext only.
    let stored = server.messages(&dialog.uuid);
    assert_eq!(stored.len(), 3);
    assert!(stored.iter().all(|m| m.body_encrypted_base64.is_some()));
    let frames: Vec<String> = server
        .frames()
        .iter()
        .map(|f| String::from_utf8_lossy(f.frame.as_bytes()).into_owned())
        .collect();
    assert!(frames.len() > 20, "{} frames", frames.len());
    let mut secrets: Vec<String> = Vec::new();
    for text in [
        "Hello Bob, the door code is 4711",
        "Thanks Alice! Mine is 0815",
        "New key, same secrets",
        "Alice A.",
        "door code",
        "0815",
    ] {
        secrets.push(text.to_owned());
        secrets.push(STANDARD.encode(text));
    }
    for key in [&old_key.1, &new_key.1] {
        secrets.push(STANDARD.encode(key.expose()));
        secrets.push(hex(key.expose()));
    }
    for secret in &secrets {
        for (i, frame) in frames.iter().enumerate() {
            assert!(
                !frame.contains(secret.as_str()),
                "frame {i} carries a secret in plaintext"
            );
        }
    }
    // Frames went both ways on every connection.
    let recorded = server.frames();
    assert!(
        recorded
            .iter()
            .any(|f| f.direction == Direction::FromClient)
    );
    assert!(recorded.iter().any(|f| f.direction == Direction::ToClient));
    alice.shutdown().await;
    bob.shutdown().await;
}

#[tokio::test(start_paused = true)]
async fn a_group_title_and_a_third_member_who_was_not_invited() {
    let server = FakeMessengerServer::start(TypeAndBody::default())
        .await
        .unwrap();
    let (_alice, alice_chat) = registered(&server, ALICE_PHONE, test_keys::ALICE, "Alice").await;
    let (bob, bob_chat) = registered(&server, BOB_PHONE, test_keys::BOB, "Bob").await;
    let (_carol, carol_chat) = registered(&server, "+4930123456", test_keys::CAROL, "Carol").await;
    let bob_id = UserId::from_e164(BOB_PHONE).unwrap();
    let mut bob_events = bob.events().unwrap();

    let group = alice_chat
        .create_conversation(std::slice::from_ref(&bob_id), false, Some("Plans"), "Al")
        .await
        .unwrap();
    assert!(!group.is_dialog());
    assert_eq!(group.members, std::slice::from_ref(&bob_id));
    let title = group.title.clone().expect("the title is set");
    assert_eq!(bob_chat.decrypt_envelope(&title).await.unwrap(), "Plans");
    let _ = next(&mut bob_events, |e| match e {
        Event::Notification(Notification::AddMemberToConversation(_)) => Some(()),
        _ => None,
    })
    .await;

    let message = alice_chat
        .send_text(&group.uuid, "for members only")
        .await
        .unwrap();
    // Carol is not a member: the server refuses her the key, and the body stays closed.
    let err = carol_chat.decrypt_text(&message).await.unwrap_err();
    match err {
        Error::Server {
            request_type,
            status,
            ..
        } => {
            assert_eq!(request_type, "RequestGetSessionKey");
            assert_eq!(status.as_str(), "forbidden");
        }
        other => panic!("unexpected error {other:?}"),
    }
    // Alice cannot create a dialog with nobody, or with herself.
    let err = alice_chat
        .create_conversation(&[], true, None, "Al")
        .await
        .unwrap_err();
    assert!(matches!(err, Error::InvalidInput { ref field, .. } if field == "members"));
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

//! Two users register, create a dialog, exchange end-to-end encrypted messages and read
//! receipts, against the crate's own fake server; it prints what the server stored (ciphertext)
//! next to what the clients decrypted.
//!
//! Run it with `cargo run -p e2e-ws-messenger --features testkit --example e2e-ws-messenger-demo` (or
//! `cargo xtask demo`). Against a real server, connect with `Client::builder("wss://…")` and
//! the server's framing; register with the SMS code the phone receives.

#![allow(clippy::print_stdout)] // a demo prints what it does

use e2e_ws_messenger::api::Notification;
use e2e_ws_messenger::api::requests::RequestRegisterApplication;
use e2e_ws_messenger::e2e::Chat;
use e2e_ws_messenger::framing::TypeAndBody;
use e2e_ws_messenger::model::{ApplicationId, ApplicationType, DeviceInfo, UserId};
use e2e_ws_messenger::testkit::{FakeMessengerServer, test_keys};
use e2e_ws_messenger::transport_core::Secret;
use e2e_ws_messenger::{Client, Event, EventStream};
use std::error::Error as StdError;

type Result<T> = std::result::Result<T, Box<dyn StdError>>;

/// Registers `phone` by SMS, publishes the user's keys and returns the client and its chat.
async fn sign_up(
    server: &FakeMessengerServer,
    name: &str,
    phone: &str,
    key_pem: &str,
) -> Result<(Client, Chat)> {
    let client = Client::builder(server.url())
        .framing(TypeAndBody::default())
        .crypto(test_keys::provider(key_pem)?)
        .connect()
        .await?;
    let device = DeviceInfo::new(ApplicationType::Android, "SM-A336B", "SDK 34", "samsung");
    client
        .register_application(RequestRegisterApplication::new(
            phone,
            ApplicationId::random(),
            device,
        )?)
        .await?;
    let code = server.sms_code(phone).ok_or("no SMS was sent")?;
    println!("  {name}: registered {phone}, confirmed with the SMS code, authenticated");
    client.confirm_registration(code).await?;
    let chat = Chat::new(&client)?;
    let keys = test_keys::provider(key_pem)?;
    let backup =
        keys.encrypted_private_key_pem(&Secret::new(format!("{name}'s passphrase")), 10_000)?;
    let key_pair = chat.publish_keys(name, backup).await?;
    println!(
        "  {name}: published an RSA-{} public key (key pair {})",
        keys.bits(),
        key_pair.map(|k| k.to_string()).unwrap_or_default()
    );
    Ok((client, chat))
}

/// The next notification `pick` accepts.
async fn next<T>(events: &mut EventStream, pick: impl Fn(Notification) -> Option<T>) -> Result<T> {
    while let Some(event) = events.recv().await {
        if let Event::Notification(notification) = event
            && let Some(found) = pick(notification)
        {
            return Ok(found);
        }
    }
    Err("the event stream ended".into())
}

fn short(text: &str) -> String {
    if text.len() > 60 {
        format!("{}…", &text[..60])
    } else {
        text.to_owned()
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<()> {
    let server = FakeMessengerServer::start(TypeAndBody::default()).await?;
    println!("Fake messenger server at {}\n", server.url());

    println!("1. Two users sign up");
    let (alice, alice_chat) = sign_up(&server, "Alice", "+35794048714", test_keys::ALICE).await?;
    let (bob, bob_chat) = sign_up(&server, "Bob", "+16266260017", test_keys::BOB).await?;
    let bob_id = UserId::from_e164("+16266260017")?;
    let mut alice_events = alice.events().ok_or("events taken")?;
    let mut bob_events = bob.events().ok_or("events taken")?;

    println!("\n2. Alice creates a dialog with Bob (a fresh session key, wrapped for both)");
    let dialog = alice_chat.create_dialog(&bob_id, "Alice").await?;
    println!("  conversation {}", dialog.uuid);
    for copy in server.session_keys() {
        let wrapped = copy.key_encrypted_base64.as_str();
        println!(
            "  server keeps a copy for {}: {} ({} bytes wrapped, signed by the creator)",
            short(copy.user_id.as_str()),
            short(wrapped),
            copy.key_encrypted_base64
                .decode()
                .map(|b| b.len())
                .unwrap_or(0),
        );
    }
    let added = next(&mut bob_events, |n| match n {
        Notification::AddMemberToConversation(added) => Some(added),
        _ => None,
    })
    .await?;
    bob_chat
        .observe(&Notification::AddMemberToConversation(added))
        .await?;
    println!("  Bob was notified of the new conversation");

    println!("\n3. Encrypted messages");
    let sent = alice_chat
        .send_text(&dialog.uuid, "Hi Bob! Dinner at 8?")
        .await?;
    let received = next(&mut bob_events, |n| match n {
        Notification::AddedMessageToConversation(added) => Some(added.message),
        _ => None,
    })
    .await?;
    let stored = server.messages(&dialog.uuid);
    let on_server = stored
        .iter()
        .find(|m| m.uuid == sent.uuid)
        .and_then(|m| m.body_encrypted_base64.as_ref())
        .map(|b| b.as_str().to_owned())
        .unwrap_or_default();
    println!("  Alice → server:  bodyEncryptedBase64 = {on_server}");
    println!(
        "  server → Bob:    Bob decrypts {:?} (from {:?})",
        bob_chat.decrypt_text(&received).await?.unwrap_or_default(),
        bob_chat.decrypt_envelope(&received.user_nick).await?,
    );
    let reply = bob_chat
        .send_text(&dialog.uuid, "Sure, see you at 8!")
        .await?;
    let got = next(&mut alice_events, |n| match n {
        Notification::AddedMessageToConversation(added) => Some(added.message),
        _ => None,
    })
    .await?;
    println!(
        "  Bob → server:    bodyEncryptedBase64 = {}",
        reply
            .body_encrypted_base64
            .as_ref()
            .map(|b| b.as_str())
            .unwrap_or_default()
    );
    println!(
        "  server → Alice:  Alice decrypts {:?}",
        alice_chat.decrypt_text(&got).await?.unwrap_or_default()
    );

    println!("\n4. Read receipts");
    bob_chat
        .mark_read(&dialog.uuid, std::slice::from_ref(&received.uuid))
        .await?;
    let receipt = next(&mut alice_events, |n| match n {
        Notification::UpdatedMessage(update) if update.uuid == sent.uuid => Some(update),
        _ => None,
    })
    .await?;
    println!(
        "  Alice's message was read by {} of {} members",
        receipt.readed_members, receipt.members
    );

    println!("\n5. What the server saw");
    let frames = server.frames();
    let plaintexts = ["Hi Bob! Dinner at 8?", "Sure, see you at 8!"];
    let leaks = frames
        .iter()
        .filter(|f| {
            let text = String::from_utf8_lossy(f.frame.as_bytes());
            plaintexts.iter().any(|p| text.contains(p))
        })
        .count();
    println!(
        "  {} frames relayed, {} messages stored; frames containing a plaintext body: {leaks}",
        frames.len(),
        server.messages(&dialog.uuid).len()
    );
    alice.shutdown().await;
    bob.shutdown().await;
    if leaks > 0 {
        return Err("the server saw a plaintext".into());
    }
    Ok(())
}

//! Demo: pair an [`ArpClient`] with the fake Threema app through the real `saltyrtc-server`
//! (installed by `cargo xtask setup`), list the conversations, send a message, and receive the
//! app's update. Run with `cargo xtask demo threema-arp` (or
//! `cargo run -p threema-arp --example threema-arp-demo --features testkit`).

#![allow(clippy::print_stdout)]

use std::time::Duration;
use threema_arp::model::ReceiverRef;
use threema_arp::session::Update;
use threema_arp::testkit::{FakeApp, FakeAppConfig, SaltyRtcServer};
use threema_arp::{ArpClient, ArpConfig, ArpMessage};
use transport_core::ws::NotificationItem;

type Error = Box<dyn std::error::Error + Send + Sync>;

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() -> Result<(), Error> {
    // The real SaltyRTC server on a free port of 127.0.0.1 (killed when dropped).
    let server = SaltyRtcServer::start().await?;
    println!("saltyrtc-server listening on port {}", server.port());

    // The client shows a QR code; the (fake) app scans it and connects.
    let pairing = ArpClient::pair(ArpConfig::new(server.server_config()))?;
    println!("QR payload: {} bytes", pairing.qr().to_bytes()?.len());
    let app = FakeApp::pair(FakeAppConfig::new(server.server_config()), pairing.qr())?;
    let client = tokio::time::timeout(Duration::from_secs(30), pairing.connect()).await??;
    println!("paired, session state: {:?}", client.state());
    let mut updates = client.updates().ok_or("the update stream was taken")?;

    for conversation in client.conversations().await? {
        println!(
            "conversation {} ({:?}): {} messages, {} unread",
            conversation.id,
            conversation.receiver_type,
            conversation.message_count,
            conversation.unread_count
        );
    }

    let echo = ReceiverRef::contact("ECHOECHO");
    client.messages(echo.clone(), None).await?;
    let id = client.send_text(echo.clone(), "Hello from Rust").await?;
    println!("sent message {id}");

    app.incoming_message(&echo, "ECHOECHO", "Hello back from the app");
    tokio::time::timeout(Duration::from_secs(30), async {
        loop {
            match updates.recv().await {
                Some(NotificationItem::Notification(Update::Message(frame))) => {
                    let ArpMessage::UpdateMessages(update) = frame.message else {
                        continue;
                    };
                    let mut from_app = false;
                    for message in &update.data {
                        let body = message.body.as_deref().unwrap_or("");
                        println!(
                            "update: message {} from {:?}: {body:?}",
                            message.id, message.partner_id
                        );
                        from_app |= body == "Hello back from the app";
                    }
                    if from_app {
                        break Ok(());
                    }
                }
                Some(_) => {}
                None => break Err("the update stream ended"),
            }
        }
    })
    .await??;

    client.close().await?;
    println!("closed");
    Ok(())
}

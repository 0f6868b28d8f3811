//! An echo bot built with the dispatcher, against the crate's own fake TrueConf server, with a
//! scripted user talking to it. Prints the exchange.
//!
//! Run it with `cargo run -p trueconf-chatbot --features testkit --example trueconf-chatbot-demo` (or
//! `cargo xtask demo`). Against a real server, build the client with
//! `Client::builder(host).credentials(user, password)` instead of `server.bot_client()` (see
//! `examples/echo_bot.rs`); the bot itself stays the same.

#![allow(clippy::print_stdout)] // a demo prints what it does

use trueconf_chatbot::bot::{Dispatcher, Filter};
use trueconf_chatbot::model::EnvelopeContent;
use trueconf_chatbot::testkit::FakeTrueConfServer;
use trueconf_chatbot::{Client, Error};

/// The bot: `/start`, `/upper <text>`, files (downloads them and says what it got), and an
/// echo for everything else.
fn echo_bot(client: Client) -> Dispatcher {
    Dispatcher::builder(client)
        .on_message(Filter::command("start"), |cx| async move {
            cx.reply("Hi! I repeat what you write. Try /upper <text>, or send me a file.")
                .await?;
            Ok(())
        })
        .on_message(Filter::command("upper"), |cx| async move {
            let args = cx
                .command
                .as_ref()
                .map(|c| c.args.to_uppercase())
                .unwrap_or_default();
            cx.reply(args).await?;
            Ok(())
        })
        .on_message(
            Filter::any().predicate(|m| matches!(m.content, EnvelopeContent::Attachment(_))),
            |cx| async move {
                let EnvelopeContent::Attachment(file) = &cx.message.content else {
                    return Ok(());
                };
                let bytes = cx.client.download_file(file.file_id.clone(), None).await?;
                cx.reply(format!(
                    "Got {} ({} bytes): {:?}",
                    file.name,
                    bytes.len(),
                    String::from_utf8_lossy(&bytes)
                ))
                .await?;
                Ok(())
            },
        )
        .on_message(Filter::any(), |cx| async move {
            let text = cx.text().unwrap_or_default().to_owned();
            cx.send(format!("You said: {text}")).await?;
            Ok(())
        })
        .on_error(|error| println!("  (bot error: {error})"))
        .build()
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Error> {
    let server = FakeTrueConfServer::start().await?;
    println!("Fake TrueConf server at {}", server.base_url());
    let alice = server.add_user("alice", "Alice Liddell");

    let client = server.bot_client().connect().await?;
    let me = client.me().map(|id| id.to_string()).unwrap_or_default();
    println!("Bot connected and authenticated as {me}");
    let running = tokio::spawn(echo_bot(client.clone()).run());

    let chat = alice.create_p2p_chat_with_bot()?;
    println!("Alice opened a personal chat with the bot ({chat})\n");
    for text in [
        "/start",
        "Hello, bot!",
        "/upper make some noise",
        "How are you?",
    ] {
        println!("alice → bot: {text}");
        alice.send_text(&chat, text)?;
        let answer = server.next_message_from_bot(&chat).await;
        println!("bot → alice: {}\n", answer.text().unwrap_or("<not text>"));
    }
    println!("alice → bot: [file notes.txt]");
    alice.send_file(&chat, "notes.txt", "text/plain", &b"remember the milk"[..])?;
    let answer = server.next_message_from_bot(&chat).await;
    println!("bot → alice: {}\n", answer.text().unwrap_or("<not text>"));

    client.shutdown().await;
    let summary = match running.await {
        Ok(summary) => summary?,
        Err(error) => {
            println!("the dispatcher task failed: {error}");
            return Ok(());
        }
    };
    println!(
        "Handled {} notifications ({} failed); the server received {} acknowledgements.",
        summary.handled,
        summary.failed,
        server.acks()
    );
    Ok(())
}

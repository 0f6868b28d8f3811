//! An echo bot for a real TrueConf server.
//!
//! ```text
//! TRUECONF_HOST=video.example.com TRUECONF_USER=echo-bot TRUECONF_PASSWORD=… \
//!     cargo run -p trueconf-chatbot --example echo_bot
//! ```
//!
//! `TRUECONF_PORT` sets the port; `TRUECONF_PLAIN=1` talks to the Bridge directly over plain
//! HTTP/WebSocket (port 4309 unless set). The bot answers `/start`, echoes text messages, and
//! runs until the process is stopped (Ctrl-C).

#![allow(clippy::print_stdout, clippy::print_stderr)] // an example prints what it does

use trueconf_chatbot::bot::{Dispatcher, Filter};
use trueconf_chatbot::{Client, Error, Scheme};

fn env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.is_empty())
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Error> {
    let (Some(host), Some(user), Some(password)) = (
        env("TRUECONF_HOST"),
        env("TRUECONF_USER"),
        env("TRUECONF_PASSWORD"),
    ) else {
        eprintln!("set TRUECONF_HOST, TRUECONF_USER and TRUECONF_PASSWORD");
        return Ok(());
    };
    let mut builder = Client::builder(host).credentials(user, password);
    if env("TRUECONF_PLAIN").is_some() {
        builder = builder.scheme(Scheme::Http);
    }
    if let Some(port) = env("TRUECONF_PORT").and_then(|p| p.parse().ok()) {
        builder = builder.port(port);
    }
    let client = builder.connect().await?;
    println!("connected as {:?}", client.me());

    let summary = Dispatcher::builder(client)
        .on_message(Filter::command("start"), |cx| async move {
            cx.reply("Hello! I repeat every message you send me.")
                .await?;
            Ok(())
        })
        .on_message(Filter::any(), |cx| async move {
            if let Some(text) = cx.text() {
                let echo = text.to_owned();
                cx.reply(echo).await?;
            }
            Ok(())
        })
        .on_error(|error| eprintln!("{error}"))
        .build()
        .run_until(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await?;
    println!("stopped: {summary:?}");
    Ok(())
}

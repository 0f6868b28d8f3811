//! A small bot layer: a [`Dispatcher`] that routes each notification to the first matching
//! async handler.
//!
//! - **Routes**: message handlers with a [`Filter`] (chat, author, text command, any
//!   predicate) for `sendMessage` notifications, and handlers per notification [`Kind`] for
//!   everything else (chat events, commands, upload progress, unknown methods, malformed
//!   payloads).
//! - **Order and concurrency**: notifications about the same chat are handled one after the
//!   other, in arrival order; different chats are handled concurrently (up to a limit). Each
//!   chat's queue lives only while it has work.
//! - **Never on the reader**: handlers run on their own tasks; the client's reader keeps
//!   answering pings and requests however long a handler takes.
//! - **The bot's own messages are skipped** (compared with the id `auth` returned, which the
//!   client knows before the first notification is handed on).
//! - **Acknowledgements**: with [`AckMode::AfterHandler`](crate::AckMode::AfterHandler) the
//!   dispatcher acknowledges each notification after its handler returned (also when nothing
//!   matched, and when the handler failed); with the default immediate mode the reader already
//!   did.
//! - **Failures** (handler errors, panics, lost or unreadable notifications) go to
//!   [`DispatcherBuilder::on_error`] and to `tracing`; the dispatcher goes on.
//!
//! ```
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> trueconf_chatbot::Result<()> {
//! use trueconf_chatbot::bot::{Dispatcher, Filter};
//! use trueconf_chatbot::testkit::FakeTrueConfServer;
//!
//! let server = FakeTrueConfServer::start().await?;
//! let alice = server.add_user("alice", "Alice");
//! let client = server.bot_client().connect().await?;
//!
//! let dispatcher = Dispatcher::builder(client.clone())
//!     .on_message(Filter::command("start"), |cx| async move {
//!         cx.reply("Hello! Send me anything and I will echo it.").await?;
//!         Ok(())
//!     })
//!     .on_message(Filter::any(), |cx| async move {
//!         let text = cx.text().unwrap_or_default().to_owned();
//!         cx.reply(text).await?;
//!         Ok(())
//!     })
//!     .build();
//! let running = tokio::spawn(dispatcher.run());
//!
//! let chat = alice.create_p2p_chat_with_bot()?;
//! alice.send_text(&chat, "/start")?;
//! let answer = server.next_message_from_bot(&chat).await;
//! assert_eq!(answer.text(), Some("Hello! Send me anything and I will echo it."));
//!
//! client.shutdown().await;
//! let summary = running.await.expect("dispatcher task")?;
//! assert_eq!(summary.handled, 1);
//! # Ok(())
//! # }
//! ```

mod context;
mod dispatcher;
mod filter;

pub use context::{EventContext, MessageContext};
pub use dispatcher::{DispatchError, Dispatcher, DispatcherBuilder, Summary};
pub use filter::{Command, Filter, Kind};

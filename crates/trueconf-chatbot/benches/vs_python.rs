//! This crate against the official Python client (`python-trueconf-bot`, installed by
//! `cargo xtask setup`), and typed decoding against `serde_json::Value`.
//!
//! 1. One `FakeTrueConfServer` runs in this process (its own two-worker runtime). Each client
//!    runs in a child process of its own, so neither client's memory is counted with the
//!    server's or another client's: this binary with `--client` (our `Client`, twice), then
//!    `benches/python/send_messages.py` in the virtualenv. Each connects as the bot with the
//!    same token, sends one warm-up message, then N `sendMessage` requests at once to the same
//!    chat, pipelined on the one WebSocket, and reports the wall time and CPU time of the N
//!    requests and its own peak RSS (`VmHWM` from `/proc/self/status`, read just before
//!    exiting). Our client sends them with `Client::call_all` (the goal figures) and, reported
//!    alongside, as one `send_text` future per request under `join_all`; the Python client
//!    with `asyncio.gather` of `send_message` (its only way), with its per-answer INFO logging
//!    turned off.
//! 2. Typed decode of a 1,000-message `getChatHistory` response frame (`codec::decode_frame` +
//!    `ResponseFrame::decode::<GetChatHistory>`) against `serde_json::from_str::<Value>` of the
//!    same text; best of several rounds each, the two alternating round by round.
//!
//! Run with `cargo xtask bench vs_python` (`--quick`: N = 5,000 instead of 20,000, fewer
//! decode rounds). Prints `@bench` lines for `cargo xtask bench` (three with goals, three
//! reported); details go to stderr.

#![allow(
    clippy::print_stdout,
    clippy::print_stderr,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    missing_docs
)]

use serde_json::Value;
use std::hint::black_box;
use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};
use trueconf_chatbot::api::messages::{GetChatHistory, SendMessage};
use trueconf_chatbot::codec::{self, Frame};
use trueconf_chatbot::model::{ChatId, TextContent};
use trueconf_chatbot::testkit::FakeTrueConfServer;
use trueconf_chatbot::{Client, Scheme};

#[path = "../tests/support/python.rs"]
mod venv;

const THROUGHPUT_GOAL: f64 = 20.0;
const MEMORY_GOAL: f64 = 0.2;
const DECODE_GOAL: f64 = 1.0;
const PARSE_MODES: [&str; 3] = ["text", "html", "markdown"];

/// What a client child process reports.
#[derive(Debug, Clone, Copy)]
struct Run {
    secs: f64,
    cpu_secs: f64,
    ok: u64,
    vmhwm_kib: u64,
}

impl Run {
    fn parse(who: &str, stdout: &str) -> Self {
        let line = stdout
            .lines()
            .rev()
            .find(|l| l.trim_start().starts_with('{'))
            .unwrap_or_else(|| panic!("{who} printed no result:\n{stdout}"));
        let value: Value = serde_json::from_str(line).unwrap();
        Self {
            secs: value["secs"].as_f64().unwrap(),
            cpu_secs: value["cpu_secs"].as_f64().unwrap(),
            ok: value["ok"].as_u64().unwrap(),
            vmhwm_kib: value["vmhwm_kib"].as_u64().unwrap(),
        }
    }

    fn per_second(&self, n: usize) -> f64 {
        n as f64 / self.secs
    }
}

/// CPU time the main thread (which runs the current-thread runtime, so the whole client) used
/// so far, in seconds: the first field of `/proc/thread-self/schedstat`, in nanoseconds.
fn cpu_secs() -> f64 {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").unwrap();
    let nanos: u64 = stat.split_whitespace().next().unwrap().parse().unwrap();
    nanos as f64 / 1e9
}

fn vmhwm_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .unwrap()
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.split_whitespace().next())
        .and_then(|v| v.parse().ok())
        .unwrap()
}

/// How our client sends the N messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// `Client::call_all`: one validated batch, pipelined, answers as a stream.
    Batch,
    /// `join_all` over N `Client::send_text` futures (what `asyncio.gather` does in Python).
    Futures,
}

impl Mode {
    fn arg(self) -> &'static str {
        match self {
            Self::Batch => "batch",
            Self::Futures => "futures",
        }
    }
}

/// The child: our client sends `n` messages at once and reports.
fn client_child(mode: Mode, port: u16, token: String, chat: String, n: usize) {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let (secs, cpu, ok) = runtime.block_on(async move {
        let client = Client::builder("127.0.0.1")
            .scheme(Scheme::Http)
            .port(port)
            .token(token)
            .connect()
            .await
            .unwrap();
        let chat = ChatId::new(chat);
        client.send_text(chat.clone(), "warm-up").await.unwrap();
        let cpu_before = cpu_secs();
        let started = Instant::now();
        let ok = match mode {
            Mode::Batch => {
                let messages = (0..n).map(|i| {
                    SendMessage::new(chat.clone(), TextContent::plain(format!("message {i}")))
                });
                let mut results = client.call_all(messages).unwrap();
                let mut ok = 0;
                while let Some((_, result)) = results.recv().await {
                    ok +=
                        usize::from(result.is_ok_and(|sent| !sent.message_id.as_str().is_empty()));
                }
                ok
            }
            Mode::Futures => {
                let answers = futures_util::future::join_all(
                    (0..n).map(|i| client.send_text(chat.clone(), format!("message {i}"))),
                )
                .await;
                answers
                    .iter()
                    .filter(|a| {
                        a.as_ref()
                            .is_ok_and(|sent| !sent.message_id.as_str().is_empty())
                    })
                    .count()
            }
        };
        let secs = started.elapsed().as_secs_f64();
        let cpu = cpu_secs() - cpu_before;
        client.shutdown().await;
        (secs, cpu, ok)
    });
    drop(runtime);
    println!(
        "{{\"secs\":{secs},\"cpu_secs\":{cpu},\"ok\":{ok},\"vmhwm_kib\":{}}}",
        vmhwm_kib()
    );
}

fn run_child(who: &str, mut command: Command) -> Run {
    let output = command.output().unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "{who} failed ({}):\n{stdout}\n{stderr}",
        output.status
    );
    for line in stderr.lines().filter(|l| !l.trim().is_empty()).take(20) {
        eprintln!("{who}: {line}");
    }
    Run::parse(who, &stdout)
}

/// The server, on its own thread: port, the bot's token, the chat; stops when `stop` is sent.
fn start_server() -> (u16, String, String, std::sync::mpsc::Sender<()>) {
    let (info_tx, info_rx) = std::sync::mpsc::channel();
    let (stop_tx, stop_rx) = std::sync::mpsc::channel::<()>();
    std::thread::spawn(move || {
        // Two workers: the connection's reader and writer tasks can run side by side.
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .unwrap();
        runtime.block_on(async move {
            let server = FakeTrueConfServer::builder()
                .record_requests(false)
                .token_lifetime(Duration::from_secs(24 * 3600))
                .start()
                .await
                .unwrap();
            let alice = server.add_user("alice", "Alice");
            let chat = alice.create_p2p_chat_with_bot().unwrap();
            let token = server.issue_token("bot");
            info_tx
                .send((server.port(), token.expose().to_owned(), chat.to_string()))
                .unwrap();
            tokio::task::spawn_blocking(move || {
                let _ = stop_rx.recv();
            })
            .await
            .unwrap();
            drop(server);
        });
    });
    let (port, token, chat) = info_rx.recv().unwrap();
    (port, token, chat, stop_tx)
}

/// A 1,000-message `getChatHistory` response frame: mostly text in the three parse modes, with
/// replies, edits, attachments and system messages mixed in.
fn history_frame(count: usize) -> String {
    let mut messages = Vec::with_capacity(count);
    for i in 0..count {
        let author = format!("user{}@video.example.com", i % 7);
        let mut message = serde_json::json!({
            "chatId": "bd05af54347e04a1c44e70033d35834d4428bb5d",
            "messageId": format!("d8bdd362-2656-46ff-a1db-{i:012}"),
            "timestamp": 1_746_028_006_345_u64 + i as u64 * 1_000,
            "author": {"id": author, "type": 1},
            "isEdited": i % 11 == 0,
            "box": {"id": i, "position": "0"},
        });
        let (kind, content) = match i % 10 {
            0..=5 => (
                200,
                serde_json::json!({
                    "text": format!("Message number {i}: the weekly sync moves to Thursday, \
                                     please check the agenda and reply if something is missing."),
                    "parseMode": PARSE_MODES[i % 3],
                }),
            ),
            6 => (
                200,
                serde_json::json!({"text": format!("<b>Reply</b> to {}", i - 1), "parseMode": "html"}),
            ),
            7 => (
                202,
                serde_json::json!({
                    "name": format!("report-{i}.pdf"),
                    "mimeType": "application/pdf",
                    "size": 10_000 + i,
                    "fileId": format!("f{i:039}"),
                    "readyState": 2,
                }),
            ),
            8 => (1, serde_json::json!({"userId": author})),
            _ => (
                21,
                serde_json::json!({"title": format!("Project chat #{i}")}),
            ),
        };
        message["type"] = kind.into();
        message["content"] = content;
        if i % 10 == 6 {
            message["replyMessageId"] = format!("d8bdd362-2656-46ff-a1db-{:012}", i - 1).into();
        }
        messages.push(message);
    }
    serde_json::json!({
        "type": 2,
        "id": 42,
        "payload": {
            "chatId": "bd05af54347e04a1c44e70033d35834d4428bb5d",
            "count": count,
            "messages": messages,
        }
    })
    .to_string()
}

/// Best (shortest) time per iteration of `a` and of `b` over `rounds` rounds of `iterations`
/// calls each, the two alternating round by round so that a load change on a shared machine
/// affects both alike.
fn best_of_alternating(
    rounds: usize,
    iterations: usize,
    mut a: impl FnMut(),
    mut b: impl FnMut(),
) -> (Duration, Duration) {
    let time = |f: &mut dyn FnMut()| {
        let started = Instant::now();
        for _ in 0..iterations {
            f();
        }
        started.elapsed() / u32::try_from(iterations).unwrap()
    };
    let (mut best_a, mut best_b) = (Duration::MAX, Duration::MAX);
    for _ in 0..rounds {
        best_a = best_a.min(time(&mut a));
        best_b = best_b.min(time(&mut b));
    }
    (best_a, best_b)
}

fn decode_bench(quick: bool) {
    let text = history_frame(1_000);
    // Correctness first: the typed decode reads every message, with its content.
    let Frame::Response(response) = codec::decode_frame(&text).unwrap() else {
        panic!("not a response")
    };
    let history = response.decode::<GetChatHistory>().unwrap();
    assert_eq!(history.messages.len(), 1_000);
    assert_eq!(
        history
            .messages
            .iter()
            .filter(|m| m.text().is_some())
            .count(),
        700
    );

    let (rounds, iterations) = if quick { (6, 10) } else { (20, 20) };
    let (typed, value) = best_of_alternating(
        rounds,
        iterations,
        || {
            let Frame::Response(response) = codec::decode_frame(black_box(&text)).unwrap() else {
                unreachable!()
            };
            black_box(response.decode::<GetChatHistory>().unwrap());
        },
        || {
            black_box(serde_json::from_str::<Value>(black_box(&text)).unwrap());
        },
    );
    let ratio = typed.as_secs_f64() / value.as_secs_f64();
    eprintln!(
        "getChatHistory decode ({} KiB): typed {typed:?}, Value {value:?}",
        text.len() / 1024
    );
    println!(
        "@bench\tTrueConf typed decode of a 1,000-message getChatHistory ({} KiB) vs serde_json::Value\t{:.0} µs\t{:.0} µs\t{ratio:.2}\t≤ {DECODE_GOAL:.1}\t{}",
        text.len() / 1024,
        typed.as_secs_f64() * 1e6,
        value.as_secs_f64() * 1e6,
        if ratio <= DECODE_GOAL { "yes" } else { "no" }
    );
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(at) = args.iter().position(|a| a == "--client") {
        let rest = &args[at + 1..];
        let mode = if rest[0] == "batch" {
            Mode::Batch
        } else {
            Mode::Futures
        };
        client_child(
            mode,
            rest[1].parse().unwrap(),
            rest[2].clone(),
            rest[3].clone(),
            rest[4].parse().unwrap(),
        );
        return;
    }
    let quick = args.iter().any(|a| a == "--quick");
    let n: usize = if quick { 5_000 } else { 20_000 };

    let python = venv::python();
    let (port, token, chat, stop) = start_server();
    let ours = |mode: Mode| {
        let mut command = Command::new(std::env::current_exe().unwrap());
        command.args([
            "--client",
            mode.arg(),
            &port.to_string(),
            &token,
            &chat,
            &n.to_string(),
        ]);
        run_child(&format!("our client ({})", mode.arg()), command)
    };
    let batch = ours(Mode::Batch);
    let futures = ours(Mode::Futures);
    let theirs = {
        let mut command = Command::new(python);
        command
            .arg(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("benches/python/send_messages.py"))
            .args([&port.to_string(), &token, &chat, &n.to_string()]);
        run_child("python-trueconf-bot", command)
    };
    let _ = stop.send(());
    for (who, run) in [
        ("call_all", batch),
        ("send_text futures", futures),
        ("python", theirs),
    ] {
        assert_eq!(run.ok, n as u64, "{who}: not every request succeeded");
        eprintln!(
            "{who}: {:.0} requests/s, {:.1} µs CPU per request, peak RSS {:.1} MiB",
            run.per_second(n),
            run.cpu_secs * 1e6 / n as f64,
            run.vmhwm_kib as f64 / 1024.0
        );
    }

    let throughput = batch.per_second(n) / theirs.per_second(n);
    let memory = batch.vmhwm_kib as f64 / theirs.vmhwm_kib as f64;
    println!(
        "@bench\tTrueConf sendMessage requests/s, {n} pipelined (Client::call_all vs python-trueconf-bot asyncio.gather, same FakeTrueConfServer)\t{:.0}/s\t{:.0}/s\t{throughput:.1}\t≥ {THROUGHPUT_GOAL:.0}\t{}",
        batch.per_second(n),
        theirs.per_second(n),
        if throughput >= THROUGHPUT_GOAL {
            "yes"
        } else {
            "no"
        }
    );
    println!(
        "@bench\tTrueConf peak RSS of the client process for that workload (VmHWM, this crate vs python-trueconf-bot)\t{:.1} MiB\t{:.1} MiB\t{memory:.2}\t≤ {MEMORY_GOAL:.1}\t{}",
        batch.vmhwm_kib as f64 / 1024.0,
        theirs.vmhwm_kib as f64 / 1024.0,
        if memory <= MEMORY_GOAL { "yes" } else { "no" }
    );
    println!(
        "@bench\tTrueConf sendMessage requests/s, {n} pipelined, one future per request (join_all of Client::send_text vs asyncio.gather)\t{:.0}/s\t{:.0}/s\t{:.1}\treported\tn/a",
        futures.per_second(n),
        theirs.per_second(n),
        futures.per_second(n) / theirs.per_second(n)
    );
    println!(
        "@bench\tTrueConf peak RSS, one future per request (VmHWM, this crate vs python-trueconf-bot)\t{:.1} MiB\t{:.1} MiB\t{:.2}\treported\tn/a",
        futures.vmhwm_kib as f64 / 1024.0,
        theirs.vmhwm_kib as f64 / 1024.0,
        futures.vmhwm_kib as f64 / theirs.vmhwm_kib as f64
    );
    println!(
        "@bench\tTrueConf client CPU time per sendMessage (Client::call_all vs python-trueconf-bot; robust on a loaded machine)\t{:.1} µs\t{:.1} µs\t{:.1}\treported\tn/a",
        batch.cpu_secs * 1e6 / n as f64,
        theirs.cpu_secs * 1e6 / n as f64,
        theirs.cpu_secs / batch.cpu_secs
    );
    decode_bench(quick);
}

//! A small JSON-RPC-like protocol and server helpers shared by the WebSocket engine tests.
//!
//! Wire format:
//! - request `{"id":N,"method":"…","params":…}`, response `{"id":N,"result":…}`;
//! - notification `{"event":"…","nid":M}`; acked with `{"ack":M}` when the protocol acks;
//! - handshake (optional): `{"id":N,"method":"auth","params":{"token":"…"}}` answered by
//!   `{"id":N,"result":"ok"}` or `{"id":N,"error":"denied"}`.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use serde_json::{Value, json};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;
use transport_core::testkit::{FakeConnection, FakeWsServer};
use transport_core::ws::{HandshakeIo, Inbound, Outgoing, Protocol, WsClient, WsConfig, WsFrame};
use transport_core::{Backoff, Error, Jitter};

#[derive(Clone, Default)]
pub(crate) struct Rpc {
    pub(crate) token: Option<String>,
    pub(crate) handshakes: Arc<AtomicUsize>,
    pub(crate) disconnects: Arc<AtomicUsize>,
    pub(crate) ack: bool,
    pub(crate) keepalive: bool,
    pub(crate) fatal_codes: Vec<u16>,
}

impl Rpc {
    pub(crate) fn new() -> Self {
        Self::default()
    }

    pub(crate) fn with_auth(token: &str) -> Self {
        Self {
            token: Some(token.to_owned()),
            ..Self::default()
        }
    }

    pub(crate) fn handshakes(&self) -> usize {
        self.handshakes.load(Ordering::SeqCst)
    }
}

/// A request: method and params.
pub(crate) fn call(method: &str, params: Value) -> (String, Value) {
    (method.to_owned(), params)
}

impl Protocol for Rpc {
    type Request = (String, Value);
    type Response = Value;
    type Notification = Value;
    type Key = u64;

    fn encode(&self, (method, params): (String, Value), seq: u64) -> Result<Outgoing<Self>, Error> {
        if method.is_empty() {
            return Err(Error::invalid_input("method", "must not be empty"));
        }
        let frame =
            WsFrame::text(json!({"id": seq, "method": method, "params": params}).to_string());
        if method == "notify" {
            return Ok(Outgoing::one_way(seq, frame));
        }
        Ok(Outgoing::new(seq, frame))
    }

    fn decode(&self, frame: WsFrame) -> Inbound<Self> {
        let Ok(value) = serde_json::from_slice::<Value>(frame.as_bytes()) else {
            return Inbound::unknown("not JSON", frame);
        };
        if let Some(id) = value.get("id").and_then(Value::as_u64) {
            return Inbound::response(id, value);
        }
        if let Some(nid) = value.get("nid").and_then(Value::as_u64) {
            if self.ack {
                let ack = WsFrame::text(json!({ "ack": nid }).to_string());
                return Inbound::notification_with_reply(value, ack);
            }
            return Inbound::notification(value);
        }
        if value.get("heartbeat").is_some() {
            return Inbound::Ignore;
        }
        Inbound::unknown("neither a response nor a notification", frame)
    }

    async fn handshake(&self, io: &mut HandshakeIo<'_>) -> Result<(), Error> {
        let Some(token) = &self.token else {
            return Ok(());
        };
        let id = io.next_seq();
        let auth = json!({"id": id, "method": "auth", "params": {"token": token}});
        io.send(WsFrame::text(auth.to_string())).await?;
        loop {
            let frame = io.recv().await?;
            let value: Value = serde_json::from_slice(frame.as_bytes())
                .map_err(|e| Error::Protocol(format!("auth reply: {e}")))?;
            if value.get("id").and_then(Value::as_u64) == Some(id) {
                if value.get("error").is_some() {
                    return Err(Error::Handshake("authentication denied".into()));
                }
                self.handshakes.fetch_add(1, Ordering::SeqCst);
                return Ok(());
            }
            // An early notification: processed after the handshake.
            io.defer(frame);
        }
    }

    fn keepalive(&self) -> Option<Self::Request> {
        self.keepalive.then(|| call("ping", Value::Null))
    }

    fn is_fatal_close(&self, code: u16) -> bool {
        self.fatal_codes.contains(&code)
    }

    fn on_disconnect(&self) {
        self.disconnects.fetch_add(1, Ordering::SeqCst);
    }
}

/// A config for tests: fast deterministic backoff, no pings unless asked for.
pub(crate) fn config(url: String) -> WsConfig {
    WsConfig::new(url)
        .with_request_timeout(Duration::from_secs(10))
        .with_ping(None, None)
        .with_app_keepalive(None)
        .with_reconnect(transport_core::ws::ReconnectPolicy::new(
            Backoff::new(Duration::from_millis(100), Duration::from_secs(2))
                .with_jitter(Jitter::None),
        ))
}

/// A ready client of `server` with the plain [`Rpc`] protocol and the test [`config`].
pub(crate) async fn connect_rpc(server: &FakeWsServer) -> WsClient<Rpc> {
    WsClient::connect(config(server.url()), Rpc::new())
        .await
        .expect("the client connects")
}

/// Server side: answers the auth request (if the first frame is one) with "ok".
/// Returns the auth request's token, or `None` if the connection ended first.
pub(crate) async fn accept_auth(conn: &mut FakeConnection) -> Option<String> {
    let auth = conn.recv_json().await?;
    assert_eq!(auth["method"], "auth", "expected auth first, got {auth}");
    let id = auth["id"].as_u64()?;
    conn.send_json(&json!({"id": id, "result": "ok"}))
        .await
        .ok()?;
    auth["params"]["token"].as_str().map(str::to_owned)
}

/// Server side: answers every request with `{"id":N,"result":{"echo":method,"params":params}}`
/// until the connection ends.
pub(crate) async fn echo_forever(conn: &mut FakeConnection) {
    while let Some(request) = conn.recv_json().await {
        let Some(id) = request["id"].as_u64() else {
            continue;
        };
        let reply =
            json!({"id": id, "result": {"echo": request["method"], "params": request["params"]}});
        if conn.send_json(&reply).await.is_err() {
            return;
        }
    }
}

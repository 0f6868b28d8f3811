//! `wss://` through rustls: a private CA as extra root, the platform verifier rejecting an
//! unknown issuer, and the explicit switch for local test servers.
//!
//! The server is tokio-rustls + tokio-tungstenite on 127.0.0.1 with the certificate in
//! `tests/fixtures/tls/` (a throw-away CA and a `localhost`/`127.0.0.1` leaf). Real time: TLS
//! handshakes are socket I/O, and no test waits on a timer.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod ws_support;

use futures_util::{SinkExt, StreamExt};
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer};
use serde_json::{Value, json};
use std::net::SocketAddr;
use std::sync::Arc;
use tokio::net::TcpListener;
use tokio_rustls::TlsAcceptor;
use tokio_tungstenite::tungstenite::Message;
use transport_core::Error;
use transport_core::tls::TlsConfig;
use transport_core::ws::{WsClient, WsConfig, WsConnectOptions, WsFrame, connect};
use ws_support::{Rpc, call};

const CA: &[u8] = include_bytes!("fixtures/tls/ca.pem");
const CERT: &[u8] = include_bytes!("fixtures/tls/localhost.pem");
const KEY: &[u8] = include_bytes!("fixtures/tls/localhost.key");

/// A `wss://` server answering `{"id":N,"method":M}` with `{"id":N,"result":{"echo":M}}`.
async fn start_tls_server() -> SocketAddr {
    let certs = vec![CertificateDer::from_pem_slice(CERT).unwrap()];
    let key = PrivateKeyDer::from_pem_slice(KEY).unwrap();
    let provider = Arc::new(rustls::crypto::aws_lc_rs::default_provider());
    let config = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_no_client_auth()
        .with_single_cert(certs, key)
        .unwrap();
    let acceptor = TlsAcceptor::from(Arc::new(config));
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        while let Ok((tcp, _)) = listener.accept().await {
            let acceptor = acceptor.clone();
            tokio::spawn(async move {
                // A client that rejects our certificate aborts the TLS handshake: fine.
                let Ok(tls) = acceptor.accept(tcp).await else {
                    return;
                };
                let Ok(mut ws) = tokio_tungstenite::accept_async(tls).await else {
                    return;
                };
                while let Some(Ok(Message::Text(text))) = ws.next().await {
                    let request: Value = serde_json::from_str(text.as_str()).unwrap();
                    let reply = json!({"id": request["id"], "result": {"echo": request["method"]}});
                    if ws.send(Message::text(reply.to_string())).await.is_err() {
                        return;
                    }
                }
            });
        }
    });
    addr
}

fn private_ca() -> TlsConfig {
    TlsConfig::new()
        .with_root_certificates_pem(CA)
        .unwrap()
        .without_platform_roots()
}

#[tokio::test]
async fn wss_with_a_private_ca_carries_raw_frames_and_rpc() {
    let addr = start_tls_server().await;

    // Raw layer, by host name (the certificate's DNS name).
    let options =
        WsConnectOptions::new(format!("wss://localhost:{}/", addr.port())).with_tls(private_ca());
    let mut conn = connect(&options).await.unwrap();
    conn.send(WsFrame::text(r#"{"id":1,"method":"raw"}"#))
        .await
        .unwrap();
    let reply: Value = serde_json::from_slice(conn.recv().await.unwrap().as_bytes()).unwrap();
    assert_eq!(reply, json!({"id": 1, "result": {"echo": "raw"}}));

    // The engine, by IP address (the certificate's IP name).
    let options = WsConnectOptions::new(format!("wss://{addr}/")).with_tls(private_ca());
    let config = WsConfig::from_options(options).with_ping(None, None);
    let client = WsClient::connect(config, Rpc::new()).await.unwrap();
    let reply = client.request(call("engine", Value::Null)).await.unwrap();
    assert_eq!(reply["result"]["echo"], "engine");
    client.shutdown().await;
}

#[tokio::test]
async fn the_default_verifier_rejects_an_unknown_issuer() {
    let addr = start_tls_server().await;
    let options = WsConnectOptions::new(format!("wss://localhost:{}/", addr.port()));
    let err = connect(&options).await.unwrap_err();
    assert!(matches!(err, Error::Connect { .. }), "{err:?}");
    let message = err.to_string().to_lowercase();
    assert!(message.contains("certificate"), "{message}");
    // The target is named, so a log line says which server's certificate failed.
    assert!(message.contains("wss://localhost:"), "{message}");
}

#[tokio::test]
async fn accepting_invalid_certificates_is_explicit_and_works_without_roots() {
    let addr = start_tls_server().await;
    let tls = TlsConfig::new()
        .without_platform_roots()
        .danger_accept_invalid_certs(true);
    assert!(tls.accepts_invalid_certs());
    let options = WsConnectOptions::new(format!("wss://{addr}/")).with_tls(tls);
    let mut conn = connect(&options).await.unwrap();
    conn.send(WsFrame::text(r#"{"id":2,"method":"anyway"}"#))
        .await
        .unwrap();
    let reply: Value = serde_json::from_slice(conn.recv().await.unwrap().as_bytes()).unwrap();
    assert_eq!(reply["result"]["echo"], "anyway");
}

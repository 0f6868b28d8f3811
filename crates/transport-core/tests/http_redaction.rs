//! Secret hygiene of the HTTP side: credentials never appear in `Debug`/`Display` of the
//! client, credentials, requests or errors, nor in anything logged through `tracing`.
//!
//! This is its own test binary: `tracing`'s per-callsite interest cache is global, so a
//! thread-local subscriber only reliably sees every event when no other test runs beside it.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

use std::borrow::Cow;
use std::sync::{Arc, Mutex};
use transport_core::http::{
    Auth, Body, Endpoint, HeaderMap, HttpClient, Method, RawRequest, RawResponse, RetryPolicy,
};
use transport_core::{Backoff, Secret};
use wiremock::matchers::method;
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

struct GetThing;

impl Endpoint for GetThing {
    type Response = ();
    const METHOD: Method = Method::GET;
    fn path(&self) -> Cow<'_, str> {
        "/things/a".into()
    }
    fn parse(&self, response: RawResponse) -> transport_core::Result<()> {
        response.empty()
    }
}

/// Collects everything `tracing` prints while a closure runs.
#[derive(Clone, Default)]
struct Capture(Arc<Mutex<Vec<u8>>>);

impl std::io::Write for Capture {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[tokio::test(start_paused = true)]
async fn no_secret_in_debug_of_client_auth_request_error_or_logs() {
    const PASSWORD: &str = "pa55-SECRET-word";
    const KEY: &str = "api-SECRET-key";
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(|req: &Request| {
            // The server does see the credentials…
            assert!(req.headers.contains_key("authorization"));
            ResponseTemplate::new(503).set_body_json(serde_json::json!({"error": "nope"}))
        })
        .mount(&server)
        .await;
    let capture = Capture::default();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_writer({
            let c = capture.clone();
            move || c.clone()
        })
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);

    let auth = Auth::basic("alice", PASSWORD);
    let client = HttpClient::builder(&server.uri())
        .unwrap()
        .timeout(None)
        .connect_timeout(None)
        .pool_idle_timeout(None)
        .no_proxy()
        .auth(auth.clone())
        .retry(RetryPolicy::new(2, Backoff::default()))
        .build()
        .unwrap();
    let mut request = RawRequest::new(Method::POST, "/login")
        .with_body(Body::json(&serde_json::json!({"password": PASSWORD})).unwrap());
    let mut headers = HeaderMap::new();
    Auth::api_key("X-Api-Key", KEY)
        .unwrap()
        .apply(&mut headers)
        .unwrap();
    request.headers = headers;
    let err = client.send(&GetThing).await.unwrap_err();

    let shown = [
        format!("{client:?}"),
        format!("{auth:?}"),
        format!("{request:?}"),
        format!("{err:?}"),
        err.to_string(),
        format!("{:?}", Secret::new(PASSWORD)),
        String::from_utf8_lossy(&capture.0.lock().unwrap()).into_owned(),
    ];
    for text in &shown {
        assert!(!text.contains(PASSWORD), "password leaked in: {text}");
        assert!(!text.contains(KEY), "API key leaked in: {text}");
        assert!(
            !text.contains("cGE1NS1TRUNSRVQtd29yZA"),
            "encoded credentials leaked in: {text}"
        );
    }
    let logs = &shown[6];
    assert!(
        logs.contains("retrying request"),
        "the retry was logged: {logs}"
    );
}

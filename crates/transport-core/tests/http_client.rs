//! HttpClient against wiremock, with paused tokio time: retries, Retry-After, idempotency,
//! server cooldowns, quotas and decode errors (secret hygiene: `http_redaction.rs`).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

use std::borrow::Cow;
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime, UNIX_EPOCH};
use tokio::time::Instant;
use transport_core::http::{
    Body, Endpoint, HttpClient, HttpClientBuilder, Method, RawResponse, RetryPolicy,
};
use transport_core::{Backoff, Error, RateLimitScope, RateLimiter, WhenLimited};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

#[derive(serde::Deserialize, Debug, PartialEq)]
struct Thing {
    id: String,
    size: u32,
}

/// `GET /things/{id}`
struct GetThing(String);

impl Endpoint for GetThing {
    type Response = Thing;
    const METHOD: Method = Method::GET;
    fn path(&self) -> Cow<'_, str> {
        format!("/things/{}", transport_core::http::segment(&self.0)).into()
    }
    fn parse(&self, response: RawResponse) -> transport_core::Result<Thing> {
        response.json()
    }
}

/// `POST /things`, optionally opted in to retries.
struct CreateThing {
    retry_anyway: bool,
}

impl Endpoint for CreateThing {
    type Response = ();
    const METHOD: Method = Method::POST;
    fn path(&self) -> Cow<'_, str> {
        "/things".into()
    }
    fn body(&self) -> transport_core::Result<Body> {
        Body::json(&serde_json::json!({"id": "x"}))
    }
    fn idempotent(&self) -> bool {
        self.retry_anyway
    }
    fn parse(&self, response: RawResponse) -> transport_core::Result<()> {
        response.empty()
    }
}

type Delays = Arc<Mutex<Vec<Duration>>>;

/// A client with no timers of its own (request/connect/pool timeouts off), so that paused
/// time only moves for the waits under test.
fn builder(server: &MockServer) -> HttpClientBuilder {
    HttpClient::builder(&server.uri())
        .unwrap()
        .timeout(None)
        .connect_timeout(None)
        .pool_idle_timeout(None)
        .no_proxy()
}

fn policy(attempts: u32, delays: &Delays) -> RetryPolicy {
    let delays = delays.clone();
    RetryPolicy::new(
        attempts,
        Backoff::new(Duration::from_millis(100), Duration::from_secs(2)),
    )
    .with_max_retry_after(Duration::from_secs(30))
    .with_observer(move |_, delay, _| delays.lock().unwrap().push(delay))
}

#[tokio::test(start_paused = true)]
async fn retries_503_twice_then_succeeds_within_policy_bounds() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/things/a"))
        .respond_with(ResponseTemplate::new(503))
        .up_to_n_times(2)
        .with_priority(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/things/a"))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(serde_json::json!({"id": "a", "size": 3})),
        )
        .with_priority(2)
        .mount(&server)
        .await;
    let delays = Delays::default();
    let client = builder(&server).retry(policy(5, &delays)).build().unwrap();

    let started = Instant::now();
    let thing = client.send(&GetThing("a".into())).await.unwrap();

    assert_eq!(
        thing,
        Thing {
            id: "a".into(),
            size: 3
        }
    );
    assert_eq!(server.received_requests().await.unwrap().len(), 3);
    let delays = delays.lock().unwrap().clone();
    assert_eq!(delays.len(), 2, "two retries");
    // Full jitter: attempt n waits between 0 and min(cap, base·2^(n-1)).
    assert!(delays[0] <= Duration::from_millis(100), "{delays:?}");
    assert!(delays[1] <= Duration::from_millis(200), "{delays:?}");
    assert_eq!(
        started.elapsed(),
        delays[0] + delays[1],
        "the client waited exactly the delays it chose"
    );
}

#[tokio::test(start_paused = true)]
async fn gives_up_after_max_attempts_with_the_last_status() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(
            ResponseTemplate::new(503).set_body_json(serde_json::json!({"error": "maintenance"})),
        )
        .mount(&server)
        .await;
    let delays = Delays::default();
    let client = builder(&server).retry(policy(3, &delays)).build().unwrap();
    let err = client.send(&GetThing("a".into())).await.unwrap_err();
    assert_eq!(err.status(), Some(503));
    assert_eq!(
        err.to_string(),
        "GET /things/a: HTTP 503 Service Unavailable: maintenance"
    );
    assert_eq!(server.received_requests().await.unwrap().len(), 3);
}

#[tokio::test(start_paused = true)]
async fn retry_after_delta_seconds_is_honoured_exactly() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(503).insert_header("Retry-After", "7"))
        .up_to_n_times(1)
        .with_priority(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(serde_json::json!({"id": "a", "size": 1})),
        )
        .with_priority(2)
        .mount(&server)
        .await;
    let delays = Delays::default();
    let client = builder(&server).retry(policy(3, &delays)).build().unwrap();
    let started = Instant::now();
    client.send(&GetThing("a".into())).await.unwrap();
    assert_eq!(*delays.lock().unwrap(), vec![Duration::from_secs(7)]);
    assert_eq!(started.elapsed(), Duration::from_secs(7));
}

fn fixed_clock() -> SystemTime {
    UNIX_EPOCH + Duration::from_secs(1_445_412_480) // Wed, 21 Oct 2015 07:28:00 GMT
}

#[tokio::test(start_paused = true)]
async fn retry_after_http_date_is_honoured_exactly() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(
            ResponseTemplate::new(429)
                .insert_header("Retry-After", "Wed, 21 Oct 2015 07:28:07 GMT"),
        )
        .up_to_n_times(1)
        .with_priority(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(serde_json::json!({"id": "a", "size": 1})),
        )
        .with_priority(2)
        .mount(&server)
        .await;
    let delays = Delays::default();
    let client = builder(&server)
        .retry(policy(3, &delays))
        .wall_clock(fixed_clock)
        .build()
        .unwrap();
    let started = Instant::now();
    client.send(&GetThing("a".into())).await.unwrap();
    assert_eq!(*delays.lock().unwrap(), vec![Duration::from_secs(7)]);
    assert_eq!(started.elapsed(), Duration::from_secs(7));
}

#[tokio::test(start_paused = true)]
async fn retry_after_longer_than_the_policy_allows_is_not_waited_for() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(429).insert_header("Retry-After", "3600"))
        .mount(&server)
        .await;
    let delays = Delays::default();
    let client = builder(&server).retry(policy(3, &delays)).build().unwrap();
    let started = Instant::now();
    let err = client.send(&GetThing("a".into())).await.unwrap_err();
    match &err {
        Error::RateLimited {
            scope, retry_after, ..
        } => {
            assert_eq!(*scope, RateLimitScope::Server);
            assert_eq!(*retry_after, Some(Duration::from_secs(3600)));
        }
        other => panic!("expected RateLimited, got {other:?}"),
    }
    assert!(delays.lock().unwrap().is_empty());
    assert_eq!(started.elapsed(), Duration::ZERO);
    assert_eq!(server.received_requests().await.unwrap().len(), 1);
}

#[tokio::test(start_paused = true)]
async fn post_answered_503_is_not_retried_unless_the_endpoint_opts_in() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/things"))
        .respond_with(ResponseTemplate::new(503))
        .mount(&server)
        .await;
    let delays = Delays::default();
    let client = builder(&server).retry(policy(3, &delays)).build().unwrap();

    let err = client
        .send(&CreateThing {
            retry_anyway: false,
        })
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(503));
    assert_eq!(
        server.received_requests().await.unwrap().len(),
        1,
        "not retried"
    );

    let err = client
        .send(&CreateThing { retry_anyway: true })
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(503));
    let requests = server.received_requests().await.unwrap();
    assert_eq!(requests.len(), 4, "opted in: 3 attempts");
    // The body was rebuilt for every attempt.
    for r in &requests {
        assert_eq!(r.body, br#"{"id":"x"}"#);
        assert_eq!(r.headers["content-type"], "application/json");
    }
}

#[tokio::test(start_paused = true)]
async fn a_429_with_retry_after_makes_concurrent_callers_on_the_same_limiter_wait() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/things/first"))
        .respond_with(ResponseTemplate::new(429).insert_header("Retry-After", "5"))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/things/other"))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(serde_json::json!({"id": "other", "size": 0})),
        )
        .mount(&server)
        .await;
    let limiter = RateLimiter::builder().build();
    // Two clients (e.g. two tasks' clients) sharing one limiter; neither retries.
    let a = builder(&server)
        .retry(RetryPolicy::none())
        .rate_limiter(limiter.clone())
        .build()
        .unwrap();
    let b = builder(&server)
        .retry(RetryPolicy::none())
        .rate_limiter(limiter.clone())
        .build()
        .unwrap();

    let started = Instant::now();
    let err = a.send(&GetThing("first".into())).await.unwrap_err();
    assert!(
        matches!(err, Error::RateLimited { retry_after: Some(d), .. } if d == Duration::from_secs(5))
    );
    assert_eq!(started.elapsed(), Duration::ZERO);

    let other = GetThing("other".into());
    let (x, y) = tokio::join!(b.send(&other), a.send(&other));
    x.unwrap();
    y.unwrap();
    assert_eq!(
        started.elapsed(),
        Duration::from_secs(5),
        "both waited for the server's cooldown"
    );
}

#[tokio::test(start_paused = true)]
async fn quota_of_five_per_minute_makes_the_sixth_call_wait() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(serde_json::json!({"id": "a", "size": 0})),
        )
        .mount(&server)
        .await;
    let limiter = RateLimiter::builder()
        .quota(5, Duration::from_secs(60))
        .build();
    let client = builder(&server).rate_limiter(limiter).build().unwrap();
    let started = Instant::now();
    for _ in 0..5 {
        client.send(&GetThing("a".into())).await.unwrap();
    }
    assert_eq!(started.elapsed(), Duration::ZERO);
    client.send(&GetThing("a".into())).await.unwrap();
    assert_eq!(started.elapsed(), Duration::from_secs(60));
    assert_eq!(server.received_requests().await.unwrap().len(), 6);
}

#[tokio::test(start_paused = true)]
async fn quota_of_five_per_minute_fails_fast_when_configured() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(serde_json::json!({"id": "a", "size": 0})),
        )
        .mount(&server)
        .await;
    let limiter = RateLimiter::builder()
        .quota(5, Duration::from_secs(60))
        .when_limited(WhenLimited::FailFast)
        .build();
    let client = builder(&server).rate_limiter(limiter).build().unwrap();
    for _ in 0..5 {
        client.send(&GetThing("a".into())).await.unwrap();
    }
    let err = client.send(&GetThing("a".into())).await.unwrap_err();
    assert!(
        matches!(err, Error::RateLimited { scope: RateLimitScope::ClientQuota, retry_after: Some(d), .. } if d == Duration::from_secs(60)),
        "{err:?}"
    );
    assert_eq!(
        server.received_requests().await.unwrap().len(),
        5,
        "the sixth never left the client"
    );
}

#[tokio::test(start_paused = true)]
async fn connection_refused_is_retried_even_for_post_and_reported_as_connect() {
    // A port that was just free: nothing listens there.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let delays = Delays::default();
    let client = HttpClient::builder(&format!("http://127.0.0.1:{port}/api?token=SECRET-Q"))
        .unwrap()
        .timeout(None)
        .connect_timeout(None)
        .pool_idle_timeout(None)
        .no_proxy()
        .retry(policy(3, &delays))
        .build()
        .unwrap();
    let err = client
        .send(&CreateThing {
            retry_anyway: false,
        })
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Connect { .. }), "{err:?}");
    assert_eq!(delays.lock().unwrap().len(), 2, "never sent, so retried");
    let shown = err.to_string();
    assert!(
        shown.starts_with(&format!(
            "cannot connect to http://127.0.0.1:{port}/api/things"
        )),
        "{shown}"
    );
    assert!(!shown.contains("SECRET-Q"));
}

#[tokio::test]
async fn decode_error_names_the_json_path() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(serde_json::json!({"id": "a", "size": "big"})),
        )
        .mount(&server)
        .await;
    let client = builder(&server).build().unwrap();
    let err = client.send(&GetThing("a".into())).await.unwrap_err();
    match &err {
        Error::Decode(d) => assert_eq!(d.path, "size"),
        other => panic!("expected Decode, got {other:?}"),
    }
    assert!(
        err.to_string()
            .starts_with("cannot decode GET /things/a response at `size`: invalid type"),
        "{err}"
    );
}

#[tokio::test]
async fn a_missing_mock_fails_with_a_readable_error() {
    let server = MockServer::start().await;
    transport_core::testkit::http::mount_catch_all(&server).await;
    let client = builder(&server).retry(RetryPolicy::none()).build().unwrap();
    let err = client.send(&GetThing("zz".into())).await.unwrap_err();
    assert_eq!(err.status(), Some(599));
    assert!(
        err.to_string().ends_with("no mock for GET /things/zz"),
        "{err}"
    );
}

//! The client-side daily quota (paused tokio time), the server's 429, and retries.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::time::Duration;
use threema_work::model::LogoVariant;
use threema_work::testkit::FakeThreemaWork;
use threema_work::{Client, ClientBuilder, Error, Quota, RateLimitScope};
use tokio::time::Instant;
use transport_core::http::RetryPolicy;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const DAY: Duration = Duration::from_secs(24 * 60 * 60);

/// A server that answers `DELETE /api/v1/logos/dark` with 204, expecting `times` calls.
async fn server(times: u64) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method("DELETE"))
        .and(path("/api/v1/logos/dark"))
        .respond_with(ResponseTemplate::new(204))
        .expect(times)
        .mount(&server)
        .await;
    server
}

/// A client for `server` with no timers of its own, so paused time moves only for the quota.
fn builder(server: &MockServer) -> ClientBuilder {
    Client::builder("quota-test-key")
        .base_url(format!("{}/api/v1", server.uri()))
        .http(|b| b.without_timeouts().no_proxy())
}

async fn spend(client: &Client, requests: u64) {
    for _ in 0..requests {
        client.delete_logo(LogoVariant::Dark).await.unwrap();
    }
}

#[tokio::test(start_paused = true)]
async fn by_default_the_10001st_request_of_a_day_fails_fast() {
    let server = server(10_000).await;
    let client = builder(&server).build().unwrap();
    let start = Instant::now();
    spend(&client, 10_000).await;
    assert_eq!(client.quota_used(), Some(10_000));
    let error = client.delete_logo(LogoVariant::Dark).await.unwrap_err();
    let left = start + DAY - Instant::now();
    match error {
        Error::RateLimited {
            scope, retry_after, ..
        } => {
            assert_eq!(scope, RateLimitScope::ClientQuota);
            assert_eq!(retry_after, Some(left), "the time until the day is over");
        }
        other => panic!("expected the client quota, got {other:?}"),
    }
    server.verify().await; // exactly 10,000 reached the server
}

#[tokio::test(start_paused = true)]
async fn a_waiting_quota_holds_the_10001st_request_until_the_next_day() {
    let server = server(10_001).await;
    let client = builder(&server)
        .quota(Quota::daily(10_000).waiting())
        .build()
        .unwrap();
    let start = Instant::now();
    spend(&client, 10_000).await;
    assert_eq!(start.elapsed(), Duration::ZERO);
    client.delete_logo(LogoVariant::Dark).await.unwrap();
    assert_eq!(start.elapsed(), DAY, "sent when the next day began");
    assert_eq!(client.quota_used(), Some(1));
    server.verify().await;
}

#[tokio::test(start_paused = true)]
async fn clones_share_the_quota_and_it_can_be_disabled() {
    let server = server(5).await;
    let client = builder(&server).quota(Quota::daily(3)).build().unwrap();
    let clone = client.clone();
    spend(&client, 2).await;
    spend(&clone, 1).await;
    assert_eq!(client.quota_used(), Some(3));
    assert!(matches!(
        clone.delete_logo(LogoVariant::Dark).await,
        Err(Error::RateLimited {
            scope: RateLimitScope::ClientQuota,
            ..
        })
    ));
    let unlimited = builder(&server).without_quota().build().unwrap();
    assert_eq!(unlimited.quota_used(), None);
    spend(&unlimited, 2).await;
    server.verify().await;
}

#[tokio::test(start_paused = true)]
async fn a_server_429_is_typed_and_not_retried_by_default() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/v1/"))
        .respond_with(
            ResponseTemplate::new(429)
                .insert_header("retry-after", "120")
                .set_body_json(serde_json::json!({"error": "Too many requests"})),
        )
        .expect(1)
        .mount(&server)
        .await;
    let client = builder(&server).build().unwrap();
    let start = Instant::now();
    match client.subscription().await.unwrap_err() {
        Error::RateLimited {
            scope,
            retry_after,
            message,
        } => {
            assert_eq!(scope, RateLimitScope::Server);
            assert_eq!(retry_after, Some(Duration::from_secs(120)));
            assert_eq!(message.as_deref(), Some("Too many requests"));
        }
        other => panic!("expected a server rate limit, got {other:?}"),
    }
    assert_eq!(start.elapsed(), Duration::ZERO, "no retry, no wait");
    // The server asked for 120 s: the client does not send anything before then.
    let error = client.subscription().await.unwrap_err();
    assert_eq!(error.retry_after(), Some(Duration::from_secs(120)));
    server.verify().await;
}

#[tokio::test(start_paused = true)]
async fn a_429_without_retry_after_has_none() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(429))
        .expect(1)
        .mount(&server)
        .await;
    let client = builder(&server).build().unwrap();
    let error = client.subscription().await.unwrap_err();
    assert!(
        matches!(
            error,
            Error::RateLimited {
                retry_after: None,
                ..
            }
        ),
        "{error:?}"
    );
    assert_eq!(error.status(), Some(429));
    server.verify().await;
}

#[tokio::test(start_paused = true)]
async fn retries_of_429_can_be_opted_into() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(429).insert_header("retry-after", "2"))
        .up_to_n_times(1)
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_json(serde_json::json!({"name": "ok"})))
        .expect(1)
        .mount(&server)
        .await;
    let client = builder(&server)
        .retry(RetryPolicy::default())
        .build()
        .unwrap();
    let start = Instant::now();
    let sub = client.subscription().await.unwrap();
    assert_eq!(sub.name.as_deref(), Some("ok"));
    assert_eq!(
        start.elapsed(),
        Duration::from_secs(2),
        "waited for Retry-After"
    );
    server.verify().await;
}

#[tokio::test]
async fn the_fake_answers_429_past_its_own_daily_quota() {
    let fake = FakeThreemaWork::builder().daily_quota(2).start().await;
    let client = fake.client().unwrap();
    client.subscription().await.unwrap();
    client.subscription().await.unwrap();
    let error = client.subscription().await.unwrap_err();
    assert_eq!(error.status(), Some(429));
    assert_eq!(
        error.server_message(),
        Some("Request limit of 2 per day reached")
    );
    let after = error.retry_after().unwrap();
    assert!(after > Duration::ZERO && after <= DAY, "{after:?}");
    assert_eq!(fake.requests_today(), 3);
    // The client now holds back until the server's Retry-After: nothing more is sent.
    assert!(client.subscription().await.is_err());
    assert_eq!(fake.requests_today(), 3);
    // A new day on the fake; a fresh client (without the first one's cooldown) gets through.
    fake.start_new_day();
    fake.client().unwrap().subscription().await.unwrap();
    assert_eq!(fake.requests_today(), 1);
}

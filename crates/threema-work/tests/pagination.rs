//! The `…_all()` streams against `FakeThreemaWork`: 12,345 users yielded exactly once from
//! 0-based and 1-based servers, servers that do not number their pages or lie about the
//! total, and an error in the middle of a walk.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use futures_util::{StreamExt, TryStreamExt};
use std::collections::BTreeSet;
use threema_work::api::users::ListUsers;
use threema_work::testkit::{FakeThreemaWork, FakeUser};
use threema_work::{Error, RateLimitScope};

const USERS: usize = 12_345;

fn ids(n: usize) -> Vec<String> {
    (0..n).map(|i| format!("U{i:07}")).collect()
}

async fn seeded(
    builder: threema_work::testkit::FakeThreemaWorkBuilder,
    n: usize,
) -> FakeThreemaWork {
    let fake = builder.start().await;
    let credential = fake.add_credential("shared", "pw");
    fake.insert_users(
        ids(n)
            .into_iter()
            .map(|id| FakeUser::new(id, Some(credential.clone()))),
    );
    fake
}

/// Walks every user and checks each of the `n` seeded ones came exactly once, in order.
async fn walk_all(fake: &FakeThreemaWork, page_size: u32, n: usize) {
    let client = fake.client().unwrap();
    let users: Vec<_> = client
        .list_users_all(ListUsers::new().with_page_size(page_size))
        .try_collect()
        .await
        .unwrap();
    let got: Vec<String> = users
        .into_iter()
        .map(|u| u.id.unwrap().into_string())
        .collect();
    assert_eq!(got.len(), n, "every user once");
    assert_eq!(
        got.iter().collect::<BTreeSet<_>>().len(),
        n,
        "no duplicates"
    );
    assert_eq!(got, ids(n), "in server order");
}

#[tokio::test]
async fn twelve_thousand_users_from_a_zero_based_server_come_exactly_once() {
    let fake = seeded(FakeThreemaWork::builder().page_base(0), USERS).await;
    walk_all(&fake, 1000, USERS).await;
    // 13 pages; the walk stops when `total` is reached, without asking for an empty page.
    assert_eq!(fake.requests_today(), 13);
}

#[tokio::test]
async fn twelve_thousand_users_from_a_one_based_server_come_exactly_once() {
    let fake = seeded(FakeThreemaWork::builder().page_base(1), USERS).await;
    walk_all(&fake, 1000, USERS).await;
    assert_eq!(fake.requests_today(), 13);
}

#[tokio::test]
async fn servers_that_do_not_number_their_pages() {
    for base in [0, 1] {
        let fake = seeded(
            FakeThreemaWork::builder()
                .page_base(base)
                .report_page(false),
            95,
        )
        .await;
        walk_all(&fake, 10, 95).await;
        // 10 pages; a 1-based server costs one extra request (page 1 repeats the first page).
        assert_eq!(fake.requests_today(), 10 + u64::from(base), "base {base}");
    }
}

#[tokio::test]
async fn a_total_that_is_too_high_ends_at_the_first_empty_page() {
    let fake = seeded(
        FakeThreemaWork::builder()
            .page_base(1)
            .total_override(Some(1_000_000)),
        95,
    )
    .await;
    walk_all(&fake, 10, 95).await;
    assert_eq!(fake.requests_today(), 11, "10 pages and one empty one");
}

#[tokio::test]
async fn a_total_that_is_too_low_ends_the_walk_early() {
    let fake = seeded(FakeThreemaWork::builder().total_override(Some(15)), 95).await;
    let client = fake.client().unwrap();
    let users: Vec<_> = client
        .list_users_all(ListUsers::new().with_page_size(10))
        .try_collect()
        .await
        .unwrap();
    // The walk trusts `total`: two whole pages, then it stops.
    assert_eq!(users.len(), 20);
    assert_eq!(fake.requests_today(), 2);
}

#[tokio::test]
async fn an_error_mid_walk_is_yielded_and_ends_the_stream() {
    let fake = seeded(FakeThreemaWork::builder().daily_quota(3), 50).await;
    let client = fake.client().unwrap();
    let items: Vec<_> = client
        .list_users_all(ListUsers::new().with_page_size(10))
        .collect()
        .await;
    assert_eq!(items.len(), 31, "three pages, then the error");
    assert!(items[..30].iter().all(Result::is_ok));
    match &items[30] {
        Err(Error::RateLimited {
            scope, retry_after, ..
        }) => {
            assert_eq!(*scope, RateLimitScope::Server);
            assert!(retry_after.is_some());
        }
        other => panic!("expected a server rate limit, got {other:?}"),
    }
}

#[tokio::test]
async fn an_invalid_page_size_fails_before_any_request() {
    let fake = seeded(FakeThreemaWork::builder(), 5).await;
    let client = fake.client().unwrap();
    let items: Vec<_> = client
        .list_users_all(ListUsers::new().with_page_size(0))
        .collect()
        .await;
    assert_eq!(items.len(), 1);
    assert!(matches!(items[0], Err(Error::Validation(_))));
    assert_eq!(fake.requests_today(), 0);
}

//! Every operation against the stateful `FakeThreemaWork`: one test per operation, each
//! checking a success (and the state it leaves) and at least one documented error status.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod categories;
mod contacts;
mod credential_mdm;
mod credentials;
mod logos;
mod mdm;
mod subscription;
mod users;

use threema_work::testkit::FakeThreemaWork;
use threema_work::{ApiErrorKind, Client, Error};

/// A fresh fake and a client for it.
async fn fake() -> (FakeThreemaWork, Client) {
    let fake = FakeThreemaWork::start().await;
    let client = fake.client().unwrap();
    (fake, client)
}

/// A client for `fake` with the wrong API key.
fn intruder(fake: &FakeThreemaWork) -> Client {
    Client::builder("wrong-key")
        .base_url(fake.uri())
        .http(|b| b.timeout(None).no_proxy())
        .build()
        .unwrap()
}

/// Asserts that `result` failed with HTTP `status` of class `kind`, and returns the error.
#[track_caller]
fn assert_status<T: std::fmt::Debug>(
    result: threema_work::Result<T>,
    status: u16,
    kind: ApiErrorKind,
) -> Error {
    let error = result.expect_err("the call should have failed");
    assert_eq!(error.status(), Some(status), "{error}");
    assert_eq!(error.api_kind(), Some(kind), "{error}");
    error
}

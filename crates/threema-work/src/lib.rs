#![doc = include_str!("../README.md")]
#![cfg_attr(docsrs, feature(doc_cfg))]
//!
//! ## Trying it against the fake server
//!
//! With the `testkit` feature, [`testkit::FakeThreemaWork`] runs a stateful fake of the API on
//! 127.0.0.1, so this example runs as it is:
//!
//! ```
//! # #[cfg(feature = "testkit")]
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> threema_work::Result<()> {
//! use futures_util::TryStreamExt;
//! use threema_work::api::users::ListUsers;
//! use threema_work::testkit::FakeThreemaWork;
//!
//! let fake = FakeThreemaWork::start().await;
//! let alice = fake.add_credential("alice", "s3cret");
//! fake.add_user("ALICE001", &alice);
//!
//! let client = fake.client()?;
//! for user in client.list_users_all(ListUsers::new()).try_collect::<Vec<_>>().await? {
//!     let credential = client.credential_of(&user).await?;
//!     println!("{:?} uses {:?}", user.id, credential.and_then(|c| c.username));
//! }
//! client.set_global_mdm("th_disable_screenshots", true).await?;
//! assert_eq!(fake.global_mdm("th_disable_screenshots"), Some(serde_json::json!(true)));
//! # Ok(())
//! # }
//! # #[cfg(not(feature = "testkit"))]
//! # fn main() {}
//! ```

pub mod api;
mod client;
mod error;
pub mod model;
pub mod pagination;
#[cfg(feature = "testkit")]
#[cfg_attr(docsrs, doc(cfg(feature = "testkit")))]
pub mod testkit;
pub mod validate;

pub use client::{
    API_KEY_HEADER, Client, ClientBuilder, DAILY_REQUEST_LIMIT, DEFAULT_BASE_URL, IntoChecked,
    Quota, default_retry_policy,
};
pub use error::{ApiError, ApiErrorKind, Error, RateLimitScope, Result};
/// The shared transport layer this crate is built on, re-exported so that users can name its
/// types (secrets, retry policies, rate limiters, errors) without a separate dependency.
pub use transport_core;
pub use transport_core::{Secret, WhenLimited};
pub use validate::{ValidationError, ValidationErrorKind};

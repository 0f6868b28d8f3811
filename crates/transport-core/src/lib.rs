#![doc = include_str!("../README.md")]
#![cfg_attr(docsrs, feature(doc_cfg))]

mod backoff;
mod error;
pub mod json;
mod secret;
#[cfg(feature = "testkit")]
pub mod testkit;
pub mod tls;
pub mod ws;

pub use backoff::{Backoff, Jitter};
pub use error::{
    BODY_SNIPPET_LIMIT, BoxError, DecodeError, Error, RateLimitScope, Result, StatusError, snippet,
};
pub use secret::Secret;

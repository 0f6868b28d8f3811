#![doc = include_str!("../README.md")]
#![cfg_attr(docsrs, feature(doc_cfg))]

mod backoff;
mod error;
pub mod http;
pub mod json;
mod open_enum;
mod rate_limit;
mod secret;
#[cfg(feature = "testkit")]
#[cfg_attr(docsrs, doc(cfg(feature = "testkit")))]
pub mod testkit;
pub mod tls;
pub mod ws;

pub use backoff::{Backoff, Jitter};
pub use error::{
    BODY_SNIPPET_LIMIT, BoxError, DecodeError, Error, RateLimitScope, Result, StatusError, snippet,
};
pub use rate_limit::{RateLimiter, RateLimiterBuilder, WhenLimited};
pub use secret::Secret;

/// serde, for the exported macros (`open_string_enum!`, `open_int_enum!`); not part of the API.
#[doc(hidden)]
pub use serde as __serde;

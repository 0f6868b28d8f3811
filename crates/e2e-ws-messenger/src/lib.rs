#![doc = include_str!("../README.md")]
#![cfg_attr(docsrs, feature(doc_cfg))]

pub mod api;
mod client;
pub mod codec;
pub mod correlation;
pub mod crypto;
pub mod detect;
pub mod e2e;
mod error;
pub mod events;
pub mod framing;
pub mod model;
pub mod protocol;
#[cfg(feature = "testkit")]
#[cfg_attr(docsrs, doc(cfg(feature = "testkit")))]
pub mod testkit;

pub use client::{Client, ClientBuilder, Concurrency};
pub use error::{CryptoError, EnvelopeError, Error, FramingError};
pub use events::{Event, EventStream};
pub use protocol::Credentials;

/// The shared transport layer this crate is built on, re-exported so that users can name its
/// types (secrets, retry policies, rate limiters, errors) without a separate dependency.
pub use transport_core;

#[cfg(test)]
mod test_support;

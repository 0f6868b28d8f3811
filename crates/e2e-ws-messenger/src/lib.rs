#![doc = include_str!("../README.md")]
#![cfg_attr(docsrs, feature(doc_cfg))]

pub mod api;
pub mod codec;
pub mod correlation;
pub mod crypto;
mod error;
pub mod framing;
pub mod model;
pub mod protocol;

pub use error::{CryptoError, EnvelopeError, Error, FramingError};

/// The shared transport layer this crate is built on, re-exported so that users can name its
/// types (secrets, retry policies, rate limiters, errors) without a separate dependency.
pub use transport_core;

#[cfg(test)]
mod test_support;

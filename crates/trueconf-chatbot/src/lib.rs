#![doc = include_str!("../README.md")]
#![cfg_attr(docsrs, feature(doc_cfg))]

pub mod api;
pub mod codec;
mod error;
pub mod model;
pub mod token;
pub mod validate;

pub use api::Method;
pub use error::{ApiError, Error, Result};

/// The shared transport layer this crate is built on, re-exported so that users can name its
/// types (secrets, retry policies, rate limiters, errors) without a separate dependency.
pub use transport_core;

#![doc = include_str!("../README.md")]
#![cfg_attr(docsrs, feature(doc_cfg))]

pub mod api;
pub mod bot;
mod client;
pub mod codec;
pub mod credentials;
mod error;
pub mod files;
pub mod model;
mod protocol;
#[cfg(feature = "testkit")]
#[cfg_attr(docsrs, doc(cfg(feature = "testkit")))]
pub mod testkit;
pub mod token;
pub mod update;
pub mod validate;

pub use api::Method;
pub use client::{
    BRIDGE_PORT, CallResults, Client, ClientBuilder, DEFAULT_APP_KEEPALIVE,
    DEFAULT_REQUEST_TIMEOUT, HTTPS_PORT, Scheme,
};
pub use error::{ApiError, Error, Result};
pub use update::{AckMode, Delivery, Update, Updates};

/// The shared transport layer this crate is built on, re-exported so that users can name its
/// types (secrets, retry policies, rate limiters, errors) without a separate dependency.
pub use transport_core;

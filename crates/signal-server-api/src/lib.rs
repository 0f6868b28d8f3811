#![doc = include_str!("../README.md")]
#![cfg_attr(docsrs, feature(doc_cfg))]

pub mod api;
pub mod auth;
pub mod client;
mod error;
pub mod model;
#[cfg(feature = "testkit")]
#[cfg_attr(docsrs, doc(cfg(feature = "testkit")))]
pub mod testkit;
pub mod ws;

pub use api::{ErrorBody, Operation, OperationInfo, all_operations};
pub use auth::{AuthMode, Credentials};
pub use client::{SignalClient, SignalClientBuilder, TransportKind};
pub use error::{Error, Result};

/// The shared transport layer this crate is built on, re-exported so that users can name its
/// types (secrets, retry policies, rate limiters, errors) without a separate dependency.
pub use transport_core;

#![doc = include_str!("../README.md")]
#![cfg_attr(docsrs, feature(doc_cfg))]

pub mod api;
pub mod chunking;
mod client;
pub mod codec;
pub mod connection;
mod error;
pub mod model;
pub mod qr;
pub mod saltyrtc;
pub mod session;
#[cfg(feature = "testkit")]
#[cfg_attr(docsrs, doc(cfg(feature = "testkit")))]
pub mod testkit;
#[cfg(test)]
mod testutil;

pub use api::{ArpMessage, Direction, Frame};
pub use client::{ArpClient, ArpConfig, Limits, Pairing, TrustedSession, Updates};
pub use error::{Error, Result};

/// The shared transport layer this crate is built on, re-exported so that users can name its
/// types (secrets, retry policies, rate limiters, errors) without a separate dependency.
pub use transport_core;

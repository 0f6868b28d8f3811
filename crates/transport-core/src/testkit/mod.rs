//! Test helpers for protocol crates and their users (feature `testkit`).
//!
//! - [`http`]: wiremock helpers shared by the HTTP protocols' fake servers.

pub mod http;

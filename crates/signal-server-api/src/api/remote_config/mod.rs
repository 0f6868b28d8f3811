//! Tag `Remote Config` (1 operation): feature flags.

mod get_all;

pub use get_all::{GetAll, UserRemoteConfig, UserRemoteConfigList};

//! Tag `CallLink` (1 operation): credentials for creating call links.

mod get_create_auth;

pub use get_create_auth::{CreateCallLinkCredential, GetCreateAuth};

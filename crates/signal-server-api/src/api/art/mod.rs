//! Tag `Art` (1 operation): credentials for the sticker-art service.

mod get_auth;

pub use get_auth::GetAuth;

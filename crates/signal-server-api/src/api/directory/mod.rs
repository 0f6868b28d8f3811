//! Tag `Directory` (1 operation): contact discovery credentials.

mod get_auth_token;

pub use get_auth_token::GetAuthToken;

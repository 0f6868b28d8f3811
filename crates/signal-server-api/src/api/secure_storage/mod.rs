//! Tag `Secure Storage` (1 operation): storage service credentials.

mod get_auth_2;

pub use get_auth_2::GetAuth2;

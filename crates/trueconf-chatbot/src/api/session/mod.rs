//! Session and user methods: `auth`, `getUserDisplayName`.

mod auth;
mod get_user_display_name;

pub use auth::{Auth, AuthResponse, TOKEN_TYPE_JWT};
pub use get_user_display_name::{GetUserDisplayName, UserDisplayName};

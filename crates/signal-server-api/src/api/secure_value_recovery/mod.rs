//! Tag `Secure Value Recovery` (4 operations): SVR2/SVR3 credentials and checks.

mod auth_check;
mod auth_check_1;
mod get_auth_3;
mod get_auth_4;

pub use auth_check::AuthCheck;
pub use auth_check_1::AuthCheck1;
pub use get_auth_3::GetAuth3;
pub use get_auth_4::GetAuth4;

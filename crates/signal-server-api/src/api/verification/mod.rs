//! Tag `Verification` (5 operations): phone-number verification sessions.

mod create_session;
mod get_session;
mod request_verification_code;
mod update_session;
mod verify_code;

pub use create_session::CreateSession;
pub use get_session::GetSession;
pub use request_verification_code::{CodeTransport, RequestVerificationCode};
pub use update_session::UpdateSession;
pub use verify_code::VerifyCode;

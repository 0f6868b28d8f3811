//! Tag `Registration` (1 operation): registering an account.

mod register;

pub use register::{Register, RegistrationKeys};

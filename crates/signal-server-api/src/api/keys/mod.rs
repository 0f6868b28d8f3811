//! Tag `Keys` (5 operations): pre-key upload, counts, fetching other users' keys, consistency checks.

mod check_keys;
mod get_device_keys;
mod get_status;
mod set_keys;
mod set_signed_key;

pub use check_keys::CheckKeys;
pub use get_device_keys::{DeviceSelector, GetDeviceKeys, PreKeyResponse, PreKeyResponseItem};
pub use get_status::{GetStatus, PreKeyCount};
pub use set_keys::SetKeys;
pub use set_signed_key::SetSignedKey;

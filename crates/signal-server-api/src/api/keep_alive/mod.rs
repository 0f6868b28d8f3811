//! Tag `Keep Alive` (2 operations): keepalives for the chat and provisioning sockets.

mod get_keep_alive;
mod get_provisioning_keep_alive;

pub use get_keep_alive::GetKeepAlive;
pub use get_provisioning_keep_alive::GetProvisioningKeepAlive;

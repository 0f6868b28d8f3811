//! Tag `Devices` (6 operations): listing, linking and removing devices, device capabilities.

mod create_device_token;
mod get_devices;
mod link_device;
mod remove_device;
mod set_capabilities;
mod set_unauthenticated_delivery;

pub use create_device_token::{CreateDeviceToken, VerificationCode};
pub use get_devices::{DeviceInfo, DeviceInfoList, GetDevices};
pub use link_device::{DeviceResponse, LinkDevice};
pub use remove_device::RemoveDevice;
pub use set_capabilities::SetCapabilities;
pub use set_unauthenticated_delivery::SetUnauthenticatedDelivery;

//! Tag `Provisioning` (1 operation): provisioning messages for linking devices.

mod send_provisioning_message;

pub use send_provisioning_message::SendProvisioningMessage;

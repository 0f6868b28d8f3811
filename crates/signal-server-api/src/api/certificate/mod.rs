//! Tag `Certificate` (2 operations): sealed-sender certificates and group auth credentials.

mod get_delivery_certificate;
mod get_group_authentication_credentials;

pub use get_delivery_certificate::{DeliveryCertificate, GetDeliveryCertificate};
pub use get_group_authentication_credentials::{
    GetGroupAuthenticationCredentials, GroupCredential, GroupCredentials,
};

//! Shared data types: identifiers, keys, and the DTOs several operations use, with their
//! wire formats corrected where the OpenAPI document describes Java types instead of JSON
//! (base64 strings for byte arrays, integer device ids, strings for service identifiers and
//! identity keys).
//!
//! Types used by a single operation live next to it in [`api`](crate::api).

pub mod b64;
pub mod secret_string;

mod account_attributes;
mod account_identity_response;
mod account_mismatched_devices;
mod account_stale_devices;
mod apn_registration_id;
mod attachment_descriptor_v3;
mod auth_check;
mod badge;
mod base_profile_response;
mod cdn_headers;
mod copy_media_request;
mod device_capabilities;
mod device_id;
mod device_limit;
mod ec_pre_key;
mod ec_signed_pre_key;
mod encrypted_username;
mod envelope_type;
mod external_service_credentials;
mod gcm_registration_id;
mod identity_key;
mod identity_type;
mod incoming_message;
mod kem_signed_pre_key;
mod mismatched_devices;
mod payment_method;
mod phone_number_identity_keys;
mod push_token_type;
mod rate_limit_challenge;
mod registration_lock_failure;
mod requested_information;
mod secret_bytes;
mod server_time;
mod service_id;
mod session_information;
mod stale_devices;
mod subscriber_id;
mod subscription_processor;
mod turn_token;
mod upload_form;
mod user_capabilities;
mod verification_session_response;
mod versioned_profile_response;

pub use account_attributes::AccountAttributes;
pub use account_identity_response::AccountIdentityResponse;
pub use account_mismatched_devices::AccountMismatchedDevices;
pub use account_stale_devices::AccountStaleDevices;
pub use apn_registration_id::ApnRegistrationId;
pub use attachment_descriptor_v3::AttachmentDescriptorV3;
pub use auth_check::{AuthCheckRequest, AuthCheckResponse, AuthCheckResult};
pub use badge::{Badge, BadgeSvg};
pub use base_profile_response::BaseProfileResponse;
pub use cdn_headers::CdnHeaders;
pub use copy_media_request::{CopyMediaRequest, RemoteAttachment};
pub use device_capabilities::DeviceCapabilities;
pub use device_id::{DeviceId, InvalidDeviceId};
pub use device_limit::DeviceLimit;
pub use ec_pre_key::EcPreKey;
pub use ec_signed_pre_key::EcSignedPreKey;
pub use encrypted_username::EncryptedUsername;
pub use envelope_type::EnvelopeType;
pub use external_service_credentials::ExternalServiceCredentials;
pub use gcm_registration_id::GcmRegistrationId;
pub use identity_key::IdentityKey;
pub use identity_type::IdentityType;
pub use incoming_message::IncomingMessage;
pub use kem_signed_pre_key::KemSignedPreKey;
pub use mismatched_devices::MismatchedDevices;
pub use payment_method::PaymentMethod;
pub use phone_number_identity_keys::PhoneNumberIdentityKeys;
pub use push_token_type::PushTokenType;
pub use rate_limit_challenge::{ChallengeOption, RateLimitChallenge};
pub use registration_lock_failure::RegistrationLockFailure;
pub use requested_information::RequestedInformation;
pub use secret_bytes::SecretBytes;
pub use server_time::ServerTime;
pub use service_id::{Aci, InvalidServiceId, Pni, ServiceId};
pub use session_information::SessionInformation;
pub use stale_devices::StaleDevices;
pub use subscriber_id::SubscriberId;
pub use subscription_processor::SubscriptionProcessor;
pub use turn_token::TurnToken;
pub use upload_form::UploadForm;
pub use user_capabilities::UserCapabilities;
pub use verification_session_response::VerificationSessionResponse;
pub use versioned_profile_response::VersionedProfileResponse;

//! Tag `Profile` (5 operations): reading and writing profiles, identity key checks.

mod get_profile;
mod get_profile_1;
mod get_unversioned_profile;
mod run_batch_identity_check;
mod set_profile;

pub use get_profile::GetProfile;
pub use get_profile_1::{CredentialProfileResponse, GetProfile1};
pub use get_unversioned_profile::GetUnversionedProfile;
pub use run_batch_identity_check::{
    BatchIdentityCheckResponse, IdentityCheckElement, RunBatchIdentityCheck,
};
pub use set_profile::{AvatarChange, ProfileAvatarUploadAttributes, SetProfile};

//! Tag `Account` (24 operations): identifiers, push tokens, usernames and username links,
//! registration lock, attributes, number changes.

mod account_exists;
mod change_number;
mod confirm_username_hash;
mod delete_account;
mod delete_apn_registration_id;
mod delete_gcm_registration_id;
mod delete_username_hash;
mod delete_username_link;
mod distribute_phone_number_identity_keys;
mod get_account_data_report;
mod get_me;
mod get_turn_token;
mod lookup_username_hash;
mod lookup_username_link;
mod remove_registration_lock;
mod reserve_username_hash;
mod set_account_attributes;
mod set_apn_registration_id;
mod set_gcm_registration_id;
mod set_name;
mod set_phone_number_discoverability;
mod set_registration_lock;
mod update_username_link;
mod who_am_i;

pub use account_exists::AccountExists;
pub use change_number::ChangeNumber;
pub use confirm_username_hash::{ConfirmUsernameHash, UsernameHashResponse};
pub use delete_account::DeleteAccount;
pub use delete_apn_registration_id::DeleteApnRegistrationId;
pub use delete_gcm_registration_id::DeleteGcmRegistrationId;
pub use delete_username_hash::DeleteUsernameHash;
pub use delete_username_link::DeleteUsernameLink;
pub use distribute_phone_number_identity_keys::DistributePhoneNumberIdentityKeys;
pub use get_account_data_report::{
    AccountAndDevicesDataReport, AccountDataReport, AccountDataReportResponse, BadgeDataReport,
    DeviceDataReport, GetAccountDataReport,
};
pub use get_me::GetMe;
pub use get_turn_token::GetTurnToken;
pub use lookup_username_hash::{AccountIdentifierResponse, LookupUsernameHash};
pub use lookup_username_link::LookupUsernameLink;
pub use remove_registration_lock::RemoveRegistrationLock;
pub use reserve_username_hash::{ReserveUsernameHash, ReserveUsernameHashResponse};
pub use set_account_attributes::SetAccountAttributes;
pub use set_apn_registration_id::SetApnRegistrationId;
pub use set_gcm_registration_id::SetGcmRegistrationId;
pub use set_name::SetName;
pub use set_phone_number_discoverability::SetPhoneNumberDiscoverability;
pub use set_registration_lock::SetRegistrationLock;
pub use update_username_link::{UpdateUsernameLink, UsernameLinkHandle};
pub use who_am_i::WhoAmI;

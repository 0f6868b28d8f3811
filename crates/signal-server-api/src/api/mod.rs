//! One endpoint type per operation of the Signal Server OpenAPI document, grouped by tag.
//!
//! Each type implements [`transport_core::http::Endpoint`] (method, path, query, headers,
//! body, response parser) and [`Operation`] (operationId, tag, path template, auth mode,
//! typed error statuses). Send them with [`SignalClient::send`](crate::SignalClient::send).
//! [`all_operations`] lists the metadata of every operation; a test checks it against the
//! saved OpenAPI document, both ways.

pub mod account;
pub mod archive;
pub mod art;
pub mod attachments;
pub mod call_link;
pub mod calling;
pub mod certificate;
pub mod challenge;
pub mod devices;
pub mod directory;
pub mod donations;
pub mod keep_alive;
pub mod keys;
pub mod messages;
pub mod payments;
pub mod profile;
pub mod provisioning;
pub mod registration;
pub mod remote_config;
pub mod secure_storage;
pub mod secure_value_recovery;
pub mod stickers;
pub mod subscriptions;
pub mod verification;

mod operation;
#[cfg(test)]
pub(crate) mod test_support;
pub(crate) mod validate;

pub(crate) use operation::no_account_auth;
pub use operation::{ErrorBody, Operation, OperationInfo};

/// Parses a 2xx response whose body may be empty (204, or 200 with no content) into `None`,
/// and a JSON body into `Some`.
pub(crate) fn json_or_none<T: serde::de::DeserializeOwned>(
    response: transport_core::http::RawResponse,
) -> transport_core::Result<Option<T>> {
    let response = response.success()?;
    if response.body.iter().all(u8::is_ascii_whitespace) {
        return Ok(None);
    }
    response.json().map(Some)
}

/// The metadata of every operation this crate implements, in the order of the OpenAPI
/// document's tags.
///
/// ```
/// let ops = signal_server_api::all_operations();
/// assert!(ops.iter().any(|op| op.operation_id == "register"));
/// ```
pub fn all_operations() -> &'static [OperationInfo] {
    OPERATIONS
}

static OPERATIONS: &[OperationInfo] = &[
    // Account
    <account::AccountExists as Operation>::INFO,
    <account::ConfirmUsernameHash as Operation>::INFO,
    <account::GetMe as Operation>::INFO,
    <account::DeleteAccount as Operation>::INFO,
    <account::SetApnRegistrationId as Operation>::INFO,
    <account::DeleteApnRegistrationId as Operation>::INFO,
    <account::SetGcmRegistrationId as Operation>::INFO,
    <account::DeleteGcmRegistrationId as Operation>::INFO,
    <account::DeleteUsernameHash as Operation>::INFO,
    <account::UpdateUsernameLink as Operation>::INFO,
    <account::DeleteUsernameLink as Operation>::INFO,
    <account::GetTurnToken as Operation>::INFO,
    <account::LookupUsernameHash as Operation>::INFO,
    <account::LookupUsernameLink as Operation>::INFO,
    <account::SetRegistrationLock as Operation>::INFO,
    <account::RemoveRegistrationLock as Operation>::INFO,
    <account::ReserveUsernameHash as Operation>::INFO,
    <account::SetAccountAttributes as Operation>::INFO,
    <account::SetName as Operation>::INFO,
    <account::WhoAmI as Operation>::INFO,
    <account::ChangeNumber as Operation>::INFO,
    <account::DistributePhoneNumberIdentityKeys as Operation>::INFO,
    <account::GetAccountDataReport as Operation>::INFO,
    <account::SetPhoneNumberDiscoverability as Operation>::INFO,
    // Archive
    <archive::Backup as Operation>::INFO,
    <archive::BackupInfo as Operation>::INFO,
    <archive::Refresh as Operation>::INFO,
    <archive::CopyMedia as Operation>::INFO,
    <archive::ListMedia as Operation>::INFO,
    <archive::CopyMedia1 as Operation>::INFO,
    <archive::DeleteMedia as Operation>::INFO,
    <archive::GetBackupZkCredentials as Operation>::INFO,
    <archive::ReadAuth as Operation>::INFO,
    <archive::SetBackupId as Operation>::INFO,
    <archive::SetPublicKey as Operation>::INFO,
    // Art
    <art::GetAuth as Operation>::INFO,
    // Attachments
    <attachments::GetAttachmentUploadForm as Operation>::INFO,
    <attachments::GetAttachmentUploadForm1 as Operation>::INFO,
    <attachments::GetAttachmentUploadForm2 as Operation>::INFO,
    // CallLink
    <call_link::GetCreateAuth as Operation>::INFO,
    // Calling
    <calling::GetCallingRelays as Operation>::INFO,
    // Certificate
    <certificate::GetDeliveryCertificate as Operation>::INFO,
    <certificate::GetGroupAuthenticationCredentials as Operation>::INFO,
    // Challenge
    <challenge::HandleChallengeResponse as Operation>::INFO,
    <challenge::RequestPushChallenge as Operation>::INFO,
    // Devices
    <devices::CreateDeviceToken as Operation>::INFO,
    <devices::GetDevices as Operation>::INFO,
    <devices::LinkDevice as Operation>::INFO,
    <devices::RemoveDevice as Operation>::INFO,
    <devices::SetCapabilities as Operation>::INFO,
    <devices::SetUnauthenticatedDelivery as Operation>::INFO,
    // Directory
    <directory::GetAuthToken as Operation>::INFO,
    // Donations
    <donations::RedeemReceipt as Operation>::INFO,
    // Keep Alive
    <keep_alive::GetKeepAlive as Operation>::INFO,
    <keep_alive::GetProvisioningKeepAlive as Operation>::INFO,
    // Keys
    <keys::CheckKeys as Operation>::INFO,
    <keys::GetDeviceKeys as Operation>::INFO,
    <keys::GetStatus as Operation>::INFO,
    <keys::SetKeys as Operation>::INFO,
    <keys::SetSignedKey as Operation>::INFO,
    // Messages
    <messages::GetPendingMessages as Operation>::INFO,
    <messages::RemovePendingMessage as Operation>::INFO,
    <messages::ReportSpamMessage as Operation>::INFO,
    <messages::SendMessage as Operation>::INFO,
    <messages::SendMultiRecipientMessage as Operation>::INFO,
    // Payments
    <payments::GetAuth1 as Operation>::INFO,
    <payments::GetConversions as Operation>::INFO,
    // Profile
    <profile::GetProfile as Operation>::INFO,
    <profile::GetProfile1 as Operation>::INFO,
    <profile::GetUnversionedProfile as Operation>::INFO,
    <profile::RunBatchIdentityCheck as Operation>::INFO,
    <profile::SetProfile as Operation>::INFO,
    // Provisioning
    <provisioning::SendProvisioningMessage as Operation>::INFO,
    // Registration
    <registration::Register as Operation>::INFO,
    // Remote Config
    <remote_config::GetAll as Operation>::INFO,
    // Secure Storage
    <secure_storage::GetAuth2 as Operation>::INFO,
    // Secure Value Recovery
    <secure_value_recovery::AuthCheck as Operation>::INFO,
    <secure_value_recovery::GetAuth3 as Operation>::INFO,
    <secure_value_recovery::AuthCheck1 as Operation>::INFO,
    <secure_value_recovery::GetAuth4 as Operation>::INFO,
    // Stickers
    <stickers::GetStickersForm as Operation>::INFO,
    // Subscriptions
    <subscriptions::ConfirmPayPalBoost as Operation>::INFO,
    <subscriptions::CreateBoostPaymentIntent as Operation>::INFO,
    <subscriptions::CreateBoostReceiptCredentials as Operation>::INFO,
    <subscriptions::CreatePayPalBoost as Operation>::INFO,
    <subscriptions::CreatePayPalPaymentMethod as Operation>::INFO,
    <subscriptions::CreatePaymentMethod as Operation>::INFO,
    <subscriptions::CreateSubscriptionReceiptCredentials as Operation>::INFO,
    <subscriptions::GetSubscriptionInformation as Operation>::INFO,
    <subscriptions::UpdateSubscriber as Operation>::INFO,
    <subscriptions::DeleteSubscriber as Operation>::INFO,
    <subscriptions::GetBankMandate as Operation>::INFO,
    <subscriptions::GetBoostBadges as Operation>::INFO,
    <subscriptions::GetConfiguration as Operation>::INFO,
    <subscriptions::SetDefaultPaymentMethod as Operation>::INFO,
    <subscriptions::SetDefaultPaymentMethodForIdeal as Operation>::INFO,
    <subscriptions::SetDefaultPaymentMethodWithProcessor as Operation>::INFO,
    <subscriptions::SetSubscriptionLevel as Operation>::INFO,
    // Verification
    <verification::CreateSession as Operation>::INFO,
    <verification::GetSession as Operation>::INFO,
    <verification::UpdateSession as Operation>::INFO,
    <verification::VerifyCode as Operation>::INFO,
    <verification::RequestVerificationCode as Operation>::INFO,
];

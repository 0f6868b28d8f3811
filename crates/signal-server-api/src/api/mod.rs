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
pub mod directory;
pub mod donations;
pub mod keep_alive;
pub mod payments;
pub mod provisioning;
pub mod remote_config;
pub mod secure_storage;
pub mod secure_value_recovery;
pub mod stickers;

mod operation;
#[cfg(test)]
pub(crate) mod test_support;
pub(crate) mod validate;

pub(crate) use operation::no_account_auth;
pub use operation::{ErrorBody, Operation, OperationInfo};

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
    // Directory
    <directory::GetAuthToken as Operation>::INFO,
    // Donations
    <donations::RedeemReceipt as Operation>::INFO,
    // Keep Alive
    <keep_alive::GetKeepAlive as Operation>::INFO,
    <keep_alive::GetProvisioningKeepAlive as Operation>::INFO,
    // Payments
    <payments::GetAuth1 as Operation>::INFO,
    <payments::GetConversions as Operation>::INFO,
    // Provisioning
    <provisioning::SendProvisioningMessage as Operation>::INFO,
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
];

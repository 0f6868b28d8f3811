//! Tag `Archive` (11 operations): message and media backups, authenticated with
//! zero-knowledge backup credentials (`X-Signal-ZK-Auth`), except `getBackupZKCredentials` and
//! `setBackupId`, which use the account's credentials.

mod backup;
mod backup_info;
mod copy_media;
mod copy_media_1;
mod delete_media;
mod get_backup_zk_credentials;
mod list_media;
mod read_auth;
mod refresh;
mod set_backup_id;
mod set_public_key;

pub use backup::{Backup, MessageBackupResponse};
pub use backup_info::{BackupInfo, BackupInfoResponse};
pub use copy_media::{CopyMedia, CopyMediaBatchResponse, CopyMediaOutcome};
pub use copy_media_1::{CopyMedia1, CopyMediaResponse};
pub use delete_media::{DeleteMedia, MediaToDelete};
pub use get_backup_zk_credentials::{
    BackupAuthCredential, BackupAuthCredentialsResponse, GetBackupZkCredentials,
};
pub use list_media::{ListMedia, ListResponse, StoredMediaObject};
pub use read_auth::{ReadAuth, ReadAuthResponse};
pub use refresh::Refresh;
pub use set_backup_id::SetBackupId;
pub use set_public_key::SetPublicKey;

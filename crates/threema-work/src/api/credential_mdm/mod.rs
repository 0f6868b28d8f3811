//! Individual app configuration (MDM settings of one credential):
//! `GET/POST /credentials/{id}/mdm`, `GET/PUT/DELETE /credentials/{id}/mdm/{property_id}`,
//! and the bulk operations `GET/POST /mdm-bulk`.

mod bulk_get_credential_mdm;
mod bulk_update_credential_mdm;
mod delete_credential_mdm;
mod get_credential_mdm;
mod list_credential_mdm;
mod set_credential_mdm;
mod update_credential_mdm;

pub use bulk_get_credential_mdm::{BulkGetCredentialMdm, CredentialMdmList};
pub use bulk_update_credential_mdm::{BulkUpdateCredentialMdm, CredentialSettings, MdmSetting};
pub use delete_credential_mdm::DeleteCredentialMdm;
pub use get_credential_mdm::GetCredentialMdm;
pub use list_credential_mdm::{CredentialMdmPropertyIndex, ListCredentialMdm};
pub use set_credential_mdm::SetCredentialMdm;
pub use update_credential_mdm::UpdateCredentialMdm;

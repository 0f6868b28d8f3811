//! Credentials: `GET/POST /credentials`, `GET/PUT/DELETE /credentials/{id}`.

mod create_credential;
mod delete_credential;
mod get_credential;
mod list_credentials;
mod update_credential;

pub use create_credential::{CreateCredential, CreatedCredential};
pub use delete_credential::DeleteCredential;
pub use get_credential::GetCredential;
pub use list_credentials::{CredentialIndex, ListCredentials};
pub use update_credential::UpdateCredential;

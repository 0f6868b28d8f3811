//! Contacts: `GET/POST /contacts`, `GET/PUT/DELETE /contacts/{threemaId}`.

mod create_contact;
mod delete_contact;
mod get_contact;
mod list_contacts;
mod update_contact;

pub use create_contact::{CreateContact, CreatedContact};
pub use delete_contact::DeleteContact;
pub use get_contact::GetContact;
pub use list_contacts::{ContactIndex, ListContacts};
pub use update_contact::UpdateContact;

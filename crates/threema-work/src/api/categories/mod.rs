//! Contact categories (Directory feature): `GET /contacts/{threemaId}/categories` and
//! `GET /contact-categories/{threemaId}`.

mod get_contact_category;
mod list_contact_categories;

pub use get_contact_category::{ContactCategoryDetail, GetContactCategory};
pub use list_contact_categories::{ContactCategoryIndex, ListContactCategories};

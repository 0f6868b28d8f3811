//! Logos: `GET/PUT/DELETE /logos/{logoVariant}` (raw PNG both ways).

mod delete_logo;
mod get_logo;
mod update_logo;

pub use delete_logo::DeleteLogo;
pub use get_logo::GetLogo;
pub use update_logo::UpdateLogo;

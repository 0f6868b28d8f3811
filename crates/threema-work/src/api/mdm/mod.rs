//! Global app configuration (MDM settings of the whole subscription): `GET/POST /mdm`,
//! `GET/PUT/DELETE /mdm/{property_id}`.

mod delete_global_mdm;
mod get_global_mdm;
mod list_global_mdm;
mod set_global_mdm;
mod update_global_mdm;

pub use delete_global_mdm::DeleteGlobalMdm;
pub use get_global_mdm::GetGlobalMdm;
pub use list_global_mdm::{ListGlobalMdm, SubscriptionMdmPropertyIndex};
pub use set_global_mdm::SetGlobalMdm;
pub use update_global_mdm::UpdateGlobalMdm;

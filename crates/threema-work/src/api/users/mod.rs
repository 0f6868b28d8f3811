//! Users: `GET /users`, `GET/DELETE /users/{threemaId}`, `POST /users/{threemaId}/detach`.

mod detach_user;
mod get_user;
mod list_users;
mod revoke_user;

pub use detach_user::DetachUser;
pub use get_user::GetUser;
pub use list_users::{ListUsers, UserIndex};
pub use revoke_user::RevokeUser;

//! Subscription: `GET /` and `PUT /`.

mod get_subscription;
mod update_subscription;

pub use get_subscription::GetSubscription;
pub use update_subscription::UpdateSubscription;

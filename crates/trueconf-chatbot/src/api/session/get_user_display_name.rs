//! `getUserDisplayName` — a user's display name (TrueConf's own client also uses it as an
//! application-level keepalive).

use crate::api::Method;
use crate::model::UserId;
use serde::{Deserialize, Serialize};

/// The `getUserDisplayName` request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct GetUserDisplayName {
    /// The user.
    pub user_id: UserId,
}

impl GetUserDisplayName {
    /// A request for `user_id`'s display name.
    pub fn new(user_id: UserId) -> Self {
        Self { user_id }
    }
}

/// The `getUserDisplayName` response.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct UserDisplayName {
    /// The display name.
    pub display_name: String,
}

impl UserDisplayName {
    /// A display name.
    pub fn new(display_name: impl Into<String>) -> Self {
        Self {
            display_name: display_name.into(),
        }
    }
}

impl Method for GetUserDisplayName {
    const NAME: &'static str = "getUserDisplayName";
    type Response = UserDisplayName;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::{request_sample, response_sample};

    #[test]
    fn request_and_response() {
        let r: GetUserDisplayName = request_sample(
            r#"{"type":1,"id":3,"method":"getUserDisplayName","payload":{"userId":"user@video.example.com"}}"#,
        );
        assert_eq!(r.user_id, "user@video.example.com");
        let name = response_sample::<GetUserDisplayName>(
            r#"{"type":2,"id":3,"payload":{"displayName":"John Brown"}}"#,
        );
        assert_eq!(name, UserDisplayName::new("John Brown"));
    }
}

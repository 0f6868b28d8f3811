//! `createChannel` — create a channel.

use crate::api::Method;
use crate::model::CreatedChat;
use crate::validate::{self, ValidationError};
use serde::{Deserialize, Serialize};

/// The `createChannel` request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct CreateChannel {
    /// The channel title (1–255 characters).
    pub title: String,
}

impl CreateChannel {
    /// A channel named `title`.
    pub fn new(title: impl Into<String>) -> Self {
        Self {
            title: title.into(),
        }
    }
}

impl Method for CreateChannel {
    const NAME: &'static str = "createChannel";
    type Response = CreatedChat;

    fn validate(&self) -> Result<(), ValidationError> {
        validate::title("title", &self.title)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::{request_sample, response_sample};

    #[test]
    fn seed_samples() {
        let request: CreateChannel = request_sample(
            r#"{
"type": 1,
"id": 1,
"method": "createChannel",
"payload": {
"title": "Company news"
}
}"#,
        );
        assert_eq!(request, CreateChannel::new("Company news"));
        let response = response_sample::<CreateChannel>(
            r#"{
"type": 2,
"id": 1,
"payload": {
"chatId": "2b896a6ef210d6b2dcaebc2186c9a7974d616054"
}
}"#,
        );
        assert_eq!(response.chat_id, "2b896a6ef210d6b2dcaebc2186c9a7974d616054");
        assert!(CreateChannel::new("y".repeat(256)).validate().is_err());
    }
}

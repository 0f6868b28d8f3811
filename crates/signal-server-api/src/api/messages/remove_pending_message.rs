//! `DELETE /v1/messages/uuid/{uuid}` — acknowledges (deletes) a queued message.

use crate::api::{Operation, OperationInfo};
use crate::auth::AuthMode;
use std::borrow::Cow;
use transport_core::http::{Endpoint, Method, RawResponse};
use uuid::Uuid;

/// `DELETE /v1/messages/uuid/{uuid}` (`removePendingMessage`) — acknowledges (deletes) a queued
/// message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct RemovePendingMessage {
    /// The message's `guid`.
    pub guid: Uuid,
}

impl RemovePendingMessage {
    /// Acknowledges message `guid`.
    pub fn new(guid: Uuid) -> Self {
        Self { guid }
    }
}

impl Endpoint for RemovePendingMessage {
    type Response = ();
    const METHOD: Method = Method::DELETE;

    fn path(&self) -> Cow<'_, str> {
        format!("/v1/messages/uuid/{}", self.guid.hyphenated()).into()
    }

    fn parse(&self, response: RawResponse) -> transport_core::Result<Self::Response> {
        response.empty()
    }
}

impl Operation for RemovePendingMessage {
    const INFO: OperationInfo = OperationInfo::new(
        "removePendingMessage",
        "Messages",
        Self::METHOD,
        "/v1/messages/uuid/{uuid}",
        AuthMode::Basic,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::*;

    #[test]
    fn request() {
        let op = RemovePendingMessage::new(
            Uuid::parse_str("9d0652a3-dcc3-4d11-975f-74d61598733f").unwrap(),
        );
        assert_consistent(&op);
        assert_eq!(
            op.path(),
            "/v1/messages/uuid/9d0652a3-dcc3-4d11-975f-74d61598733f"
        );
        parse(&op, 204, "").unwrap();
    }
}

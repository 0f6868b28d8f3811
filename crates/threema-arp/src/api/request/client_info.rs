//! `request/clientInfo`: information about the app's device (client → app). Answered by
//! `response/clientInfo`. The client describes itself in `data` (not `args`).

use crate::api::macros::wire_message;
use crate::error::Result;
use crate::model::receiver_ref::non_empty;
use serde::{Deserialize, Serialize};

/// `request/clientInfo` (client → app).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct RequestClientInfo {
    /// The client's description of itself.
    pub data: ClientInfoRequest,
}

/// The `data` of [`RequestClientInfo`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ClientInfoRequest {
    /// A user agent string identifying the client.
    pub user_agent: String,
    /// The browser name, for browser clients (`"firefox"`, `"chrome"`, …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub browser_name: Option<String>,
    /// The browser's major version.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub browser_version: Option<u32>,
}

impl RequestClientInfo {
    /// The request from a client identified by `user_agent`.
    pub fn new(user_agent: impl Into<String>) -> Self {
        Self {
            data: ClientInfoRequest {
                user_agent: user_agent.into(),
                browser_name: None,
                browser_version: None,
            },
        }
    }

    /// Sets the browser name and major version.
    #[must_use]
    pub fn with_browser(mut self, name: impl Into<String>, version: u32) -> Self {
        self.data.browser_name = Some(name.into());
        self.data.browser_version = Some(version);
        self
    }

    fn check(&self) -> Result<()> {
        non_empty("request/clientInfo data.userAgent", &self.data.user_agent)
    }
}

wire_message!(RequestClientInfo = "request" / "clientInfo", [ToApp], data: required,
    validate: RequestClientInfo::check);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::{Direction, Frame};
    use crate::testutil::{assert_keys, frame_round_trip};

    #[test]
    fn round_trips() {
        let request = RequestClientInfo::new("threema-arp/0.1").with_browser("firefox", 120);
        let value = frame_round_trip(&Frame::new(request).with_id("c"), Direction::ToApp);
        assert_keys(
            &value,
            "data",
            &["userAgent", "browserName", "browserVersion"],
        );
        assert!(Frame::new(RequestClientInfo::new("")).encode().is_err());
    }
}

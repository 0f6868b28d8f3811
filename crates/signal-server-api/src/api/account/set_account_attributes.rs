//! `PUT /v1/accounts/attributes` — update the account's and device's attributes.

use crate::api::{Operation, OperationInfo};
use crate::auth::{AuthMode, insert_header};
use crate::model::AccountAttributes;
use std::borrow::Cow;
use transport_core::http::{Body, Endpoint, HeaderMap, Method, RawResponse};

/// `PUT /v1/accounts/attributes` (`setAccountAttributes`) — replaces the attributes of the
/// account and the calling device (registration ids, access key, capabilities, …).
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct SetAccountAttributes {
    /// The attributes.
    pub attributes: AccountAttributes,
    /// The `X-Signal-Agent` header (e.g. `"OWA"`), if any.
    pub signal_agent: Option<String>,
}

impl SetAccountAttributes {
    /// Sets `attributes`.
    pub fn new(attributes: AccountAttributes) -> Self {
        Self {
            attributes,
            signal_agent: None,
        }
    }

    /// Sends `X-Signal-Agent: agent`.
    #[must_use]
    pub fn with_signal_agent(mut self, agent: impl Into<String>) -> Self {
        self.signal_agent = Some(agent.into());
        self
    }
}

impl Endpoint for SetAccountAttributes {
    type Response = ();
    const METHOD: Method = Method::PUT;

    fn path(&self) -> Cow<'_, str> {
        "/v1/accounts/attributes".into()
    }

    fn headers(&self) -> transport_core::Result<HeaderMap> {
        let mut headers = HeaderMap::new();
        if let Some(agent) = &self.signal_agent {
            insert_header(&mut headers, "x-signal-agent", agent)?;
        }
        Ok(headers)
    }

    fn body(&self) -> transport_core::Result<Body> {
        self.attributes.validate()?;
        Body::json(&self.attributes)
    }

    fn parse(&self, response: RawResponse) -> transport_core::Result<Self::Response> {
        response.empty()
    }
}

impl Operation for SetAccountAttributes {
    const INFO: OperationInfo = OperationInfo::new(
        "setAccountAttributes",
        "Account",
        Self::METHOD,
        "/v1/accounts/attributes",
        AuthMode::Basic,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::*;

    #[test]
    fn request() {
        let mut attributes = AccountAttributes::new(42);
        attributes.fetches_messages = true;
        let op = SetAccountAttributes::new(attributes).with_signal_agent("OWD");
        assert_consistent(&op);
        assert_eq!(op.headers().unwrap()["x-signal-agent"], "OWD");
        assert_eq!(
            body_json(&op),
            serde_json::json!({
                "fetchesMessages": true,
                "registrationId": 42,
                "unrestrictedUnidentifiedAccess": false,
                "discoverableByPhoneNumber": true
            })
        );
        assert!(
            SetAccountAttributes::new(AccountAttributes::new(0))
                .body()
                .is_err()
        );
        parse(&op, 204, "").unwrap();
        assert_eq!(parse(&op, 422, "").unwrap_err().status(), Some(422));
    }
}

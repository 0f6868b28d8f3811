//! `HEAD /v1/accounts/account/{identifier}` — does an account with this ACI or PNI exist?

use crate::api::{Operation, OperationInfo, no_account_auth};
use crate::auth::AuthMode;
use crate::model::ServiceId;
use std::borrow::Cow;
use transport_core::http::{Endpoint, EndpointAuth, Method, RawResponse, segment};

/// `HEAD /v1/accounts/account/{identifier}` (`accountExists`) — checks whether an account
/// exists. Enforced unauthenticated: the server answers 400 to an authenticated call, so no
/// credentials are sent. Returns `true` for 200 and `false` for 404.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct AccountExists {
    /// The ACI or PNI to check.
    pub identifier: ServiceId,
}

impl AccountExists {
    /// Checks `identifier`.
    pub fn new(identifier: impl Into<ServiceId>) -> Self {
        Self {
            identifier: identifier.into(),
        }
    }
}

impl Endpoint for AccountExists {
    type Response = bool;
    const METHOD: Method = Method::HEAD;

    fn path(&self) -> Cow<'_, str> {
        format!(
            "/v1/accounts/account/{}",
            segment(&self.identifier.to_string())
        )
        .into()
    }

    fn auth(&self) -> EndpointAuth {
        no_account_auth()
    }

    fn parse(&self, response: RawResponse) -> transport_core::Result<bool> {
        match response.status.as_u16() {
            404 => Ok(false),
            _ => response.success().map(|_| true),
        }
    }
}

impl Operation for AccountExists {
    const INFO: OperationInfo = OperationInfo::new(
        "accountExists",
        "Account",
        Self::METHOD,
        "/v1/accounts/account/{identifier}",
        AuthMode::MustNotAuthenticate,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::*;

    #[test]
    fn request_and_outcomes() {
        let id: ServiceId = "PNI:9d0652a3-dcc3-4d11-975f-74d61598733f".parse().unwrap();
        let op = AccountExists::new(id);
        assert_consistent(&op);
        assert_eq!(
            op.path(),
            "/v1/accounts/account/PNI:9d0652a3-dcc3-4d11-975f-74d61598733f"
        );
        assert!(has_no_body(&op));
        assert!(parse(&op, 200, "").unwrap());
        assert!(!parse(&op, 404, "").unwrap());
        assert_eq!(parse(&op, 400, "").unwrap_err().status(), Some(400));
    }
}

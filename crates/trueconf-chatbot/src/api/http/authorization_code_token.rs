//! `POST /bridge/api/client/v1/auth/token` — step 3 of the OAuth application flow: trade the
//! authorization code for the bot JWT.

use crate::model::AccessToken;
use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};
use std::borrow::Cow;
use transport_core::Secret;
use transport_core::http::{Body, Endpoint, EndpointAuth, Method, RawResponse};

/// Step 3 of the OAuth flow. `Debug` never shows the code.
///
/// Body: `{"client_id":"user","grant_type":"authorization_code","code":…}`; answers an
/// [`AccessToken`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct AuthorizationCodeToken {
    /// The code from step 2.
    pub code: Secret,
}

impl AuthorizationCodeToken {
    /// Step 3 with `code`.
    pub fn new(code: Secret) -> Self {
        Self { code }
    }
}

impl Serialize for AuthorizationCodeToken {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(3))?;
        map.serialize_entry("client_id", "user")?;
        map.serialize_entry("grant_type", "authorization_code")?;
        map.serialize_entry("code", self.code.expose())?;
        map.end()
    }
}

impl Endpoint for AuthorizationCodeToken {
    type Response = AccessToken;
    const METHOD: Method = Method::POST;

    fn path(&self) -> Cow<'_, str> {
        "/bridge/api/client/v1/auth/token".into()
    }

    fn body(&self) -> transport_core::Result<Body> {
        Body::json(self)
    }

    fn auth(&self) -> EndpointAuth {
        EndpointAuth::None
    }

    fn parse(&self, response: RawResponse) -> transport_core::Result<AccessToken> {
        response.expect_status(&[200, 201])?.json()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn body_matches_the_official_client() {
        let step = AuthorizationCodeToken::new(Secret::new("c0de"));
        assert_eq!(
            serde_json::to_value(&step).unwrap(),
            json!({"client_id": "user", "grant_type": "authorization_code", "code": "c0de"})
        );
        assert_eq!(step.path(), "/bridge/api/client/v1/auth/token");
        assert!(!format!("{step:?}").contains("c0de"));
    }
}

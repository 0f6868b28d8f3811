//! `GET /credentials/{id}` — Credentials: Detail.

use crate::api::WorkRequest;
use crate::model::{Credential, CredentialId};
use crate::validate::{self, ValidationError};
use std::borrow::Cow;
use transport_core::http::{Endpoint, Method, RawResponse, segment};

/// `GET /credentials/{id}` — one credential.
///
/// Answers 200 with a [`Credential`]; 400 for an invalid id, 404 when there is none.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct GetCredential {
    /// The credential's id.
    pub id: CredentialId,
}

impl GetCredential {
    /// The credential `id`.
    pub fn new(id: CredentialId) -> Self {
        Self { id }
    }
}

impl Endpoint for GetCredential {
    type Response = Credential;
    const METHOD: Method = Method::GET;

    fn path(&self) -> Cow<'_, str> {
        format!("/credentials/{}", segment(self.id.as_str())).into()
    }

    fn parse(&self, response: RawResponse) -> transport_core::Result<Credential> {
        response.json()
    }
}

impl WorkRequest for GetCredential {
    fn validate(&self) -> Result<(), ValidationError> {
        validate::non_empty("id", self.id.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::testing;
    use serde_json::json;

    #[test]
    fn request_shape_encodes_the_id() {
        let request =
            GetCredential::new(CredentialId::new("e7MCEXNCGmRDRX3BF71tJAoAiLVpvsu").unwrap());
        assert_eq!(GetCredential::METHOD, Method::GET);
        assert_eq!(
            request.path(),
            "/credentials/e7MCEXNCGmRDRX3BF71tJAoAiLVpvsu"
        );
        assert_eq!(
            GetCredential::new(CredentialId::new("a/b?c").unwrap()).path(),
            "/credentials/a%2Fb%3Fc"
        );
    }

    #[test]
    fn parses_1_7_body_and_404() {
        let request = GetCredential::new(CredentialId::new("LAow0Rksa").unwrap());
        let c = request
            .parse(testing::json(
                200,
                &json!({"id": "LAow0Rksa", "username": "alice", "password": "3mawrk", "usage": 2, "hashed": false, "locked": true}),
            ))
            .unwrap();
        assert_eq!(c.usage, Some(2));
        assert_eq!(c.locked, Some(true));
        let err = request
            .parse(testing::json(
                404,
                &json!({"error": "Credential not found"}),
            ))
            .unwrap_err();
        assert_eq!(err.status(), Some(404));
    }
}

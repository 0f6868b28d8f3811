//! `DELETE /credentials/{id}` — Credentials: Remove.

use crate::api::WorkRequest;
use crate::model::CredentialId;
use crate::validate::{self, ValidationError};
use std::borrow::Cow;
use transport_core::http::{Endpoint, Method, RawResponse, segment};

/// `DELETE /credentials/{id}` — removes a credential.
///
/// Answers 204; 400 for an invalid id, 404 when there is no such credential.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct DeleteCredential {
    /// The credential's id.
    pub id: CredentialId,
}

impl DeleteCredential {
    /// Removes credential `id`.
    pub fn new(id: CredentialId) -> Self {
        Self { id }
    }
}

impl Endpoint for DeleteCredential {
    type Response = ();
    const METHOD: Method = Method::DELETE;

    fn path(&self) -> Cow<'_, str> {
        format!("/credentials/{}", segment(self.id.as_str())).into()
    }

    fn parse(&self, response: RawResponse) -> transport_core::Result<()> {
        response.empty()
    }
}

impl WorkRequest for DeleteCredential {
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
    fn request_shape_and_parsing() {
        let request = DeleteCredential::new(CredentialId::new("LAow0Rksa").unwrap());
        assert_eq!(DeleteCredential::METHOD, Method::DELETE);
        assert_eq!(request.path(), "/credentials/LAow0Rksa");
        assert!(request.body().unwrap().is_empty());
        request.parse(testing::response(204, &[], b"")).unwrap();
        let err = request
            .parse(testing::json(
                404,
                &json!({"error": "Detailed error message"}),
            ))
            .unwrap_err();
        assert_eq!(err.status(), Some(404));
    }
}

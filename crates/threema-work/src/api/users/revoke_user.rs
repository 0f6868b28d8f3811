//! `DELETE /users/{threemaId}` — User: Remove (revoke the ID).

use crate::api::WorkRequest;
use crate::model::ThreemaId;
use crate::validate::{self, ValidationError};
use std::borrow::Cow;
use transport_core::http::{Endpoint, Method, RawResponse, segment};

/// `DELETE /users/{threemaId}` — revokes a user's Threema ID.
///
/// Answers 204; 400 for an invalid id, 404 when there is no such user.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct RevokeUser {
    /// The user's Threema ID.
    pub id: ThreemaId,
}

impl RevokeUser {
    /// Revokes `id`.
    pub fn new(id: ThreemaId) -> Self {
        Self { id }
    }
}

impl Endpoint for RevokeUser {
    type Response = ();
    const METHOD: Method = Method::DELETE;

    fn path(&self) -> Cow<'_, str> {
        format!("/users/{}", segment(self.id.as_str())).into()
    }

    fn parse(&self, response: RawResponse) -> transport_core::Result<()> {
        response.empty()
    }
}

impl WorkRequest for RevokeUser {
    fn validate(&self) -> Result<(), ValidationError> {
        validate::threema_id("threemaId", self.id.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::testing;
    use serde_json::json;

    #[test]
    fn request_shape_and_parsing() {
        let request = RevokeUser::new(ThreemaId::new("B4UXXX11").unwrap());
        assert_eq!(RevokeUser::METHOD, Method::DELETE);
        assert_eq!(request.path(), "/users/B4UXXX11");
        request.parse(testing::response(204, &[], b"")).unwrap();
        let err = request
            .parse(testing::json(
                400,
                &json!({"error": "Detailed error message"}),
            ))
            .unwrap_err();
        assert_eq!(err.status(), Some(400));
    }
}

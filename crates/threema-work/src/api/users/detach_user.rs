//! `POST /users/{threemaId}/detach` — User: Unlink (detach).

use crate::api::WorkRequest;
use crate::model::ThreemaId;
use crate::validate::{self, ValidationError};
use std::borrow::Cow;
use transport_core::http::{Endpoint, Method, RawResponse, segment};

/// `POST /users/{threemaId}/detach` — detaches a Threema ID from the subscription (the ID
/// keeps existing). No body.
///
/// Answers 204; 400 for an invalid id, 404 when there is no such user.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct DetachUser {
    /// The user's Threema ID.
    pub id: ThreemaId,
}

impl DetachUser {
    /// Detaches `id`.
    pub fn new(id: ThreemaId) -> Self {
        Self { id }
    }
}

impl Endpoint for DetachUser {
    type Response = ();
    const METHOD: Method = Method::POST;

    fn path(&self) -> Cow<'_, str> {
        format!("/users/{}/detach", segment(self.id.as_str())).into()
    }

    fn parse(&self, response: RawResponse) -> transport_core::Result<()> {
        response.empty()
    }
}

impl WorkRequest for DetachUser {
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
        let request = DetachUser::new(ThreemaId::new("B4UXXX11").unwrap());
        assert_eq!(DetachUser::METHOD, Method::POST);
        assert_eq!(request.path(), "/users/B4UXXX11/detach");
        assert!(request.body().unwrap().is_empty());
        request.parse(testing::response(204, &[], b"")).unwrap();
        let err = request
            .parse(testing::json(404, &json!({"error": "User not found"})))
            .unwrap_err();
        assert_eq!(err.status(), Some(404));
    }
}

//! `GET /users/{threemaId}` — User: Detail.

use crate::api::WorkRequest;
use crate::model::{ThreemaId, User};
use crate::validate::{self, ValidationError};
use std::borrow::Cow;
use transport_core::http::{Endpoint, Method, RawResponse, segment};

/// `GET /users/{threemaId}` — one user.
///
/// Answers 200 with a [`User`]; 400 for an invalid id, 404 when there is no such user.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct GetUser {
    /// The user's Threema ID.
    pub id: ThreemaId,
}

impl GetUser {
    /// The user `id`.
    pub fn new(id: ThreemaId) -> Self {
        Self { id }
    }
}

impl Endpoint for GetUser {
    type Response = User;
    const METHOD: Method = Method::GET;

    fn path(&self) -> Cow<'_, str> {
        format!("/users/{}", segment(self.id.as_str())).into()
    }

    fn parse(&self, response: RawResponse) -> transport_core::Result<User> {
        response.json()
    }
}

impl WorkRequest for GetUser {
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
        let request = GetUser::new(ThreemaId::new("B4UXXX11").unwrap());
        assert_eq!(GetUser::METHOD, Method::GET);
        assert_eq!(request.path(), "/users/B4UXXX11");
        let user = request
            .parse(testing::json(
                200,
                &json!({"id": "B4UXXX11", "nickname": "Alice", "jobTitle": "CTO", "department": "IT"}),
            ))
            .unwrap();
        assert_eq!(user.nickname.as_deref(), Some("Alice"));
        assert_eq!(user.job_title.as_deref(), Some("CTO"));
        assert_eq!(
            request
                .parse(testing::json(404, &json!({"error": "User not found"})))
                .unwrap_err()
                .status(),
            Some(404)
        );
    }

    #[test]
    fn ids_from_a_server_are_checked_again_before_sending() {
        let odd: ThreemaId = serde_json::from_str(r#""abc""#).unwrap();
        assert!(GetUser::new(odd).validate().is_err());
    }
}

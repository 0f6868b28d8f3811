//! `DELETE /contacts/{threemaId}` — Contact: Remove.

use crate::api::WorkRequest;
use crate::model::ThreemaId;
use crate::validate::{self, ValidationError};
use std::borrow::Cow;
use transport_core::http::{Endpoint, Method, RawResponse, segment};

/// `DELETE /contacts/{threemaId}` — removes a custom contact.
///
/// Answers 204; 400 for an invalid id, 404 when there is no such contact. Automatically added
/// (`auto`) contacts cannot be removed: API 1.4 answered 401 "not a custom contact"; disable
/// them with [`UpdateContact`](super::UpdateContact) instead.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct DeleteContact {
    /// The contact's Threema ID.
    pub threema_id: ThreemaId,
}

impl DeleteContact {
    /// Removes contact `threema_id`.
    pub fn new(threema_id: ThreemaId) -> Self {
        Self { threema_id }
    }
}

impl Endpoint for DeleteContact {
    type Response = ();
    const METHOD: Method = Method::DELETE;

    fn path(&self) -> Cow<'_, str> {
        format!("/contacts/{}", segment(self.threema_id.as_str())).into()
    }

    fn parse(&self, response: RawResponse) -> transport_core::Result<()> {
        response.empty()
    }
}

impl WorkRequest for DeleteContact {
    fn validate(&self) -> Result<(), ValidationError> {
        validate::threema_id("threemaId", self.threema_id.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::testing;
    use serde_json::json;

    #[test]
    fn request_shape_and_parsing() {
        let request = DeleteContact::new(ThreemaId::new("ECHOECHO").unwrap());
        assert_eq!(DeleteContact::METHOD, Method::DELETE);
        assert_eq!(request.path(), "/contacts/ECHOECHO");
        request.parse(testing::response(204, &[], b"")).unwrap();
        let err = request
            .parse(testing::json(
                401,
                &json!({"message": "contact not a custom contact"}),
            ))
            .unwrap_err();
        assert_eq!(err.status(), Some(401));
    }
}

//! `GET /contacts/{threemaId}` — Contact: Detail.

use crate::api::WorkRequest;
use crate::model::{Contact, ThreemaId};
use crate::validate::{self, ValidationError};
use std::borrow::Cow;
use transport_core::http::{Endpoint, Method, RawResponse, segment};

/// `GET /contacts/{threemaId}` — one contact.
///
/// Answers 200 with a [`Contact`]; 400 for an invalid id, 404 when there is no such contact.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct GetContact {
    /// The contact's Threema ID.
    pub threema_id: ThreemaId,
}

impl GetContact {
    /// The contact `threema_id`.
    pub fn new(threema_id: ThreemaId) -> Self {
        Self { threema_id }
    }
}

impl Endpoint for GetContact {
    type Response = Contact;
    const METHOD: Method = Method::GET;

    fn path(&self) -> Cow<'_, str> {
        format!("/contacts/{}", segment(self.threema_id.as_str())).into()
    }

    fn parse(&self, response: RawResponse) -> transport_core::Result<Contact> {
        response.json()
    }
}

impl WorkRequest for GetContact {
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
        let request = GetContact::new(ThreemaId::new("*THREEMA").unwrap());
        assert_eq!(GetContact::METHOD, Method::GET);
        assert_eq!(request.path(), "/contacts/*THREEMA");
        let contact = request
            .parse(testing::json(
                200,
                &json!({"threemaId": "*THREEMA", "type": "custom", "firstName": "Threema", "enabled": false}),
            ))
            .unwrap();
        assert_eq!(contact.enabled, Some(false));
        assert_eq!(
            request
                .parse(testing::json(404, &json!({"error": "Contact not found"})))
                .unwrap_err()
                .status(),
            Some(404)
        );
    }
}

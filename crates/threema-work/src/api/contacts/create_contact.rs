//! `POST /contacts` — Contact: Create.

use crate::api::WorkRequest;
use crate::model::ThreemaId;
use crate::validate::{self, ValidationError};
use std::borrow::Cow;
use transport_core::http::{Body, Endpoint, Method, RawResponse};

/// `POST /contacts` — adds a custom contact.
///
/// Body `{threemaId, firstName?, lastName?, enabled?}` (names 1–256 characters). Answers
/// `201 Created` with a `Location` header and no body; 400 for an invalid Threema ID or a
/// contact that already exists. Not retried (it is not idempotent).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct CreateContact {
    /// The contact's Threema ID.
    pub threema_id: ThreemaId,
    /// The first name, 1–256 characters.
    pub first_name: Option<String>,
    /// The last name, 1–256 characters.
    pub last_name: Option<String>,
    /// Whether the contact is enabled.
    pub enabled: Option<bool>,
}

impl CreateContact {
    /// A contact for `threema_id`.
    pub fn new(threema_id: ThreemaId) -> Self {
        Self {
            threema_id,
            first_name: None,
            last_name: None,
            enabled: None,
        }
    }

    /// Sets the first and last name.
    #[must_use]
    pub fn with_name(
        mut self,
        first_name: impl Into<String>,
        last_name: impl Into<String>,
    ) -> Self {
        self.first_name = Some(first_name.into());
        self.last_name = Some(last_name.into());
        self
    }

    /// Sets `enabled`.
    #[must_use]
    pub fn with_enabled(mut self, enabled: bool) -> Self {
        self.enabled = Some(enabled);
        self
    }
}

#[derive(serde::Serialize)]
#[serde(rename_all = "camelCase")]
struct Wire<'a> {
    threema_id: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    first_name: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    last_name: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    enabled: Option<bool>,
}

/// The response of `POST /contacts`: where the new contact is.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct CreatedContact {
    /// The `Location` header: the URL of the new contact.
    pub location: Option<String>,
}

impl Endpoint for CreateContact {
    type Response = CreatedContact;
    const METHOD: Method = Method::POST;

    fn path(&self) -> Cow<'_, str> {
        "/contacts".into()
    }

    fn body(&self) -> transport_core::Result<Body> {
        Body::json(&Wire {
            threema_id: self.threema_id.as_str(),
            first_name: self.first_name.as_deref(),
            last_name: self.last_name.as_deref(),
            enabled: self.enabled,
        })
    }

    fn parse(&self, response: RawResponse) -> transport_core::Result<CreatedContact> {
        let location = crate::api::location(&response);
        response.success()?;
        Ok(CreatedContact { location })
    }
}

impl WorkRequest for CreateContact {
    fn validate(&self) -> Result<(), ValidationError> {
        validate::threema_id("threemaId", self.threema_id.as_str())?;
        if let Some(name) = &self.first_name {
            validate::text("firstName", name)?;
        }
        if let Some(name) = &self.last_name {
            validate::text("lastName", name)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::testing;
    use serde_json::json;

    #[test]
    fn request_shape_matches_the_spec_sample() {
        let request = CreateContact::new(ThreemaId::new("B4UXXX11").unwrap())
            .with_name("Echo", "Ohce")
            .with_enabled(true);
        assert_eq!(CreateContact::METHOD, Method::POST);
        assert_eq!(request.path(), "/contacts");
        assert_eq!(
            testing::body_json(&request),
            json!({"threemaId": "B4UXXX11", "firstName": "Echo", "lastName": "Ohce", "enabled": true})
        );
        assert_eq!(
            testing::body_json(&CreateContact::new(ThreemaId::new("ECHOECHO").unwrap())),
            json!({"threemaId": "ECHOECHO"})
        );
    }

    #[test]
    fn validation_and_parsing() {
        let id = ThreemaId::new("ECHOECHO").unwrap();
        assert_eq!(
            CreateContact::new(id.clone())
                .with_name("", "x")
                .validate()
                .unwrap_err()
                .field,
            "firstName"
        );
        let request = CreateContact::new(id);
        let created = request
            .parse(testing::response(
                201,
                &[(
                    "location",
                    "https://work.threema.ch/api/v1/contacts/ECHOECHO",
                )],
                b"",
            ))
            .unwrap();
        assert_eq!(
            created.location.as_deref(),
            Some("https://work.threema.ch/api/v1/contacts/ECHOECHO")
        );
        let err = request
            .parse(testing::json(
                400,
                &json!({"error": "Contact already exists"}),
            ))
            .unwrap_err();
        assert_eq!(err.status(), Some(400));
    }
}

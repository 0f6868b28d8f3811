//! `PUT /contacts/{threemaId}` — Contact: Update.

use crate::api::WorkRequest;
use crate::model::ThreemaId;
use crate::validate::{self, ValidationError};
use std::borrow::Cow;
use transport_core::http::{Body, Endpoint, Method, RawResponse, segment};

/// `PUT /contacts/{threemaId}` — changes a contact's names and state.
///
/// Body `{firstName, lastName, enabled, directory_enabled?}`: the first three are required by
/// the spec (names 1–256 characters). `directory_enabled` is in no spec, but a production
/// client found the live server to require it (2025-09); it is sent as `true` unless set
/// otherwise ([`with_directory_enabled`](Self::with_directory_enabled), `None` leaves it out;
/// see `docs/decisions.md`). Answers 204; 400 for invalid values, 404 when there is no such
/// contact. Automatically added (`auto`) contacts cannot be removed, but can be disabled here.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct UpdateContact {
    /// The contact's Threema ID.
    pub threema_id: ThreemaId,
    /// The first name, 1–256 characters.
    pub first_name: String,
    /// The last name, 1–256 characters.
    pub last_name: String,
    /// Whether the contact is enabled.
    pub enabled: bool,
    /// `directory_enabled` (undocumented; `Some(true)` by default, `None` leaves it out).
    pub directory_enabled: Option<bool>,
}

impl UpdateContact {
    /// Sets `threema_id`'s names and state (and `directory_enabled: true`).
    pub fn new(
        threema_id: ThreemaId,
        first_name: impl Into<String>,
        last_name: impl Into<String>,
        enabled: bool,
    ) -> Self {
        Self {
            threema_id,
            first_name: first_name.into(),
            last_name: last_name.into(),
            enabled,
            directory_enabled: Some(true),
        }
    }

    /// Sets `directory_enabled`; `None` leaves the field out of the body.
    #[must_use]
    pub fn with_directory_enabled(mut self, directory_enabled: Option<bool>) -> Self {
        self.directory_enabled = directory_enabled;
        self
    }
}

#[derive(serde::Serialize)]
#[serde(rename_all = "camelCase")]
struct Wire<'a> {
    first_name: &'a str,
    last_name: &'a str,
    enabled: bool,
    #[serde(rename = "directory_enabled", skip_serializing_if = "Option::is_none")]
    directory_enabled: Option<bool>,
}

impl Endpoint for UpdateContact {
    type Response = ();
    const METHOD: Method = Method::PUT;

    fn path(&self) -> Cow<'_, str> {
        format!("/contacts/{}", segment(self.threema_id.as_str())).into()
    }

    fn body(&self) -> transport_core::Result<Body> {
        Body::json(&Wire {
            first_name: &self.first_name,
            last_name: &self.last_name,
            enabled: self.enabled,
            directory_enabled: self.directory_enabled,
        })
    }

    fn parse(&self, response: RawResponse) -> transport_core::Result<()> {
        response.empty()
    }
}

impl WorkRequest for UpdateContact {
    fn validate(&self) -> Result<(), ValidationError> {
        validate::threema_id("threemaId", self.threema_id.as_str())?;
        validate::text("firstName", &self.first_name)?;
        validate::text("lastName", &self.last_name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::testing;
    use serde_json::json;

    #[test]
    fn request_shape_with_and_without_directory_enabled() {
        let id = ThreemaId::new("B4UXXX11").unwrap();
        let request = UpdateContact::new(id.clone(), "Echo", "Ohce", true);
        assert_eq!(UpdateContact::METHOD, Method::PUT);
        assert_eq!(request.path(), "/contacts/B4UXXX11");
        assert_eq!(
            testing::body_json(&request),
            json!({"firstName": "Echo", "lastName": "Ohce", "enabled": true, "directory_enabled": true})
        );
        let spec_form = request.with_directory_enabled(None);
        assert_eq!(
            testing::body_json(&spec_form),
            json!({"firstName": "Echo", "lastName": "Ohce", "enabled": true})
        );
        assert_eq!(
            UpdateContact::new(id, "Echo", "", false)
                .validate()
                .unwrap_err()
                .field,
            "lastName"
        );
    }

    #[test]
    fn parsing() {
        let request = UpdateContact::new(ThreemaId::new("ECHOECHO").unwrap(), "E", "O", false);
        request.parse(testing::response(204, &[], b"")).unwrap();
        assert_eq!(
            request
                .parse(testing::json(404, &json!({"error": "Contact not found"})))
                .unwrap_err()
                .status(),
            Some(404)
        );
    }
}

//! `PUT /credentials/{id}/mdm/{property_id}` — Individual App Configuration: Update.

use crate::api::WorkRequest;
use crate::model::{CredentialId, MdmObject, MdmProperty, MdmUpdateBody, MdmValue};
use crate::validate::{self, ValidationError};
use std::borrow::Cow;
use transport_core::http::{Body, Endpoint, Method, RawResponse, segment};

/// `PUT /credentials/{id}/mdm/{property_id}` — changes one setting of a credential.
///
/// No spec declares the body; `{"value": …}` is sent by default ([`MdmUpdateBody`]). Answers
/// 200 with the setting as an [`MdmObject`]; 400 for an invalid request, 404 when the setting
/// is not set. `POST /credentials/{id}/mdm` ([`SetCredentialMdm`](super::SetCredentialMdm)) is
/// the documented upsert.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct UpdateCredentialMdm {
    /// The credential's id.
    pub id: CredentialId,
    /// The setting's name (in the path).
    pub property: MdmProperty,
    /// The new value: string, integer or boolean.
    pub value: MdmValue,
    /// The body's form (`{"value": …}` by default).
    pub body_form: MdmUpdateBody,
}

impl UpdateCredentialMdm {
    /// Sets credential `id`'s `property` to `value`.
    pub fn new(id: CredentialId, property: MdmProperty, value: impl Into<MdmValue>) -> Self {
        Self {
            id,
            property,
            value: value.into(),
            body_form: MdmUpdateBody::default(),
        }
    }

    /// Chooses the body's form.
    #[must_use]
    pub fn with_body_form(mut self, body_form: MdmUpdateBody) -> Self {
        self.body_form = body_form;
        self
    }
}

impl Endpoint for UpdateCredentialMdm {
    type Response = MdmObject;
    const METHOD: Method = Method::PUT;

    fn path(&self) -> Cow<'_, str> {
        format!(
            "/credentials/{}/mdm/{}",
            segment(self.id.as_str()),
            segment(self.property.as_str())
        )
        .into()
    }

    fn body(&self) -> transport_core::Result<Body> {
        self.body_form.body(&self.property, &self.value)
    }

    fn parse(&self, response: RawResponse) -> transport_core::Result<MdmObject> {
        response.json()
    }
}

impl WorkRequest for UpdateCredentialMdm {
    fn validate(&self) -> Result<(), ValidationError> {
        validate::non_empty("id", self.id.as_str())?;
        validate::mdm_property("property_id", self.property.as_str())?;
        validate::mdm_value("value", &self.value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::testing;
    use serde_json::json;

    #[test]
    fn request_shape_and_parsing() {
        let request = UpdateCredentialMdm::new(
            CredentialId::new("LAow0Rksa").unwrap(),
            MdmProperty::new("th_nickname").unwrap(),
            "Alice",
        );
        assert_eq!(UpdateCredentialMdm::METHOD, Method::PUT);
        assert_eq!(request.path(), "/credentials/LAow0Rksa/mdm/th_nickname");
        assert_eq!(testing::body_json(&request), json!({"value": "Alice"}));
        assert_eq!(
            testing::body_json(
                &request
                    .clone()
                    .with_body_form(MdmUpdateBody::PropertyAndValue)
            ),
            json!({"property": "th_nickname", "value": "Alice"})
        );
        let object = request
            .parse(testing::json(
                200,
                &json!({"name": "th_nickname", "value": "Alice"}),
            ))
            .unwrap();
        assert_eq!(object.value, Some(MdmValue::from("Alice")));
        assert_eq!(
            request
                .parse(testing::json(400, &json!({"error": "Bad value"})))
                .unwrap_err()
                .status(),
            Some(400)
        );
    }
}

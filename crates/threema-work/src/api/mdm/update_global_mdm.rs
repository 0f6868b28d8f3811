//! `PUT /mdm/{property_id}` — Global App Configuration: Update.

use crate::api::WorkRequest;
use crate::model::{MdmObject, MdmProperty, MdmUpdateBody, MdmValue};
use crate::validate::{self, ValidationError};
use std::borrow::Cow;
use transport_core::http::{Body, Endpoint, Method, RawResponse, segment};

/// `PUT /mdm/{property_id}` — changes a global app configuration setting.
///
/// No spec declares the body; `{"value": …}` is sent by default ([`MdmUpdateBody`]). Answers
/// 200 with the setting as an [`MdmObject`]; 400 for an invalid request, 404 when the setting
/// is not set. `POST /mdm` ([`SetGlobalMdm`](super::SetGlobalMdm)) is the documented upsert.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct UpdateGlobalMdm {
    /// The setting's name (in the path).
    pub property: MdmProperty,
    /// The new value: string, integer or boolean.
    pub value: MdmValue,
    /// The body's form (`{"value": …}` by default).
    pub body_form: MdmUpdateBody,
}

impl UpdateGlobalMdm {
    /// Sets `property` to `value`.
    pub fn new(property: MdmProperty, value: impl Into<MdmValue>) -> Self {
        Self {
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

impl Endpoint for UpdateGlobalMdm {
    type Response = MdmObject;
    const METHOD: Method = Method::PUT;

    fn path(&self) -> Cow<'_, str> {
        format!("/mdm/{}", segment(self.property.as_str())).into()
    }

    fn body(&self) -> transport_core::Result<Body> {
        self.body_form.body(&self.property, &self.value)
    }

    fn parse(&self, response: RawResponse) -> transport_core::Result<MdmObject> {
        response.json()
    }
}

impl WorkRequest for UpdateGlobalMdm {
    fn validate(&self) -> Result<(), ValidationError> {
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
    fn request_shape_in_both_body_forms() {
        let request = UpdateGlobalMdm::new(MdmProperty::new("th_nickname").unwrap(), "J.W.");
        assert_eq!(UpdateGlobalMdm::METHOD, Method::PUT);
        assert_eq!(request.path(), "/mdm/th_nickname");
        assert_eq!(testing::body_json(&request), json!({"value": "J.W."}));
        let upsert = request.with_body_form(MdmUpdateBody::PropertyAndValue);
        assert_eq!(
            testing::body_json(&upsert),
            json!({"property": "th_nickname", "value": "J.W."})
        );
    }

    #[test]
    fn parsing() {
        let request = UpdateGlobalMdm::new(MdmProperty::new("th_nickname").unwrap(), 9);
        let object = request
            .parse(testing::json(
                200,
                &json!({"name": "th_nickname", "value": 9}),
            ))
            .unwrap();
        assert_eq!(object.value, Some(MdmValue::Int(9)));
        assert_eq!(
            request
                .parse(testing::json(404, &json!({"error": "Not found"})))
                .unwrap_err()
                .status(),
            Some(404)
        );
    }
}

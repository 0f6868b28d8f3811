//! `POST /mdm` — Global App Configuration: Create (create or modify).

use crate::api::WorkRequest;
use crate::model::mdm_update_body::upsert_body;
use crate::model::{MdmProperty, MdmValue};
use crate::validate::{self, ValidationError};
use std::borrow::Cow;
use transport_core::http::{Body, Endpoint, Method, RawResponse};

/// `POST /mdm` — creates or changes a global app configuration setting (the documented
/// upsert). Body `{"property": "th_…", "value": …}`.
///
/// Answers 204; 400 for an invalid request, 422 (no body) when the server cannot process the
/// setting. Repeating it sets the same value again, so it is retried like an idempotent call.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct SetGlobalMdm {
    /// The setting's name.
    pub property: MdmProperty,
    /// The value: string, integer or boolean.
    pub value: MdmValue,
}

impl SetGlobalMdm {
    /// Sets `property` to `value`.
    pub fn new(property: MdmProperty, value: impl Into<MdmValue>) -> Self {
        Self {
            property,
            value: value.into(),
        }
    }
}

impl Endpoint for SetGlobalMdm {
    type Response = ();
    const METHOD: Method = Method::POST;

    fn path(&self) -> Cow<'_, str> {
        "/mdm".into()
    }

    fn body(&self) -> transport_core::Result<Body> {
        upsert_body(&self.property, &self.value)
    }

    fn idempotent(&self) -> bool {
        true
    }

    fn parse(&self, response: RawResponse) -> transport_core::Result<()> {
        response.empty()
    }
}

impl WorkRequest for SetGlobalMdm {
    fn validate(&self) -> Result<(), ValidationError> {
        validate::mdm_property("property", self.property.as_str())?;
        validate::mdm_value("value", &self.value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::testing;

    #[test]
    fn request_shape_matches_the_spec_sample() {
        let request =
            SetGlobalMdm::new(MdmProperty::new("th_firstname").unwrap(), "Peter Schreiner");
        assert_eq!(SetGlobalMdm::METHOD, Method::POST);
        assert!(request.idempotent());
        assert_eq!(request.path(), "/mdm");
        assert_eq!(
            testing::body_json(&request),
            serde_json::json!({"property": "th_firstname", "value": "Peter Schreiner"})
        );
    }

    #[test]
    fn validation_and_parsing() {
        let odd: MdmProperty = serde_json::from_str(r#""nickname""#).unwrap();
        assert_eq!(
            SetGlobalMdm::new(odd, 1).validate().unwrap_err().field,
            "property"
        );
        let other = SetGlobalMdm::new(
            MdmProperty::new("th_x").unwrap(),
            MdmValue::Other(serde_json::json!([1])),
        );
        assert_eq!(other.validate().unwrap_err().field, "value");
        let request = SetGlobalMdm::new(MdmProperty::new("th_disable_screenshots").unwrap(), true);
        request.parse(testing::response(204, &[], b"")).unwrap();
        assert_eq!(
            request
                .parse(testing::response(422, &[], b""))
                .unwrap_err()
                .status(),
            Some(422)
        );
    }
}

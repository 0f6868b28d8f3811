//! `GET /mdm/{property_id}` — Global App Configuration: Show.

use crate::api::WorkRequest;
use crate::model::{MdmProperty, SubscriptionMdmProperty};
use crate::validate::{self, ValidationError};
use std::borrow::Cow;
use transport_core::http::{Endpoint, Method, RawResponse, segment};

/// `GET /mdm/{property_id}` — one global app configuration setting.
///
/// Answers 200 with a [`SubscriptionMdmProperty`]; 400 for an invalid name, 404 when the
/// setting is not set.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct GetGlobalMdm {
    /// The setting's name.
    pub property: MdmProperty,
}

impl GetGlobalMdm {
    /// The setting `property`.
    pub fn new(property: MdmProperty) -> Self {
        Self { property }
    }
}

impl Endpoint for GetGlobalMdm {
    type Response = SubscriptionMdmProperty;
    const METHOD: Method = Method::GET;

    fn path(&self) -> Cow<'_, str> {
        format!("/mdm/{}", segment(self.property.as_str())).into()
    }

    fn parse(&self, response: RawResponse) -> transport_core::Result<SubscriptionMdmProperty> {
        response.json()
    }
}

impl WorkRequest for GetGlobalMdm {
    fn validate(&self) -> Result<(), ValidationError> {
        validate::mdm_property("property_id", self.property.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::testing;
    use crate::model::MdmValue;
    use serde_json::json;

    #[test]
    fn request_shape_and_parsing() {
        let request = GetGlobalMdm::new(MdmProperty::new("th_disable_screenshots").unwrap());
        assert_eq!(GetGlobalMdm::METHOD, Method::GET);
        assert_eq!(request.path(), "/mdm/th_disable_screenshots");
        let setting = request
            .parse(testing::json(
                200,
                &json!({"_links": [{"ref": "detail", "link": "https://work.threema.ch/api/v1/mdm/th_disable_screenshots"}],
                        "id": "th_disable_screenshots", "value": true}),
            ))
            .unwrap();
        assert_eq!(setting.value, Some(MdmValue::Bool(true)));
        assert_eq!(
            request
                .parse(testing::json(404, &json!({"error": "Not found"})))
                .unwrap_err()
                .status(),
            Some(404)
        );
    }
}

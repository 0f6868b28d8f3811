//! `DELETE /mdm/{property_id}` — Global App Configuration: Remove.

use crate::api::WorkRequest;
use crate::model::MdmProperty;
use crate::validate::{self, ValidationError};
use std::borrow::Cow;
use transport_core::http::{Endpoint, Method, RawResponse, segment};

/// `DELETE /mdm/{property_id}` — removes a global app configuration setting.
///
/// Answers 204; 400 for an invalid name, 404 when the setting is not set.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct DeleteGlobalMdm {
    /// The setting's name.
    pub property: MdmProperty,
}

impl DeleteGlobalMdm {
    /// Removes `property`.
    pub fn new(property: MdmProperty) -> Self {
        Self { property }
    }
}

impl Endpoint for DeleteGlobalMdm {
    type Response = ();
    const METHOD: Method = Method::DELETE;

    fn path(&self) -> Cow<'_, str> {
        format!("/mdm/{}", segment(self.property.as_str())).into()
    }

    fn parse(&self, response: RawResponse) -> transport_core::Result<()> {
        response.empty()
    }
}

impl WorkRequest for DeleteGlobalMdm {
    fn validate(&self) -> Result<(), ValidationError> {
        validate::mdm_property("property_id", self.property.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::testing;
    use serde_json::json;

    #[test]
    fn request_shape_and_parsing() {
        let request = DeleteGlobalMdm::new(MdmProperty::new("th_nickname").unwrap());
        assert_eq!(DeleteGlobalMdm::METHOD, Method::DELETE);
        assert_eq!(request.path(), "/mdm/th_nickname");
        request.parse(testing::response(204, &[], b"")).unwrap();
        assert_eq!(
            request
                .parse(testing::json(404, &json!({"error": "Not found"})))
                .unwrap_err()
                .status(),
            Some(404)
        );
    }
}

//! `GET /credentials/{id}/mdm/{property_id}` — Individual App Configuration: Show.

use crate::api::WorkRequest;
use crate::model::{CredentialId, CredentialMdmProperty, MdmProperty};
use crate::validate::{self, ValidationError};
use std::borrow::Cow;
use transport_core::http::{Endpoint, Method, RawResponse, segment};

/// `GET /credentials/{id}/mdm/{property_id}` — one setting of a credential.
///
/// Answers 200 with a [`CredentialMdmProperty`]; 400 for an invalid request, 404 when the
/// setting is not set.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct GetCredentialMdm {
    /// The credential's id.
    pub id: CredentialId,
    /// The setting's name.
    pub property: MdmProperty,
}

impl GetCredentialMdm {
    /// Credential `id`'s setting `property`.
    pub fn new(id: CredentialId, property: MdmProperty) -> Self {
        Self { id, property }
    }
}

impl Endpoint for GetCredentialMdm {
    type Response = CredentialMdmProperty;
    const METHOD: Method = Method::GET;

    fn path(&self) -> Cow<'_, str> {
        format!(
            "/credentials/{}/mdm/{}",
            segment(self.id.as_str()),
            segment(self.property.as_str())
        )
        .into()
    }

    fn parse(&self, response: RawResponse) -> transport_core::Result<CredentialMdmProperty> {
        response.json()
    }
}

impl WorkRequest for GetCredentialMdm {
    fn validate(&self) -> Result<(), ValidationError> {
        validate::non_empty("id", self.id.as_str())?;
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
        let request = GetCredentialMdm::new(
            CredentialId::new("LAow0Rksa").unwrap(),
            MdmProperty::new("th_disable_screenshots").unwrap(),
        );
        assert_eq!(GetCredentialMdm::METHOD, Method::GET);
        assert_eq!(
            request.path(),
            "/credentials/LAow0Rksa/mdm/th_disable_screenshots"
        );
        let setting = request
            .parse(testing::json(
                200,
                &json!({"_links": [
                    {"ref": "detail", "link": "https://work.threema.ch/api/v1/credentials/LAow0Rksa/mdm/th_disable_screenshots"},
                    {"ref": "credential", "link": "https://work.threema.ch/api/v1/credentials/LAow0Rksa"}],
                 "name": "th_disable_screenshots", "value": false}),
            ))
            .unwrap();
        assert_eq!(setting.value, Some(MdmValue::Bool(false)));
        assert_eq!(
            request
                .parse(testing::json(404, &json!({"error": "Not found"})))
                .unwrap_err()
                .status(),
            Some(404)
        );
    }
}

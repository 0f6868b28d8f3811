//! `DELETE /credentials/{id}/mdm/{property_id}` — Individual App Configuration: Remove.

use crate::api::WorkRequest;
use crate::model::{CredentialId, MdmProperty};
use crate::validate::{self, ValidationError};
use std::borrow::Cow;
use transport_core::http::{Endpoint, Method, RawResponse, segment};

/// `DELETE /credentials/{id}/mdm/{property_id}` — removes one setting of a credential.
///
/// Answers 204; 400 for an invalid request, 404 when the setting is not set.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct DeleteCredentialMdm {
    /// The credential's id.
    pub id: CredentialId,
    /// The setting's name.
    pub property: MdmProperty,
}

impl DeleteCredentialMdm {
    /// Removes credential `id`'s setting `property`.
    pub fn new(id: CredentialId, property: MdmProperty) -> Self {
        Self { id, property }
    }
}

impl Endpoint for DeleteCredentialMdm {
    type Response = ();
    const METHOD: Method = Method::DELETE;

    fn path(&self) -> Cow<'_, str> {
        format!(
            "/credentials/{}/mdm/{}",
            segment(self.id.as_str()),
            segment(self.property.as_str())
        )
        .into()
    }

    fn parse(&self, response: RawResponse) -> transport_core::Result<()> {
        response.empty()
    }
}

impl WorkRequest for DeleteCredentialMdm {
    fn validate(&self) -> Result<(), ValidationError> {
        validate::non_empty("id", self.id.as_str())?;
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
        let request = DeleteCredentialMdm::new(
            CredentialId::new("LAow0Rksa").unwrap(),
            MdmProperty::new("th_nickname").unwrap(),
        );
        assert_eq!(DeleteCredentialMdm::METHOD, Method::DELETE);
        assert_eq!(request.path(), "/credentials/LAow0Rksa/mdm/th_nickname");
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

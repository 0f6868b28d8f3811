//! `POST /credentials/{id}/mdm` — Individual App Configuration: Create (create or modify).

use crate::api::WorkRequest;
use crate::model::mdm_update_body::upsert_body;
use crate::model::{CredentialId, MdmProperty, MdmValue};
use crate::validate::{self, ValidationError};
use std::borrow::Cow;
use transport_core::http::{Body, Endpoint, Method, RawResponse, segment};

/// `POST /credentials/{id}/mdm` — creates or changes one setting of a credential (the
/// documented upsert). Body `{"property": "th_…", "value": …}`.
///
/// Answers 204; 400 for an invalid request, 422 (no body) when the server cannot process the
/// setting. Repeating it sets the same value again, so it is retried like an idempotent call.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct SetCredentialMdm {
    /// The credential's id.
    pub id: CredentialId,
    /// The setting's name.
    pub property: MdmProperty,
    /// The value: string, integer or boolean.
    pub value: MdmValue,
}

impl SetCredentialMdm {
    /// Sets credential `id`'s `property` to `value`.
    pub fn new(id: CredentialId, property: MdmProperty, value: impl Into<MdmValue>) -> Self {
        Self {
            id,
            property,
            value: value.into(),
        }
    }
}

impl Endpoint for SetCredentialMdm {
    type Response = ();
    const METHOD: Method = Method::POST;

    fn path(&self) -> Cow<'_, str> {
        format!("/credentials/{}/mdm", segment(self.id.as_str())).into()
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

impl WorkRequest for SetCredentialMdm {
    fn validate(&self) -> Result<(), ValidationError> {
        validate::non_empty("id", self.id.as_str())?;
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
        let request = SetCredentialMdm::new(
            CredentialId::new("e7MCEXNCGmRDRX3BF71tJAoAiLVpvsu").unwrap(),
            MdmProperty::new("th_firstname").unwrap(),
            "Peter Schreiner",
        );
        assert_eq!(SetCredentialMdm::METHOD, Method::POST);
        assert_eq!(
            request.path(),
            "/credentials/e7MCEXNCGmRDRX3BF71tJAoAiLVpvsu/mdm"
        );
        assert_eq!(
            testing::body_json(&request),
            serde_json::json!({"property": "th_firstname", "value": "Peter Schreiner"})
        );
    }

    #[test]
    fn validation_and_parsing() {
        let id = CredentialId::new("x").unwrap();
        let odd: MdmProperty = serde_json::from_str(r#""x""#).unwrap();
        assert!(
            SetCredentialMdm::new(id.clone(), odd, 1)
                .validate()
                .is_err()
        );
        let request = SetCredentialMdm::new(id, MdmProperty::new("th_x").unwrap(), 1);
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

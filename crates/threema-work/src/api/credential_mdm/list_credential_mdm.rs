//! `GET /credentials/{id}/mdm` — Individual App Configuration: List.

use crate::api::WorkRequest;
use crate::model::{CredentialId, Links, MdmObject};
use crate::validate::{self, ValidationError};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use transport_core::http::{Endpoint, Method, RawResponse, segment};

/// `GET /credentials/{id}/mdm` — every individual setting of one credential.
///
/// Answers 200 with a [`CredentialMdmPropertyIndex`] (not paged).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ListCredentialMdm {
    /// The credential's id.
    pub id: CredentialId,
}

impl ListCredentialMdm {
    /// The settings of credential `id`.
    pub fn new(id: CredentialId) -> Self {
        Self { id }
    }
}

/// The response of `GET /credentials/{id}/mdm`: the credential's settings.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CredentialMdmPropertyIndex {
    /// Links (`detail`, `credential`).
    #[serde(default, rename = "_links", skip_serializing_if = "Links::is_empty")]
    pub links: Links,
    /// The settings.
    #[serde(default)]
    pub parameters: Vec<MdmObject>,
}

impl Endpoint for ListCredentialMdm {
    type Response = CredentialMdmPropertyIndex;
    const METHOD: Method = Method::GET;

    fn path(&self) -> Cow<'_, str> {
        format!("/credentials/{}/mdm", segment(self.id.as_str())).into()
    }

    fn parse(&self, response: RawResponse) -> transport_core::Result<CredentialMdmPropertyIndex> {
        response.json()
    }
}

impl WorkRequest for ListCredentialMdm {
    fn validate(&self) -> Result<(), ValidationError> {
        validate::non_empty("id", self.id.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::testing;
    use crate::model::MdmValue;
    use serde_json::json;

    #[test]
    fn request_shape_and_spec_example() {
        let request = ListCredentialMdm::new(CredentialId::new("LAow0Rksa").unwrap());
        assert_eq!(ListCredentialMdm::METHOD, Method::GET);
        assert_eq!(request.path(), "/credentials/LAow0Rksa/mdm");
        let index = request
            .parse(testing::json(
                200,
                &json!({
                    "_links": [
                        {"ref": "detail", "link": "https://work.threema.ch/api/v1/credentials/LAow0Rksa/mdm"},
                        {"ref": "credential", "link": "https://work.threema.ch/api/v1/credentials/LAow0Rksa"}
                    ],
                    "parameters": [
                        {"_links": [{"link": "https://work.threema.ch/api/v1/credentials/LAow0Rksa/mdm/th_disable_screenshots", "ref": "detail"}],
                         "name": "th_disable_screenshots", "value": true},
                        {"name": "th_nickname", "value": "J.W."}
                    ]
                }),
            ))
            .unwrap();
        assert_eq!(
            index.links.id_of("credential").as_deref(),
            Some("LAow0Rksa")
        );
        assert_eq!(index.parameters[0].value, Some(MdmValue::Bool(true)));
        assert_eq!(index.parameters.len(), 2);
    }
}

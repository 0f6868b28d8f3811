//! [`CredentialMdmParameters`]: the individual settings of one credential.

use super::{CredentialId, Links, MdmObject};
use serde::{Deserialize, Serialize};

/// One credential's individual app configuration settings: items of `GET /mdm-bulk`.
/// (`POST /mdm-bulk` sends the strict request form,
/// [`CredentialSettings`](crate::api::credential_mdm::CredentialSettings).)
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CredentialMdmParameters {
    /// Links (`detail`, `credential`).
    #[serde(default, rename = "_links", skip_serializing_if = "Links::is_empty")]
    pub links: Links,
    /// The credential's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<CredentialId>,
    /// Its settings.
    #[serde(default)]
    pub parameters: Vec<MdmObject>,
}

impl CredentialMdmParameters {
    /// Settings of credential `id`.
    pub fn new(id: CredentialId, parameters: Vec<MdmObject>) -> Self {
        Self {
            links: Links::default(),
            id: Some(id),
            parameters,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{MdmProperty, MdmValue};
    use serde_json::json;

    #[test]
    fn spec_example_with_rel_links() {
        let p: CredentialMdmParameters = serde_json::from_value(json!({
            "_links": [
                {"rel": "detail", "link": "https://work.threema.ch/api/v1/credentials/LAow0Rksa/mdm"},
                {"rel": "credential", "link": "https://work.threema.ch/api/v1/credentials/LAow0Rksa"}
            ],
            "id": "LAow0Rksa",
            "parameters": [
                {"_links": [{"rel": "detail", "link": "https://work.threema.ch/api/v1/credentials/LAow0Rksa/mdm/th_disable_screenshots"}],
                 "name": "th_disable_screenshots", "value": true},
                {"name": "th_nickname", "value": "Alice"}
            ]
        }))
        .unwrap();
        assert_eq!(p.links.id_of("credential").as_deref(), Some("LAow0Rksa"));
        assert_eq!(p.parameters.len(), 2);
        assert_eq!(p.parameters[1].value, Some(MdmValue::from("Alice")));
    }

    #[test]
    fn round_trip_and_missing_parameters() {
        let p = CredentialMdmParameters::new(
            CredentialId::new("LAow0Rksa").unwrap(),
            vec![MdmObject::new(
                MdmProperty::new("th_nickname").unwrap(),
                "Bob",
            )],
        );
        let value =
            json!({"id": "LAow0Rksa", "parameters": [{"name": "th_nickname", "value": "Bob"}]});
        assert_eq!(serde_json::to_value(&p).unwrap(), value);
        assert_eq!(
            serde_json::from_value::<CredentialMdmParameters>(value).unwrap(),
            p
        );
        let bare: CredentialMdmParameters = serde_json::from_value(json!({"id": "x"})).unwrap();
        assert!(bare.parameters.is_empty());
    }
}

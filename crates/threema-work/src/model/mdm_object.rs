//! [`MdmObject`]: one app configuration setting, `{_links, name, value}`.

use super::{Links, MdmProperty, MdmValue};
use serde::{Deserialize, Serialize};

/// One app configuration setting of a credential: its name and value. Items of
/// `GET /credentials/{id}/mdm` and `GET /mdm-bulk`, the body of
/// `GET /credentials/{id}/mdm/{property_id}` and of both MDM `PUT`s.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct MdmObject {
    /// Links (`detail`, `credential`).
    #[serde(default, rename = "_links", skip_serializing_if = "Links::is_empty")]
    pub links: Links,
    /// The setting's name (`th_…`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<MdmProperty>,
    /// The setting's value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<MdmValue>,
}

/// `CredentialMdmProperty` has the same shape as [`MdmObject`].
pub type CredentialMdmProperty = MdmObject;

impl MdmObject {
    /// A setting with this name and value.
    pub fn new(name: MdmProperty, value: impl Into<MdmValue>) -> Self {
        Self {
            links: Links::default(),
            name: Some(name),
            value: Some(value.into()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn spec_example_round_trips() {
        let value = json!({
            "_links": [{"ref": "detail", "link": "https://work.threema.ch/api/v1/credentials/LAow0Rksa/mdm/th_nickname"}],
            "name": "th_nickname",
            "value": "J.W."
        });
        let o: MdmObject = serde_json::from_value(value.clone()).unwrap();
        assert_eq!(
            o.name.as_ref().map(MdmProperty::as_str),
            Some("th_nickname")
        );
        assert_eq!(o.value, Some(MdmValue::from("J.W.")));
        assert_eq!(serde_json::to_value(&o).unwrap(), value);
    }

    #[test]
    fn constructor_and_missing_fields() {
        let o = MdmObject::new(MdmProperty::new("th_disable_screenshots").unwrap(), true);
        assert_eq!(
            serde_json::to_value(&o).unwrap(),
            json!({"name": "th_disable_screenshots", "value": true})
        );
        assert_eq!(
            serde_json::from_value::<MdmObject>(json!({})).unwrap(),
            MdmObject::default()
        );
    }
}

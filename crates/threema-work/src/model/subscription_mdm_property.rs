//! [`SubscriptionMdmProperty`]: one global app configuration setting.

use super::{Links, MdmProperty, MdmValue};
use serde::{Deserialize, Serialize};

/// One global app configuration setting (`GET /mdm/{property_id}`, items of `GET /mdm`).
///
/// The schema names the setting `id`; the spec's own list example names it `name`. Both are
/// read (`id` wins); it is written as `id`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(from = "Wire")]
#[non_exhaustive]
pub struct SubscriptionMdmProperty {
    /// Links (`detail`, `subscription`).
    #[serde(rename = "_links", skip_serializing_if = "Links::is_empty")]
    pub links: Links,
    /// The setting's name (`id` or `name` on the wire).
    #[serde(rename = "id", skip_serializing_if = "Option::is_none")]
    pub name: Option<MdmProperty>,
    /// The setting's value.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<MdmValue>,
}

#[derive(Deserialize)]
struct Wire {
    #[serde(default, rename = "_links")]
    links: Links,
    id: Option<MdmProperty>,
    name: Option<MdmProperty>,
    value: Option<MdmValue>,
}

impl From<Wire> for SubscriptionMdmProperty {
    fn from(wire: Wire) -> Self {
        Self {
            links: wire.links,
            name: wire.id.or(wire.name),
            value: wire.value,
        }
    }
}

impl SubscriptionMdmProperty {
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
    fn schema_form_round_trips() {
        let value = json!({
            "_links": [
                {"ref": "detail", "link": "https://work.threema.ch/api/v1/mdm/th_disable_screenshots"},
                {"ref": "subscription", "link": "https://work.threema.ch/api/v1"}
            ],
            "id": "th_disable_screenshots",
            "value": true
        });
        let p: SubscriptionMdmProperty = serde_json::from_value(value.clone()).unwrap();
        assert_eq!(
            p.name.as_ref().map(MdmProperty::as_str),
            Some("th_disable_screenshots")
        );
        assert_eq!(p.value, Some(MdmValue::Bool(true)));
        assert_eq!(serde_json::to_value(&p).unwrap(), value);
    }

    #[test]
    fn drift_name_instead_of_id() {
        let p: SubscriptionMdmProperty =
            serde_json::from_value(json!({"name": "th_nickname", "value": "J.W."})).unwrap();
        assert_eq!(
            p,
            SubscriptionMdmProperty::new(MdmProperty::new("th_nickname").unwrap(), "J.W.")
        );
        let both: SubscriptionMdmProperty =
            serde_json::from_value(json!({"id": "th_a_b", "name": "th_c_d"})).unwrap();
        assert_eq!(both.name.unwrap().as_str(), "th_a_b");
    }
}

//! [`Category`] and [`CategorySource`].

use super::{Links, de};
use serde::{Deserialize, Serialize};

transport_core::open_string_enum! {
    @ignore_ascii_case
    /// Where a contact category comes from.
    pub enum CategorySource {
        /// `custom`: created in the cockpit.
        Custom = "custom",
        /// `mdm`: set by the MDM system.
        Mdm = "mdm",
    }
}

/// A contact category (Directory feature): items of `GET /contacts/{threemaId}/categories`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Category {
    /// Links (`detail`, `contacts`, `index`).
    #[serde(default, rename = "_links", skip_serializing_if = "Links::is_empty")]
    pub links: Links,
    /// The category id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The category name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `custom` or `mdm`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<CategorySource>,
    /// Whether the category is enabled (a spec example sends the string `"true"`, which is
    /// read as `true`).
    #[serde(
        default,
        deserialize_with = "de::lenient_bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub enabled: Option<bool>,
}

impl Category {
    /// An empty category object (every field is optional on the wire).
    pub fn new() -> Self {
        Self::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn spec_example_with_string_boolean() {
        let c: Category = serde_json::from_value(json!({
            "_links": [
                {"ref": "detail", "link": "https://work.threema.ch/api/v1/categories/yyyyyyyy"},
                {"ref": "contacts", "link": "https://work.threema.ch/api/v1/contacts?cat=yyyyyyyy"}
            ],
            "id": "yyyyyyyyyy",
            "name": "Category 1",
            "source": "custom",
            "enabled": "true"
        }))
        .unwrap();
        assert_eq!(c.enabled, Some(true));
        assert_eq!(c.source, Some(CategorySource::Custom));
        assert_eq!(
            c.links
                .get("contacts")
                .and_then(|l| l.query_param("cat"))
                .as_deref(),
            Some("yyyyyyyy")
        );
        let out = serde_json::to_value(&c).unwrap();
        assert_eq!(out["enabled"], json!(true));
    }

    #[test]
    fn unknown_source_and_bare_object() {
        let c: Category =
            serde_json::from_value(json!({"id": "x", "name": "Y", "source": "ldap"})).unwrap();
        assert_eq!(c.source, Some(CategorySource::Other("ldap".into())));
        assert_eq!(c.enabled, None);
        assert_eq!(
            serde_json::from_value::<Category>(json!({})).unwrap(),
            Category::new()
        );
    }
}

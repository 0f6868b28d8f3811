//! [`MdmUpdateBody`]: the body of the two MDM `PUT`s, which no spec declares.

use super::{MdmProperty, MdmValue};
use serde::Serialize;
use transport_core::http::Body;

/// What `PUT /mdm/{property_id}` and `PUT /credentials/{id}/mdm/{property_id}` send. No
/// version of the spec declares a body for them; `{"value": …}` is inferred from REST
/// conventions (see `docs/decisions.md`). If a server wants the upsert form instead, choose
/// [`PropertyAndValue`](Self::PropertyAndValue) — or use the documented upserts,
/// `POST /mdm` and `POST /credentials/{id}/mdm`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum MdmUpdateBody {
    /// `{"value": …}` (the default).
    #[default]
    Value,
    /// `{"property": …, "value": …}`, as the `POST` upserts send.
    PropertyAndValue,
}

#[derive(Serialize)]
struct Wire<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    property: Option<&'a MdmProperty>,
    value: &'a MdmValue,
}

impl MdmUpdateBody {
    /// The JSON body for `property` = `value`.
    pub(crate) fn body(
        self,
        property: &MdmProperty,
        value: &MdmValue,
    ) -> transport_core::Result<Body> {
        let property = match self {
            Self::Value => None,
            Self::PropertyAndValue => Some(property),
        };
        Body::json(&Wire { property, value })
    }
}

/// The body of the `POST` upserts: `{"property": …, "value": …}`.
pub(crate) fn upsert_body(
    property: &MdmProperty,
    value: &MdmValue,
) -> transport_core::Result<Body> {
    MdmUpdateBody::PropertyAndValue.body(property, value)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn json(body: Body) -> serde_json::Value {
        match body {
            Body::Json(bytes) => serde_json::from_slice(&bytes).unwrap(),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn both_forms() {
        let property = MdmProperty::new("th_nickname").unwrap();
        let value = MdmValue::from("J.W.");
        assert_eq!(
            json(MdmUpdateBody::default().body(&property, &value).unwrap()),
            serde_json::json!({"value": "J.W."})
        );
        assert_eq!(
            json(
                MdmUpdateBody::PropertyAndValue
                    .body(&property, &value)
                    .unwrap()
            ),
            serde_json::json!({"property": "th_nickname", "value": "J.W."})
        );
    }
}

//! `GET /contact-categories/{threemaId}` — Contact Categories: Show.

use crate::api::WorkRequest;
use crate::model::{Category, ThreemaId};
use crate::validate::{self, ValidationError};
use std::borrow::Cow;
use transport_core::http::{Endpoint, Method, RawResponse, segment};

/// `GET /contact-categories/{threemaId}` — "show a contact category" (Directory feature
/// required).
///
/// The spec gives this 200 response no schema ("Subscription contact category response"), so
/// the body is kept as JSON in a [`ContactCategoryDetail`], with
/// [`categories`](ContactCategoryDetail::categories) reading it as either a category index or
/// a single category (see `docs/decisions.md`). 401 for an invalid key.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct GetContactCategory {
    /// The Threema ID in the path.
    pub threema_id: ThreemaId,
}

impl GetContactCategory {
    /// The request for `threema_id`.
    pub fn new(threema_id: ThreemaId) -> Self {
        Self { threema_id }
    }
}

/// The undocumented body of `GET /contact-categories/{threemaId}`.
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct ContactCategoryDetail {
    /// The body as sent (`Null` for an empty body).
    pub raw: serde_json::Value,
}

impl ContactCategoryDetail {
    /// Wraps a body.
    pub fn new(raw: serde_json::Value) -> Self {
        Self { raw }
    }

    /// The categories in the body, whichever shape it has: an object with a `categories`
    /// array (like a category index), a JSON array of categories, or one category object (with
    /// `id` or `name`). Items that are not category objects are skipped.
    pub fn categories(&self) -> Vec<Category> {
        let parse = |items: &[serde_json::Value]| {
            items
                .iter()
                .filter_map(|item| serde_json::from_value(item.clone()).ok())
                .collect()
        };
        match &self.raw {
            serde_json::Value::Array(items) => parse(items),
            serde_json::Value::Object(object) => match object.get("categories") {
                Some(serde_json::Value::Array(items)) => parse(items),
                _ if object.contains_key("id") || object.contains_key("name") => {
                    serde_json::from_value(self.raw.clone())
                        .map_or_else(|_| Vec::new(), |c| vec![c])
                }
                _ => Vec::new(),
            },
            _ => Vec::new(),
        }
    }
}

impl Endpoint for GetContactCategory {
    type Response = ContactCategoryDetail;
    const METHOD: Method = Method::GET;

    fn path(&self) -> Cow<'_, str> {
        format!("/contact-categories/{}", segment(self.threema_id.as_str())).into()
    }

    fn parse(&self, response: RawResponse) -> transport_core::Result<ContactCategoryDetail> {
        let response = response.success()?;
        if response.body.iter().all(u8::is_ascii_whitespace) {
            return Ok(ContactCategoryDetail::default());
        }
        let what = format!("{} response", response.what());
        transport_core::json::from_slice(&what, &response.body).map(ContactCategoryDetail::new)
    }
}

impl WorkRequest for GetContactCategory {
    fn validate(&self) -> Result<(), ValidationError> {
        validate::threema_id("threemaId", self.threema_id.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::testing;
    use serde_json::json;

    fn request() -> GetContactCategory {
        GetContactCategory::new(ThreemaId::new("ECHOECHO").unwrap())
    }

    #[test]
    fn request_shape() {
        assert_eq!(GetContactCategory::METHOD, Method::GET);
        assert_eq!(request().path(), "/contact-categories/ECHOECHO");
    }

    #[test]
    fn any_body_shape_is_kept_and_read() {
        let index = request()
            .parse(testing::json(
                200,
                &json!({"categories": [{"id": "a", "name": "A"}, 5]}),
            ))
            .unwrap();
        assert_eq!(index.categories().len(), 1);
        let single = request()
            .parse(testing::json(
                200,
                &json!({"id": "b", "name": "B", "source": "mdm"}),
            ))
            .unwrap();
        assert_eq!(single.categories()[0].name.as_deref(), Some("B"));
        let list = request()
            .parse(testing::json(200, &json!([{"id": "c"}, {"id": "d"}])))
            .unwrap();
        assert_eq!(list.categories().len(), 2);
        let other = request()
            .parse(testing::json(200, &json!({"x": 1})))
            .unwrap();
        assert!(other.categories().is_empty());
        assert_eq!(other.raw, json!({"x": 1}));
        let empty = request().parse(testing::response(200, &[], b"")).unwrap();
        assert_eq!(empty.raw, serde_json::Value::Null);
        let err = request()
            .parse(testing::json(401, &json!({"error": "Invalid X-Api-Key"})))
            .unwrap_err();
        assert_eq!(err.status(), Some(401));
    }
}

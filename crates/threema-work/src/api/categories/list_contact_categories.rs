//! `GET /contacts/{threemaId}/categories` — Contact Categories: List.

use crate::api::WorkRequest;
use crate::model::{Category, Links, Paging, ThreemaId};
use crate::pagination::PageParams;
use crate::validate::{self, ValidationError};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use transport_core::http::{Endpoint, Method, RawResponse, segment};

/// `GET /contacts/{threemaId}/categories` — one page of a contact's categories (Directory
/// feature required).
///
/// Query: `pageSize` (1–5000, default 20), `page`. Answers 200 with a
/// [`ContactCategoryIndex`]. To walk every page use
/// [`Client::list_contact_categories_all`](crate::Client::list_contact_categories_all).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ListContactCategories {
    /// The contact's Threema ID.
    pub threema_id: ThreemaId,
    /// `pageSize` and `page`.
    pub page: PageParams,
}

impl ListContactCategories {
    /// The first page of `threema_id`'s categories.
    pub fn new(threema_id: ThreemaId) -> Self {
        Self {
            threema_id,
            page: PageParams::default(),
        }
    }
}

/// The response of `GET /contacts/{threemaId}/categories`: one page of categories.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ContactCategoryIndex {
    /// Links (`contact`).
    #[serde(default, rename = "_links", skip_serializing_if = "Links::is_empty")]
    pub links: Links,
    /// The categories on this page.
    #[serde(default)]
    pub categories: Vec<Category>,
    /// Where this page sits.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paging: Option<Paging>,
}

impl Endpoint for ListContactCategories {
    type Response = ContactCategoryIndex;
    const METHOD: Method = Method::GET;

    fn path(&self) -> Cow<'_, str> {
        format!("/contacts/{}/categories", segment(self.threema_id.as_str())).into()
    }

    fn query(&self) -> Vec<(Cow<'static, str>, String)> {
        let mut query = Vec::new();
        self.page.push_query(&mut query);
        query
    }

    fn parse(&self, response: RawResponse) -> transport_core::Result<ContactCategoryIndex> {
        response.json()
    }
}

impl WorkRequest for ListContactCategories {
    fn validate(&self) -> Result<(), ValidationError> {
        validate::threema_id("threemaId", self.threema_id.as_str())?;
        self.page.validate(validate::MAX_PAGE_SIZE)
    }
}

crate::pagination::paged_list!(
    ListContactCategories,
    ContactCategoryIndex,
    Category,
    categories,
    5000
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::testing;
    use crate::model::CategorySource;
    use serde_json::json;

    #[test]
    fn request_shape() {
        let request = ListContactCategories::new(ThreemaId::new("ECHOECHO").unwrap())
            .with_page_size(10)
            .with_page(1);
        assert_eq!(ListContactCategories::METHOD, Method::GET);
        assert_eq!(request.path(), "/contacts/ECHOECHO/categories");
        assert_eq!(
            testing::query(&request),
            [
                ("pageSize".into(), "10".into()),
                ("page".into(), "1".into())
            ]
        );
        assert!(request.clone().with_page_size(0).validate().is_err());
    }

    #[test]
    fn parses_the_spec_example() {
        let index = ListContactCategories::new(ThreemaId::new("ECHOECHO").unwrap())
            .parse(testing::json(
                200,
                &json!({
                    "_links": [{"ref": "contact", "link": "https://work.threema.ch/api/v1/contacts/ECHOECHO"}],
                    "categories": [
                        {"_links": [{"ref": "detail", "link": "https://work.threema.ch/api/v1/category/yyyyyyyyyy"}],
                         "id": "yyyyyyyyyy", "name": "Category 1 by MDM", "source": "mdm"},
                        {"_links": [{"ref": "detail", "link": "https://work.threema.ch/api/v1/category/xxxxxxxxx"}],
                         "id": "xxxxxxxxx", "name": "Category 2", "source": "custom"}
                    ]
                }),
            ))
            .unwrap();
        assert_eq!(index.links.id_of("contact").as_deref(), Some("ECHOECHO"));
        assert_eq!(index.categories[0].source, Some(CategorySource::Mdm));
        assert_eq!(index.categories[1].name.as_deref(), Some("Category 2"));
        assert_eq!(index.paging, None);
    }
}

//! `GET /contacts` — Contact: List.

use crate::api::WorkRequest;
use crate::model::{Contact, Links, Paging};
use crate::pagination::PageParams;
use crate::validate::{self, ValidationError};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use transport_core::http::{Endpoint, Method, RawResponse};

/// `GET /contacts` — one page of the subscription's contacts.
///
/// Query: `filterCategory`, `pageSize` (1–5000, default 20), `page`. Answers 200 with a
/// [`ContactIndex`]. Gateway IDs such as `*THREEMA` may be listed
/// ([`ThreemaId::is_gateway`](crate::model::ThreemaId::is_gateway)). To walk every page use
/// [`Client::list_contacts_all`](crate::Client::list_contacts_all).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct ListContacts {
    /// `filterCategory`: only contacts in this category.
    pub filter_category: Option<String>,
    /// `pageSize` and `page`.
    pub page: PageParams,
}

impl ListContacts {
    /// The first page, unfiltered.
    pub fn new() -> Self {
        Self::default()
    }

    /// Only contacts in this category.
    #[must_use]
    pub fn with_filter_category(mut self, category: impl Into<String>) -> Self {
        self.filter_category = Some(category.into());
        self
    }
}

/// The response of `GET /contacts`: one page of contacts.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ContactIndex {
    /// Links (`subscription`).
    #[serde(default, rename = "_links", skip_serializing_if = "Links::is_empty")]
    pub links: Links,
    /// The contacts on this page.
    #[serde(default)]
    pub contacts: Vec<Contact>,
    /// Where this page sits.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paging: Option<Paging>,
}

impl Endpoint for ListContacts {
    type Response = ContactIndex;
    const METHOD: Method = Method::GET;

    fn path(&self) -> Cow<'_, str> {
        "/contacts".into()
    }

    fn query(&self) -> Vec<(Cow<'static, str>, String)> {
        let mut query = Vec::new();
        if let Some(category) = &self.filter_category {
            query.push(("filterCategory".into(), category.clone()));
        }
        self.page.push_query(&mut query);
        query
    }

    fn parse(&self, response: RawResponse) -> transport_core::Result<ContactIndex> {
        response.json()
    }
}

impl WorkRequest for ListContacts {
    fn validate(&self) -> Result<(), ValidationError> {
        self.page.validate(validate::MAX_PAGE_SIZE)
    }
}

crate::pagination::paged_list!(ListContacts, ContactIndex, Contact, contacts, 5000);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::testing;
    use crate::model::ContactType;
    use serde_json::json;

    #[test]
    fn request_shape() {
        let request = ListContacts::new()
            .with_filter_category("yyyyyyyyyy")
            .with_page_size(1)
            .with_page(3);
        assert_eq!(ListContacts::METHOD, Method::GET);
        assert_eq!(request.path(), "/contacts");
        assert_eq!(
            testing::query(&request),
            [
                ("filterCategory".into(), "yyyyyyyyyy".into()),
                ("pageSize".into(), "1".into()),
                ("page".into(), "3".into())
            ]
        );
        assert!(ListContacts::new().with_page_size(5001).validate().is_err());
    }

    #[test]
    fn parses_the_spec_example_with_id_keys() {
        let index = ListContacts::new()
            .parse(testing::json(
                200,
                &json!({
                    "_links": [{"ref": "subscription", "link": "https://work.threema.ch/api/v1"}],
                    "contacts": [
                        {"_links": [{"ref": "detail", "link": "https://work.threema.ch/api/v1/contacts/*THREEMA"}],
                         "id": "*THREEMA", "type": "custom", "firstName": "Threema", "lastName": "Channel", "enabled": false},
                        {"_links": [{"ref": "detail", "link": "https://work.threema.ch/api/v1/contacts/ECHOECHO"}],
                         "id": "ECHOECHO", "type": "auto", "firstName": "Echo", "lastName": "Ohce", "enabled": true}
                    ],
                    "paging": {"count": 2, "total": 2, "page": 0}
                }),
            ))
            .unwrap();
        let ids: Vec<_> = index
            .contacts
            .iter()
            .map(|c| c.threema_id.as_ref().unwrap().as_str())
            .collect();
        assert_eq!(ids, ["*THREEMA", "ECHOECHO"]);
        assert_eq!(index.contacts[1].kind, Some(ContactType::Auto));
    }
}

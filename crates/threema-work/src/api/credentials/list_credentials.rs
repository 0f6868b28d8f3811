//! `GET /credentials` — Credentials: List.

use crate::api::WorkRequest;
use crate::model::{Credential, Links, Paging};
use crate::pagination::PageParams;
use crate::validate::{self, ValidationError};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use transport_core::http::{Endpoint, Method, RawResponse};

/// `GET /credentials` — one page of the subscription's credentials.
///
/// Query: `filterUsername`, `pageSize` (1–5000, default 20), `page`. Answers 200 with a
/// [`CredentialIndex`]. To walk every page use
/// [`Client::list_credentials_all`](crate::Client::list_credentials_all).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct ListCredentials {
    /// `filterUsername`: only credentials with this username.
    pub filter_username: Option<String>,
    /// `pageSize` and `page`.
    pub page: PageParams,
}

impl ListCredentials {
    /// The first page, unfiltered.
    pub fn new() -> Self {
        Self::default()
    }

    /// Only credentials with this username.
    #[must_use]
    pub fn with_filter_username(mut self, username: impl Into<String>) -> Self {
        self.filter_username = Some(username.into());
        self
    }
}

/// The response of `GET /credentials`: one page of credentials.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CredentialIndex {
    /// Links (`subscription`).
    #[serde(default, rename = "_links", skip_serializing_if = "Links::is_empty")]
    pub links: Links,
    /// The credentials on this page.
    #[serde(default)]
    pub credentials: Vec<Credential>,
    /// Where this page sits.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paging: Option<Paging>,
}

impl Endpoint for ListCredentials {
    type Response = CredentialIndex;
    const METHOD: Method = Method::GET;

    fn path(&self) -> Cow<'_, str> {
        "/credentials".into()
    }

    fn query(&self) -> Vec<(Cow<'static, str>, String)> {
        let mut query = Vec::new();
        if let Some(username) = &self.filter_username {
            query.push(("filterUsername".into(), username.clone()));
        }
        self.page.push_query(&mut query);
        query
    }

    fn parse(&self, response: RawResponse) -> transport_core::Result<CredentialIndex> {
        response.json()
    }
}

impl WorkRequest for ListCredentials {
    fn validate(&self) -> Result<(), ValidationError> {
        self.page.validate(validate::MAX_PAGE_SIZE)
    }
}

crate::pagination::paged_list!(
    ListCredentials,
    CredentialIndex,
    Credential,
    credentials,
    5000
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::testing;
    use crate::pagination::Paged;
    use serde_json::json;

    #[test]
    fn request_shape() {
        let request = ListCredentials::new()
            .with_filter_username("alice")
            .with_page_size(100)
            .with_page(2);
        assert_eq!(ListCredentials::METHOD, Method::GET);
        assert_eq!(request.path(), "/credentials");
        assert_eq!(
            testing::query(&request),
            [
                ("filterUsername".into(), "alice".into()),
                ("pageSize".into(), "100".into()),
                ("page".into(), "2".into())
            ]
        );
        assert!(ListCredentials::new().with_page_size(0).validate().is_err());
        assert!(
            ListCredentials::new()
                .with_page_size(5001)
                .validate()
                .is_err()
        );
    }

    #[test]
    fn parses_the_spec_example() {
        // The 1.4.0 example (old field names, a hashed credential with a null password).
        let index = ListCredentials::new()
            .parse(testing::json(
                200,
                &json!({
                    "_links": [{"ref": "subscription", "link": "https://work.threema.ch/api/v1"}],
                    "credentials": [
                        {"_links": [{"ref": "detail", "link": "https://work.threema.ch/api/v1/credentials/LAow0Rksa"}],
                         "id": "LAow0Rksa", "username": "alice", "password": "3mawrk",
                         "licenseAmount": 0, "hash": false, "lock": true},
                        {"_links": [{"ref": "detail", "link": "https://work.threema.ch/api/v1/credentials/pwq4Kslw"}],
                         "id": "pwq4Kslw", "username": "bob", "password": null,
                         "licenseAmount": 0, "hash": true, "lock": false}
                    ],
                    "paging": {"count": 20, "total": 400, "page": 9}
                }),
            ))
            .unwrap();
        assert_eq!(index.credentials.len(), 2);
        assert_eq!(index.credentials[1].hashed, Some(true));
        assert_eq!(index.paging, Some(Paging::new(20, 400, 9)));
        let page = ListCredentials::into_page(index);
        assert_eq!(page.items[0].username.as_deref(), Some("alice"));
        let empty = ListCredentials::new()
            .parse(testing::json(200, &json!({})))
            .unwrap();
        assert!(empty.credentials.is_empty() && empty.paging.is_none());
    }
}

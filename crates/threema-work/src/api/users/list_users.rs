//! `GET /users` — Users: List.

use crate::api::WorkRequest;
use crate::model::{CredentialId, Links, Paging, User};
use crate::pagination::PageParams;
use crate::validate::{self, ValidationError};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use transport_core::http::{Endpoint, Method, RawResponse};

/// `GET /users` — one page of the subscription's users (activated Threema IDs).
///
/// Query: `filterCredential` (a credential id), `filterUsername`, `filterQuery` (search),
/// `pageSize` (1–5000, default 20), `page`. Answers 200 with a [`UserIndex`]; 400 for an
/// invalid request. To walk every page use
/// [`Client::list_users_all`](crate::Client::list_users_all).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct ListUsers {
    /// `filterCredential`: only users of this credential.
    pub filter_credential: Option<CredentialId>,
    /// `filterUsername`: only users of the credential with this username.
    pub filter_username: Option<String>,
    /// `filterQuery`: a search.
    pub filter_query: Option<String>,
    /// `pageSize` and `page`.
    pub page: PageParams,
}

impl ListUsers {
    /// The first page, unfiltered.
    pub fn new() -> Self {
        Self::default()
    }

    /// Only users of credential `id`.
    #[must_use]
    pub fn with_filter_credential(mut self, id: CredentialId) -> Self {
        self.filter_credential = Some(id);
        self
    }

    /// Only users of the credential with this username.
    #[must_use]
    pub fn with_filter_username(mut self, username: impl Into<String>) -> Self {
        self.filter_username = Some(username.into());
        self
    }

    /// Only users matching this search.
    #[must_use]
    pub fn with_filter_query(mut self, query: impl Into<String>) -> Self {
        self.filter_query = Some(query.into());
        self
    }
}

/// The response of `GET /users`: one page of users.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct UserIndex {
    /// Links (`subscription`).
    #[serde(default, rename = "_links", skip_serializing_if = "Links::is_empty")]
    pub links: Links,
    /// The users on this page.
    #[serde(default)]
    pub users: Vec<User>,
    /// Where this page sits.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paging: Option<Paging>,
}

impl Endpoint for ListUsers {
    type Response = UserIndex;
    const METHOD: Method = Method::GET;

    fn path(&self) -> Cow<'_, str> {
        "/users".into()
    }

    fn query(&self) -> Vec<(Cow<'static, str>, String)> {
        let mut query = Vec::new();
        if let Some(id) = &self.filter_credential {
            query.push(("filterCredential".into(), id.to_string()));
        }
        if let Some(username) = &self.filter_username {
            query.push(("filterUsername".into(), username.clone()));
        }
        if let Some(search) = &self.filter_query {
            query.push(("filterQuery".into(), search.clone()));
        }
        self.page.push_query(&mut query);
        query
    }

    fn parse(&self, response: RawResponse) -> transport_core::Result<UserIndex> {
        response.json()
    }
}

impl WorkRequest for ListUsers {
    fn validate(&self) -> Result<(), ValidationError> {
        self.page.validate(validate::MAX_PAGE_SIZE)
    }
}

crate::pagination::paged_list!(ListUsers, UserIndex, User, users, 5000);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::testing;
    use crate::pagination::Paged;
    use serde_json::json;

    #[test]
    fn request_shape() {
        let request = ListUsers::new()
            .with_filter_credential(CredentialId::new("LAow0Rksa").unwrap())
            .with_filter_username("alice")
            .with_filter_query("Al Ice")
            .with_page_size(5000)
            .with_page(0);
        assert_eq!(ListUsers::METHOD, Method::GET);
        assert_eq!(request.path(), "/users");
        assert_eq!(
            testing::query(&request),
            [
                ("filterCredential".into(), "LAow0Rksa".into()),
                ("filterUsername".into(), "alice".into()),
                ("filterQuery".into(), "Al Ice".into()),
                ("pageSize".into(), "5000".into()),
                ("page".into(), "0".into())
            ]
        );
        assert!(request.validate().is_ok());
        assert!(ListUsers::new().with_page_size(0).validate().is_err());
    }

    #[test]
    fn parses_the_spec_example() {
        let index = ListUsers::new()
            .parse(testing::json(
                200,
                &json!({
                    "_links": [{"ref": "subscription", "link": "https://work.threema.ch/api/v1"}],
                    "users": [
                        {"_links": [
                            {"link": "https://work.threema.ch/api/v1/users/USER001", "ref": "detail"},
                            {"link": "https://work.threema.ch/api/v1/credentials/LAow0Rksa", "ref": "credential"}],
                         "id": "USER001", "lastCheck": "2021-12-01T00:00:00+0100",
                         "createdAt": "2017-01-01T00:00:00+0100", "nickname": "Alice", "firstName": "Al",
                         "lastName": "Ice", "csi": "AI000001", "category": "Marketing", "version": "android - 3.1k"},
                        {"_links": [
                            {"link": "https://work.threema.ch/api/v1/users/USER002", "ref": "detail"},
                            {"link": "https://work.threema.ch/api/v1/credentials/Kpsow3lSdf", "ref": "credential"}],
                         "id": "USER002", "nickname": "Bob", "version": "ios - 2.9k"}
                    ],
                    "paging": {"count": 20, "total": 400, "page": 9}
                }),
            ))
            .unwrap();
        let ids: Vec<_> = index
            .users
            .iter()
            .map(|u| u.credential_id().unwrap().into_string())
            .collect();
        assert_eq!(ids, ["LAow0Rksa", "Kpsow3lSdf"]);
        assert_eq!(ListUsers::into_page(index).paging.unwrap().total, Some(400));
        let err = ListUsers::new()
            .parse(testing::json(400, &json!({"error": "Invalid filter"})))
            .unwrap_err();
        assert_eq!(err.status(), Some(400));
    }
}

//! `GET /mdm-bulk` — Individual App Configuration: Bulk Get.

use crate::api::WorkRequest;
use crate::model::{CredentialMdmParameters, Links, Paging, de};
use crate::pagination::PageParams;
use crate::validate::{self, ValidationError};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use transport_core::http::{Endpoint, Method, RawResponse};

/// `GET /mdm-bulk` — one page of every credential's individual settings.
///
/// Query: `pageSize` (**1–500**, default 20), `page`. Answers 200 with a
/// [`CredentialMdmList`]. To walk every page use
/// [`Client::bulk_get_credential_mdm_all`](crate::Client::bulk_get_credential_mdm_all).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct BulkGetCredentialMdm {
    /// `pageSize` (1–500) and `page`.
    pub page: PageParams,
}

impl BulkGetCredentialMdm {
    /// The first page.
    pub fn new() -> Self {
        Self::default()
    }
}

/// The response of `GET /mdm-bulk`: one page of credentials with their settings.
///
/// A spec example wraps the list in an extra array (`[[…]]`); both forms decode to the flat
/// list.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CredentialMdmList {
    /// Links (`subscription`).
    #[serde(default, rename = "_links", skip_serializing_if = "Links::is_empty")]
    pub links: Links,
    /// The credentials on this page, each with its settings.
    #[serde(default, deserialize_with = "de::flat_list")]
    pub credentials: Vec<CredentialMdmParameters>,
    /// Where this page sits.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paging: Option<Paging>,
}

impl Endpoint for BulkGetCredentialMdm {
    type Response = CredentialMdmList;
    const METHOD: Method = Method::GET;

    fn path(&self) -> Cow<'_, str> {
        "/mdm-bulk".into()
    }

    fn query(&self) -> Vec<(Cow<'static, str>, String)> {
        let mut query = Vec::new();
        self.page.push_query(&mut query);
        query
    }

    fn parse(&self, response: RawResponse) -> transport_core::Result<CredentialMdmList> {
        response.json()
    }
}

impl WorkRequest for BulkGetCredentialMdm {
    fn validate(&self) -> Result<(), ValidationError> {
        self.page.validate(validate::MAX_BULK_PAGE_SIZE)
    }
}

crate::pagination::paged_list!(
    BulkGetCredentialMdm,
    CredentialMdmList,
    CredentialMdmParameters,
    credentials,
    500
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::testing;
    use crate::model::MdmValue;
    use serde_json::json;

    #[test]
    fn request_shape_and_small_page_size() {
        let request = BulkGetCredentialMdm::new().with_page_size(500).with_page(1);
        assert_eq!(BulkGetCredentialMdm::METHOD, Method::GET);
        assert_eq!(request.path(), "/mdm-bulk");
        assert_eq!(
            testing::query(&request),
            [
                ("pageSize".into(), "500".into()),
                ("page".into(), "1".into())
            ]
        );
        assert!(request.validate().is_ok());
        let err = BulkGetCredentialMdm::new()
            .with_page_size(501)
            .validate()
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid pageSize: must be between 1 and 500, got 501"
        );
    }

    #[test]
    fn parses_the_nested_spec_example_with_rel_links() {
        let list = BulkGetCredentialMdm::new()
            .parse(testing::json(
                200,
                &json!({
                    "_links": [{"ref": "subscription", "link": "https://work.threema.ch/api/v1"}],
                    "credentials": [[
                        {"_links": [
                            {"rel": "detail", "link": "https://work.threema.ch/api/v1/credentials/LAow0Rksa/mdm"},
                            {"rel": "credential", "link": "https://work.threema.ch/api/v1/credentials/LAow0Rksa"}],
                         "id": "LAow0Rksa",
                         "parameters": [
                            {"_links": [{"rel": "detail", "link": "https://work.threema.ch/api/v1/credentials/s3dEi7gcaphALd1/mdm/th_disable_screenshots"}],
                             "name": "th_disable_screenshots", "value": true},
                            {"name": "th_nickname", "value": "Alice"}]},
                        {"id": "LAow0Rksa2",
                         "parameters": [{"name": "th_nickname", "value": "Alice"}]}
                    ]],
                    "paging": {"count": 2, "total": 2, "page": 0}
                }),
            ))
            .unwrap();
        assert_eq!(list.credentials.len(), 2);
        assert_eq!(
            list.credentials[0].links.id_of("credential").as_deref(),
            Some("LAow0Rksa")
        );
        assert_eq!(
            list.credentials[0].parameters[0].value,
            Some(MdmValue::Bool(true))
        );
        assert_eq!(
            list.credentials[1].id.as_ref().unwrap().as_str(),
            "LAow0Rksa2"
        );
        // The flat form, as the schema says.
        let flat = BulkGetCredentialMdm::new()
            .parse(testing::json(
                200,
                &json!({"credentials": [{"id": "a", "parameters": []}]}),
            ))
            .unwrap();
        assert_eq!(flat.credentials.len(), 1);
    }
}

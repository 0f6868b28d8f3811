//! `GET /mdm` — Global App Configuration: List.

use crate::api::WorkRequest;
use crate::model::{Links, SubscriptionMdmProperty};
use crate::validate::ValidationError;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use transport_core::http::{Endpoint, Method, RawResponse};

/// `GET /mdm` — every global app configuration setting of the subscription.
///
/// Answers 200 with a [`SubscriptionMdmPropertyIndex`] (not paged).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct ListGlobalMdm {}

impl ListGlobalMdm {
    /// The request.
    pub fn new() -> Self {
        Self {}
    }
}

/// The response of `GET /mdm`: the global settings.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SubscriptionMdmPropertyIndex {
    /// Links (`subscription`).
    #[serde(default, rename = "_links", skip_serializing_if = "Links::is_empty")]
    pub links: Links,
    /// The settings.
    #[serde(default)]
    pub parameters: Vec<SubscriptionMdmProperty>,
}

impl Endpoint for ListGlobalMdm {
    type Response = SubscriptionMdmPropertyIndex;
    const METHOD: Method = Method::GET;

    fn path(&self) -> Cow<'_, str> {
        "/mdm".into()
    }

    fn parse(&self, response: RawResponse) -> transport_core::Result<SubscriptionMdmPropertyIndex> {
        response.json()
    }
}

impl WorkRequest for ListGlobalMdm {
    fn validate(&self) -> Result<(), ValidationError> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::testing;
    use crate::model::MdmValue;
    use serde_json::json;

    #[test]
    fn request_shape_and_spec_example() {
        let request = ListGlobalMdm::new();
        assert_eq!(ListGlobalMdm::METHOD, Method::GET);
        assert_eq!(request.path(), "/mdm");
        // The spec's example names each setting `name`, its schema says `id`.
        let index = request
            .parse(testing::json(
                200,
                &json!({
                    "_links": [{"ref": "subscription", "link": "https://work.threema.ch/api/v1"}],
                    "parameters": [
                        {"_links": [{"link": "https://work.threema.ch/api/v1/mdm/th_disable_screenshots", "ref": "detail"}],
                         "name": "th_disable_screenshots", "value": true},
                        {"id": "th_nickname", "value": "J.W."}
                    ]
                }),
            ))
            .unwrap();
        let names: Vec<_> = index
            .parameters
            .iter()
            .map(|p| p.name.as_ref().unwrap().as_str())
            .collect();
        assert_eq!(names, ["th_disable_screenshots", "th_nickname"]);
        assert_eq!(index.parameters[1].value, Some(MdmValue::from("J.W.")));
    }
}

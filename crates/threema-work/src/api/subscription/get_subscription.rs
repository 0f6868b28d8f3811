//! `GET /` — Subscription: Detail.

use crate::api::WorkRequest;
use crate::model::Subscription;
use crate::validate::ValidationError;
use std::borrow::Cow;
use transport_core::http::{Endpoint, Method, RawResponse};

/// `GET /` — the subscription: name, kind, licences, end date.
///
/// Answers 200 with a [`Subscription`]; 401 for an invalid key.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct GetSubscription {}

impl GetSubscription {
    /// The request.
    pub fn new() -> Self {
        Self {}
    }
}

impl Endpoint for GetSubscription {
    type Response = Subscription;
    const METHOD: Method = Method::GET;

    fn path(&self) -> Cow<'_, str> {
        "/".into()
    }

    fn parse(&self, response: RawResponse) -> transport_core::Result<Subscription> {
        response.json()
    }
}

impl WorkRequest for GetSubscription {
    fn validate(&self) -> Result<(), ValidationError> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::testing;
    use crate::model::SubscriptionType;
    use serde_json::json;

    #[test]
    fn request_shape() {
        let request = GetSubscription::new();
        assert_eq!(GetSubscription::METHOD, Method::GET);
        assert_eq!(request.path(), "/");
        assert!(testing::query(&request).is_empty());
        assert!(request.body().unwrap().is_empty());
    }

    #[test]
    fn parses_the_spec_example_and_errors() {
        let sub = GetSubscription::new()
            .parse(testing::json(
                200,
                &json!({
                    "_links": [{"ref": "detail", "link": "https://work.threema.ch/api/v1"}],
                    "id": "XYZ0123456",
                    "name": "My Threema Work subscription",
                    "validUntil": "2017-01-01T00:00:00+0100",
                    "type": "professional",
                    "licenseAmount": 400
                }),
            ))
            .unwrap();
        assert_eq!(sub.name.as_deref(), Some("My Threema Work subscription"));
        assert_eq!(sub.kind, Some(SubscriptionType::Professional));
        let err = GetSubscription::new()
            .parse(testing::json(401, &json!({"error": "Invalid X-Api-Key"})))
            .unwrap_err();
        assert_eq!(err.status(), Some(401));
    }
}

//! `PUT /` — Subscription: Update.

use crate::api::WorkRequest;
use crate::validate::{self, ValidationError};
use std::borrow::Cow;
use transport_core::http::{Body, Endpoint, Method, RawResponse};

/// `PUT /` — renames the subscription. Body `{"name": …}` (1–256 characters).
///
/// Answers 204; 400 for an invalid request, 422 (no body) when the server cannot process it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct UpdateSubscription {
    /// The new name, 1–256 characters.
    pub name: String,
}

impl UpdateSubscription {
    /// Renames the subscription to `name`.
    pub fn new(name: impl Into<String>) -> Self {
        Self { name: name.into() }
    }
}

#[derive(serde::Serialize)]
struct Wire<'a> {
    name: &'a str,
}

impl Endpoint for UpdateSubscription {
    type Response = ();
    const METHOD: Method = Method::PUT;

    fn path(&self) -> Cow<'_, str> {
        "/".into()
    }

    fn body(&self) -> transport_core::Result<Body> {
        Body::json(&Wire { name: &self.name })
    }

    fn parse(&self, response: RawResponse) -> transport_core::Result<()> {
        response.empty()
    }
}

impl WorkRequest for UpdateSubscription {
    fn validate(&self) -> Result<(), ValidationError> {
        validate::text("name", &self.name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::testing;
    use serde_json::json;

    #[test]
    fn request_shape_matches_the_spec_sample() {
        let request = UpdateSubscription::new("My very nice Threema Work subscription");
        assert_eq!(UpdateSubscription::METHOD, Method::PUT);
        assert_eq!(request.path(), "/");
        assert_eq!(
            testing::body_json(&request),
            json!({"name": "My very nice Threema Work subscription"})
        );
    }

    #[test]
    fn validation_and_parsing() {
        assert!(UpdateSubscription::new("").validate().is_err());
        assert!(UpdateSubscription::new("x".repeat(257)).validate().is_err());
        assert!(UpdateSubscription::new("x".repeat(256)).validate().is_ok());
        let request = UpdateSubscription::new("n");
        request.parse(testing::response(204, &[], b"")).unwrap();
        assert_eq!(
            request
                .parse(testing::response(422, &[], b""))
                .unwrap_err()
                .status(),
            Some(422)
        );
    }
}

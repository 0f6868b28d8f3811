//! `DELETE /logos/{logoVariant}` — Logo Variant: Delete.

use crate::api::WorkRequest;
use crate::model::LogoVariant;
use crate::validate::ValidationError;
use std::borrow::Cow;
use transport_core::http::{Endpoint, Method, RawResponse};

/// `DELETE /logos/{logoVariant}` — removes the in-app logo for the dark or light theme.
///
/// Answers 204; 400 for an invalid request, 404 when no logo is set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct DeleteLogo {
    /// `dark` or `light`.
    pub variant: LogoVariant,
}

impl DeleteLogo {
    /// Removes the `variant` logo.
    pub fn new(variant: LogoVariant) -> Self {
        Self { variant }
    }
}

impl Endpoint for DeleteLogo {
    type Response = ();
    const METHOD: Method = Method::DELETE;

    fn path(&self) -> Cow<'_, str> {
        format!("/logos/{}", self.variant.as_str()).into()
    }

    fn parse(&self, response: RawResponse) -> transport_core::Result<()> {
        response.empty()
    }
}

impl WorkRequest for DeleteLogo {
    fn validate(&self) -> Result<(), ValidationError> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::testing;
    use serde_json::json;

    #[test]
    fn request_shape_and_parsing() {
        let request = DeleteLogo::new(LogoVariant::Dark);
        assert_eq!(DeleteLogo::METHOD, Method::DELETE);
        assert_eq!(request.path(), "/logos/dark");
        request.parse(testing::response(204, &[], b"")).unwrap();
        assert_eq!(
            request
                .parse(testing::json(404, &json!({"error": "No logo"})))
                .unwrap_err()
                .status(),
            Some(404)
        );
    }
}

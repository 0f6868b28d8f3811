//! `GET /logos/{logoVariant}` — Logo Variant: Show.

use crate::api::WorkRequest;
use crate::model::LogoVariant;
use crate::validate::ValidationError;
use bytes::Bytes;
use std::borrow::Cow;
use transport_core::http::{Endpoint, Method, RawResponse};

/// `GET /logos/{logoVariant}` — the in-app logo for the dark or light theme.
///
/// Answers 200 with the PNG file (`image/png`, at least 680 × 80 pixels) as raw bytes; 404
/// (with a JSON error body) when no logo is set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct GetLogo {
    /// `dark` or `light`.
    pub variant: LogoVariant,
}

impl GetLogo {
    /// The `variant` logo.
    pub fn new(variant: LogoVariant) -> Self {
        Self { variant }
    }
}

impl Endpoint for GetLogo {
    type Response = Bytes;
    const METHOD: Method = Method::GET;

    fn path(&self) -> Cow<'_, str> {
        format!("/logos/{}", self.variant.as_str()).into()
    }

    fn parse(&self, response: RawResponse) -> transport_core::Result<Bytes> {
        response.bytes()
    }
}

impl WorkRequest for GetLogo {
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
        assert_eq!(GetLogo::METHOD, Method::GET);
        assert_eq!(GetLogo::new(LogoVariant::Dark).path(), "/logos/dark");
        assert_eq!(GetLogo::new(LogoVariant::Light).path(), "/logos/light");
        let png = b"\x89PNG\r\n\x1a\nrest";
        let bytes = GetLogo::new(LogoVariant::Dark)
            .parse(testing::response(
                200,
                &[("content-type", "image/png")],
                png,
            ))
            .unwrap();
        assert_eq!(&bytes[..], png);
        let err = GetLogo::new(LogoVariant::Dark)
            .parse(testing::json(404, &json!({"error": "No logo"})))
            .unwrap_err();
        assert_eq!(err.status(), Some(404));
    }
}

//! `PUT /logos/{logoVariant}` — Logo Variant: Update (method inferred).

use crate::api::WorkRequest;
use crate::model::{LogoPng, LogoVariant};
use crate::validate::{self, ValidationError};
use std::borrow::Cow;
use transport_core::http::{Body, Endpoint, Method, RawResponse};

/// `PUT /logos/{logoVariant}` — sets the in-app logo for the dark or light theme; the body is
/// the raw PNG (`Content-Type: image/png`, at least 680 × 80 pixels, checked before sending).
///
/// **The method is inferred**: the 1.7.1 reference lost it, and the only generated 1.7.x
/// client skipped this operation. `PUT` follows the 1.4 `PUT /logos` and the "Update" naming
/// (see `docs/decisions.md`). Any 2xx counts as success (204 expected); 400, 404 or 422 for a
/// refused image.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct UpdateLogo {
    /// `dark` or `light`.
    pub variant: LogoVariant,
    /// The PNG image.
    pub png: LogoPng,
}

impl UpdateLogo {
    /// Sets the `variant` logo to `png`.
    pub fn new(variant: LogoVariant, png: LogoPng) -> Self {
        Self { variant, png }
    }
}

impl Endpoint for UpdateLogo {
    type Response = ();
    const METHOD: Method = Method::PUT;

    fn path(&self) -> Cow<'_, str> {
        format!("/logos/{}", self.variant.as_str()).into()
    }

    fn body(&self) -> transport_core::Result<Body> {
        Ok(Body::bytes("image/png", self.png.bytes().clone()))
    }

    fn parse(&self, response: RawResponse) -> transport_core::Result<()> {
        response.empty()
    }
}

impl WorkRequest for UpdateLogo {
    fn validate(&self) -> Result<(), ValidationError> {
        validate::logo_png("logo", self.png.bytes()).map(|_| ())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::testing;
    use serde_json::json;

    fn png() -> LogoPng {
        LogoPng::new(validate::png_header(680, 80)).unwrap()
    }

    #[test]
    fn request_shape_is_a_raw_png_body() {
        let request = UpdateLogo::new(LogoVariant::Light, png());
        assert_eq!(UpdateLogo::METHOD, Method::PUT);
        assert_eq!(request.path(), "/logos/light");
        match request.body().unwrap() {
            Body::Bytes { content_type, data } => {
                assert_eq!(content_type, "image/png");
                assert_eq!(data, *png().bytes());
            }
            other => panic!("{other:?}"),
        }
        assert!(request.validate().is_ok());
    }

    #[test]
    fn parsing() {
        let request = UpdateLogo::new(LogoVariant::Dark, png());
        request.parse(testing::response(204, &[], b"")).unwrap();
        assert_eq!(
            request
                .parse(testing::json(400, &json!({"error": "Invalid image"})))
                .unwrap_err()
                .status(),
            Some(400)
        );
    }
}

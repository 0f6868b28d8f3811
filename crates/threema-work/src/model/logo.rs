//! [`LogoVariant`] and [`LogoPng`]: the subscription's in-app logos.

use crate::validate::{self, ValidationError};
use bytes::Bytes;
use std::fmt;

/// Which in-app logo: for the dark or the light theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum LogoVariant {
    /// `dark`
    Dark,
    /// `light`
    Light,
}

impl LogoVariant {
    /// The path value (`dark`, `light`).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Dark => "dark",
            Self::Light => "light",
        }
    }
}

impl fmt::Display for LogoVariant {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A PNG image the API accepts as a logo: it has the PNG signature and an `IHDR` chunk giving at
/// least 680 × 80 pixels. Checked on construction, so an upload fails before any I/O.
///
/// ```
/// use threema_work::model::LogoPng;
/// # let mut png = threema_work::validate::PNG_SIGNATURE.to_vec();
/// # png.extend_from_slice(&13u32.to_be_bytes());
/// # png.extend_from_slice(b"IHDR");
/// # png.extend_from_slice(&700u32.to_be_bytes());
/// # png.extend_from_slice(&90u32.to_be_bytes());
/// # png.extend_from_slice(&[8, 6, 0, 0, 0]);
/// let logo = LogoPng::new(png)?;
/// assert_eq!((logo.width(), logo.height()), (700, 90));
/// assert!(LogoPng::new(b"GIF89a".to_vec()).is_err());
/// # Ok::<(), threema_work::ValidationError>(())
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct LogoPng {
    bytes: Bytes,
    width: u32,
    height: u32,
}

impl LogoPng {
    /// Checks `bytes` and wraps them.
    ///
    /// # Errors
    ///
    /// [`ValidationError`] when the bytes are not a PNG or the image is smaller than 680 × 80.
    pub fn new(bytes: impl Into<Bytes>) -> Result<Self, ValidationError> {
        let bytes = bytes.into();
        let (width, height) = validate::logo_png("logo", &bytes)?;
        Ok(Self {
            bytes,
            width,
            height,
        })
    }

    /// The width in pixels (from `IHDR`).
    pub fn width(&self) -> u32 {
        self.width
    }

    /// The height in pixels (from `IHDR`).
    pub fn height(&self) -> u32 {
        self.height
    }

    /// The file's bytes.
    pub fn bytes(&self) -> &Bytes {
        &self.bytes
    }

    /// The file's bytes, owned.
    pub fn into_bytes(self) -> Bytes {
        self.bytes
    }
}

impl fmt::Debug for LogoPng {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "LogoPng({}×{}, {} bytes)",
            self.width,
            self.height,
            self.bytes.len()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::ValidationErrorKind;

    #[test]
    fn checks_on_construction() {
        let logo = LogoPng::new(validate::png_header(1360, 160)).unwrap();
        assert_eq!(format!("{logo:?}"), "LogoPng(1360×160, 33 bytes)");
        assert_eq!(logo.bytes().len(), 33);
        let err = LogoPng::new(validate::png_header(640, 80)).unwrap_err();
        assert_eq!(err.field, "logo");
        assert!(matches!(
            err.kind,
            ValidationErrorKind::ImageTooSmall { width: 640, .. }
        ));
        assert_eq!(LogoVariant::Dark.to_string(), "dark");
        assert_eq!(LogoVariant::Light.as_str(), "light");
    }
}

//! Checks on user input, run before any I/O, and the [`ValidationError`] they return.
//!
//! Every request type of this crate checks itself when it is sent
//! ([`WorkRequest::validate`](crate::api::WorkRequest::validate)); the typed ids
//! ([`ThreemaId`](crate::model::ThreemaId), [`MdmProperty`](crate::model::MdmProperty),
//! [`CredentialId`](crate::model::CredentialId)) and [`LogoPng`](crate::model::LogoPng) check
//! themselves when they are built. The functions here are the rules themselves, public so
//! callers can check input early (e.g. in a form).

use std::fmt;

/// Input that the API would reject, detected before any request was sent.
///
/// `field` names where the problem is, as a JSON path of the request (`threemaId`,
/// `credentials[3].parameters[0].name`, `pageSize`). Messages never contain secrets: a bad
/// password is reported by its length only.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid {field}: {kind}")]
#[non_exhaustive]
pub struct ValidationError {
    /// The offending field, as a path in the request.
    pub field: String,
    /// What is wrong with it.
    pub kind: ValidationErrorKind,
}

/// What is wrong with a field.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ValidationErrorKind {
    /// Not a Threema ID: 8 characters from `A-Z`, `0-9` and `*`.
    #[error("`{value}` is not a Threema ID (8 characters from A-Z, 0-9 and *)")]
    ThreemaId {
        /// The rejected value.
        value: String,
    },
    /// Not an app configuration property name: 4 to 256 characters starting with `th_`.
    #[error(
        "`{value}` is not an app configuration property (4 to 256 characters starting with `th_`)"
    )]
    MdmProperty {
        /// The rejected value.
        value: String,
    },
    /// A string of the wrong length (in characters).
    #[error("must be {min} to {max} characters long, got {len}")]
    Length {
        /// The length given.
        len: usize,
        /// The least allowed.
        min: usize,
        /// The most allowed.
        max: usize,
    },
    /// A number out of range.
    #[error("must be between {min} and {max}, got {value}")]
    Range {
        /// The number given.
        value: i64,
        /// The least allowed.
        min: i64,
        /// The most allowed.
        max: i64,
    },
    /// A list with too many items.
    #[error("at most {max} items are allowed, got {count}")]
    TooMany {
        /// The items given.
        count: usize,
        /// The most allowed.
        max: usize,
    },
    /// The bytes are not a PNG image the API accepts.
    #[error("not a PNG image: {reason}")]
    NotPng {
        /// Why.
        reason: String,
    },
    /// A PNG image smaller than the API's minimum.
    #[error("the image is {width}×{height} pixels, at least {min_width}×{min_height} are required")]
    ImageTooSmall {
        /// The image's width.
        width: u32,
        /// The image's height.
        height: u32,
        /// The least width allowed.
        min_width: u32,
        /// The least height allowed.
        min_height: u32,
    },
    /// Any other rule.
    #[error("{reason}")]
    Invalid {
        /// The rule that was broken.
        reason: String,
    },
}

impl ValidationError {
    /// An error for `field`.
    pub fn new(field: impl Into<String>, kind: ValidationErrorKind) -> Self {
        Self {
            field: field.into(),
            kind,
        }
    }

    /// The same error with `prefix` put in front of the field path (`credentials[2].` + `id`).
    #[must_use]
    pub fn within(mut self, prefix: impl fmt::Display) -> Self {
        self.field = format!("{prefix}.{}", self.field);
        self
    }
}

/// The longest name, username, password or property the API accepts (characters).
pub const MAX_TEXT_LEN: usize = 256;
/// The largest `pageSize` of the list operations.
pub const MAX_PAGE_SIZE: u32 = 5000;
/// The largest `pageSize` of `GET /mdm-bulk`.
pub const MAX_BULK_PAGE_SIZE: u32 = 500;
/// The most credentials one `POST /mdm-bulk` may carry.
pub const MAX_BULK_CREDENTIALS: usize = 1000;
/// The least width of a logo, in pixels.
pub const MIN_LOGO_WIDTH: u32 = 680;
/// The least height of a logo, in pixels.
pub const MIN_LOGO_HEIGHT: u32 = 80;

/// A Threema ID: exactly 8 characters from `A-Z`, `0-9` and `*` (gateway IDs start with `*`).
///
/// ```
/// use threema_work::validate;
/// assert!(validate::threema_id("threemaId", "ECHOECHO").is_ok());
/// assert!(validate::threema_id("threemaId", "*THREEMA").is_ok());
/// assert!(validate::threema_id("threemaId", "echoecho").is_err());
/// ```
///
/// # Errors
///
/// [`ValidationErrorKind::ThreemaId`] otherwise.
pub fn threema_id(field: &str, value: &str) -> Result<(), ValidationError> {
    let ok = value.len() == 8
        && value
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'*');
    if ok {
        Ok(())
    } else {
        Err(ValidationError::new(
            field,
            ValidationErrorKind::ThreemaId {
                value: value.to_owned(),
            },
        ))
    }
}

/// An app configuration property name: 4 to 256 characters, starting with `th_`.
///
/// # Errors
///
/// [`ValidationErrorKind::MdmProperty`] otherwise.
pub fn mdm_property(field: &str, value: &str) -> Result<(), ValidationError> {
    let len = value.chars().count();
    if value.starts_with("th_") && (4..=MAX_TEXT_LEN).contains(&len) {
        Ok(())
    } else {
        Err(ValidationError::new(
            field,
            ValidationErrorKind::MdmProperty {
                value: value.to_owned(),
            },
        ))
    }
}

/// A text field (name, username, password) of 1 to 256 characters. Only the length appears in
/// the error, so it is safe for secrets.
///
/// # Errors
///
/// [`ValidationErrorKind::Length`] otherwise.
pub fn text(field: &str, value: &str) -> Result<(), ValidationError> {
    let len = value.chars().count();
    if (1..=MAX_TEXT_LEN).contains(&len) {
        Ok(())
    } else {
        Err(ValidationError::new(
            field,
            ValidationErrorKind::Length {
                len,
                min: 1,
                max: MAX_TEXT_LEN,
            },
        ))
    }
}

/// A non-empty identifier (credential ids, category filters).
///
/// # Errors
///
/// [`ValidationErrorKind::Invalid`] for an empty string.
pub fn non_empty(field: &str, value: &str) -> Result<(), ValidationError> {
    if value.is_empty() {
        Err(ValidationError::new(
            field,
            ValidationErrorKind::Invalid {
                reason: "must not be empty".into(),
            },
        ))
    } else {
        Ok(())
    }
}

/// A `pageSize` between 1 and `max` ([`MAX_PAGE_SIZE`], or [`MAX_BULK_PAGE_SIZE`] for
/// `GET /mdm-bulk`). `pageSize=0` meant "everything" before API 1.4 and is rejected now.
///
/// # Errors
///
/// [`ValidationErrorKind::Range`] otherwise.
pub fn page_size(value: Option<u32>, max: u32) -> Result<(), ValidationError> {
    match value {
        Some(size) if size == 0 || size > max => Err(ValidationError::new(
            "pageSize",
            ValidationErrorKind::Range {
                value: i64::from(size),
                min: 1,
                max: i64::from(max),
            },
        )),
        _ => Ok(()),
    }
}

/// A list of at most `max` items.
///
/// # Errors
///
/// [`ValidationErrorKind::TooMany`] otherwise.
pub fn at_most(field: &str, count: usize, max: usize) -> Result<(), ValidationError> {
    if count > max {
        Err(ValidationError::new(
            field,
            ValidationErrorKind::TooMany { count, max },
        ))
    } else {
        Ok(())
    }
}

/// An app configuration value of a documented kind (string, integer or boolean), not
/// [`MdmValue::Other`](crate::model::MdmValue::Other).
///
/// # Errors
///
/// [`ValidationErrorKind::Invalid`] for `Other`.
pub fn mdm_value(field: &str, value: &crate::model::MdmValue) -> Result<(), ValidationError> {
    if value.is_documented() {
        Ok(())
    } else {
        Err(ValidationError::new(
            field,
            ValidationErrorKind::Invalid {
                reason: format!("`{value}` is not a string, an integer or a boolean"),
            },
        ))
    }
}

/// The 8-byte signature every PNG file starts with.
pub const PNG_SIGNATURE: [u8; 8] = [0x89, b'P', b'N', b'G', b'\r', b'\n', 0x1a, b'\n'];

/// Reads a PNG's width and height from its `IHDR` chunk and checks the logo minimum
/// ([`MIN_LOGO_WIDTH`] × [`MIN_LOGO_HEIGHT`]). Only the header is read; the image data is not
/// decoded.
///
/// ```
/// use threema_work::validate;
/// let mut png = validate::PNG_SIGNATURE.to_vec();
/// png.extend_from_slice(&13u32.to_be_bytes());
/// png.extend_from_slice(b"IHDR");
/// png.extend_from_slice(&800u32.to_be_bytes());
/// png.extend_from_slice(&100u32.to_be_bytes());
/// png.extend_from_slice(&[8, 6, 0, 0, 0]);
/// assert_eq!(validate::logo_png("logo", &png), Ok((800, 100)));
/// assert!(validate::logo_png("logo", b"GIF89a").is_err());
/// ```
///
/// # Errors
///
/// [`ValidationErrorKind::NotPng`] when the signature or the `IHDR` chunk is missing,
/// [`ValidationErrorKind::ImageTooSmall`] when the image is too small.
pub fn logo_png(field: &str, bytes: &[u8]) -> Result<(u32, u32), ValidationError> {
    let not_png = |reason: &str| {
        ValidationError::new(
            field,
            ValidationErrorKind::NotPng {
                reason: reason.to_owned(),
            },
        )
    };
    if !bytes.starts_with(&PNG_SIGNATURE) {
        return Err(not_png("the PNG signature is missing"));
    }
    // The first chunk must be IHDR with 13 bytes of data: width and height come first.
    let header = bytes
        .get(8..24)
        .ok_or_else(|| not_png("the file ends before the IHDR chunk"))?;
    let word = |at: usize| {
        header
            .get(at..at + 4)
            .and_then(|b| <[u8; 4]>::try_from(b).ok())
            .map(u32::from_be_bytes)
    };
    if word(0) != Some(13) || &header[4..8] != b"IHDR" {
        return Err(not_png("the first chunk is not a 13-byte IHDR chunk"));
    }
    let (Some(width), Some(height)) = (word(8), word(12)) else {
        return Err(not_png("the IHDR chunk is truncated"));
    };
    if width == 0 || height == 0 {
        return Err(not_png("the IHDR chunk gives a zero width or height"));
    }
    if width < MIN_LOGO_WIDTH || height < MIN_LOGO_HEIGHT {
        return Err(ValidationError::new(
            field,
            ValidationErrorKind::ImageTooSmall {
                width,
                height,
                min_width: MIN_LOGO_WIDTH,
                min_height: MIN_LOGO_HEIGHT,
            },
        ));
    }
    Ok((width, height))
}

/// The start of a PNG file of `width` × `height` pixels: the signature and a complete `IHDR`
/// chunk (8-bit RGBA; the CRC is not computed), and no image data. Enough for [`logo_png`]; for
/// tests.
#[cfg(any(test, feature = "testkit"))]
pub(crate) fn png_header(width: u32, height: u32) -> Vec<u8> {
    let mut png = PNG_SIGNATURE.to_vec();
    png.extend_from_slice(&13u32.to_be_bytes());
    png.extend_from_slice(b"IHDR");
    png.extend_from_slice(&width.to_be_bytes());
    png.extend_from_slice(&height.to_be_bytes());
    png.extend_from_slice(&[8, 6, 0, 0, 0]);
    png.extend_from_slice(&[0; 4]);
    png
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn threema_ids() {
        for ok in ["ECHOECHO", "*THREEMA", "B4UXXX11", "12345678"] {
            assert!(threema_id("id", ok).is_ok(), "{ok}");
        }
        for bad in [
            "",
            "ECHOECH",
            "ECHOECHO1",
            "echoecho",
            "ECHO ECH",
            "ÄCHOECHO",
            "ECHO-ECH",
        ] {
            let err = threema_id("threemaId", bad).unwrap_err();
            assert_eq!(err.field, "threemaId");
            assert_eq!(
                err.kind,
                ValidationErrorKind::ThreemaId {
                    value: bad.to_owned()
                }
            );
        }
        assert_eq!(
            threema_id("threemaId", "abc").unwrap_err().to_string(),
            "invalid threemaId: `abc` is not a Threema ID (8 characters from A-Z, 0-9 and *)"
        );
    }

    #[test]
    fn mdm_properties() {
        assert!(mdm_property("property", "th_x").is_ok());
        assert!(mdm_property("property", &format!("th_{}", "a".repeat(253))).is_ok());
        assert!(mdm_property("property", &format!("th_{}", "a".repeat(254))).is_err());
        assert!(mdm_property("property", "th_").is_err());
        assert!(mdm_property("property", "firstname").is_err());
        assert!(mdm_property("property", "TH_firstname").is_err());
    }

    #[test]
    fn text_lengths_count_characters_and_hide_values() {
        assert!(text("name", "a").is_ok());
        assert!(text("name", &"ü".repeat(256)).is_ok());
        let err = text("password", &"s3cret".repeat(50)).unwrap_err();
        assert_eq!(
            err.kind,
            ValidationErrorKind::Length {
                len: 300,
                min: 1,
                max: 256
            }
        );
        assert!(!err.to_string().contains("s3cret"));
        assert!(text("name", "").is_err());
        assert!(non_empty("id", "").is_err());
        assert!(non_empty("id", "x").is_ok());
    }

    #[test]
    fn page_sizes_and_counts() {
        assert!(page_size(None, MAX_PAGE_SIZE).is_ok());
        assert!(page_size(Some(1), MAX_PAGE_SIZE).is_ok());
        assert!(page_size(Some(5000), MAX_PAGE_SIZE).is_ok());
        assert_eq!(
            page_size(Some(0), MAX_PAGE_SIZE).unwrap_err().to_string(),
            "invalid pageSize: must be between 1 and 5000, got 0"
        );
        assert!(page_size(Some(5001), MAX_PAGE_SIZE).is_err());
        assert!(page_size(Some(500), MAX_BULK_PAGE_SIZE).is_ok());
        assert!(page_size(Some(501), MAX_BULK_PAGE_SIZE).is_err());
        assert!(at_most("credentials", 1000, MAX_BULK_CREDENTIALS).is_ok());
        assert_eq!(
            at_most("credentials", 1001, MAX_BULK_CREDENTIALS)
                .unwrap_err()
                .kind,
            ValidationErrorKind::TooMany {
                count: 1001,
                max: 1000
            }
        );
    }

    #[test]
    fn logo_dimensions_come_from_ihdr() {
        assert_eq!(logo_png("logo", &png_header(680, 80)), Ok((680, 80)));
        assert_eq!(logo_png("logo", &png_header(4000, 500)), Ok((4000, 500)));
        assert_eq!(
            logo_png("logo", &png_header(679, 80)).unwrap_err().kind,
            ValidationErrorKind::ImageTooSmall {
                width: 679,
                height: 80,
                min_width: 680,
                min_height: 80
            }
        );
        assert!(matches!(
            logo_png("logo", &png_header(680, 79)).unwrap_err().kind,
            ValidationErrorKind::ImageTooSmall { height: 79, .. }
        ));
        assert!(matches!(
            logo_png("logo", b"\x89PNG").unwrap_err().kind,
            ValidationErrorKind::NotPng { .. }
        ));
        assert!(matches!(
            logo_png("logo", &png_header(0, 100)).unwrap_err().kind,
            ValidationErrorKind::NotPng { .. }
        ));
        let mut wrong_chunk = png_header(800, 100);
        wrong_chunk[12..16].copy_from_slice(b"IDAT");
        assert!(logo_png("logo", &wrong_chunk).is_err());
        assert!(logo_png("logo", &png_header(800, 100)[..20]).is_err());
        let err = logo_png("logo", b"<html>").unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid logo: not a PNG image: the PNG signature is missing"
        );
    }

    #[test]
    fn mdm_values() {
        use crate::model::MdmValue;
        assert!(mdm_value("value", &MdmValue::from(true)).is_ok());
        assert!(mdm_value("value", &MdmValue::from("x")).is_ok());
        assert_eq!(
            mdm_value("value", &MdmValue::Other(serde_json::json!(1.5)))
                .unwrap_err()
                .to_string(),
            "invalid value: `1.5` is not a string, an integer or a boolean"
        );
    }

    #[test]
    fn within_prefixes_the_path() {
        let err = threema_id("id", "x").unwrap_err().within("credentials[2]");
        assert_eq!(err.field, "credentials[2].id");
    }
}

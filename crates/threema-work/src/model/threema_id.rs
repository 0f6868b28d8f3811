//! [`ThreemaId`]: an 8-character Threema ID.

use crate::validate::{self, ValidationError};

/// A Threema ID such as `ECHOECHO`, or a gateway ID such as `*THREEMA`: 8 characters from
/// `A-Z`, `0-9` and `*`.
///
/// [`ThreemaId::new`] (and `parse`, `TryFrom`) check the form. Ids decoded from a server
/// response are kept as sent, unchecked, so one odd id never fails a whole list; requests check
/// their ids again before sending ([`WorkRequest::validate`](crate::api::WorkRequest::validate)).
///
/// ```
/// use threema_work::model::ThreemaId;
///
/// let id: ThreemaId = "ECHOECHO".parse()?;
/// assert_eq!(id.as_str(), "ECHOECHO");
/// assert!(!id.is_gateway());
/// assert!(ThreemaId::new("*THREEMA")?.is_gateway());
/// assert!(ThreemaId::new("echoecho").is_err());
/// # Ok::<(), threema_work::ValidationError>(())
/// ```
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ThreemaId(String);

impl ThreemaId {
    /// A checked Threema ID.
    ///
    /// # Errors
    ///
    /// [`ValidationError`] unless `id` is 8 characters from `A-Z`, `0-9` and `*`.
    pub fn new(id: impl Into<String>) -> Result<Self, ValidationError> {
        let id = id.into();
        validate::threema_id("threemaId", &id)?;
        Ok(Self(id))
    }

    /// True for gateway IDs (starting with `*`), such as `*THREEMA`.
    pub fn is_gateway(&self) -> bool {
        self.0.starts_with('*')
    }

    /// True if the id has the documented form (always true unless it came from a server).
    pub fn is_valid(&self) -> bool {
        validate::threema_id("threemaId", &self.0).is_ok()
    }
}

super::string_newtype!(ThreemaId);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conversions_check_the_form() {
        assert_eq!(
            ThreemaId::try_from("B4UXXX11").unwrap().to_string(),
            "B4UXXX11"
        );
        assert!(ThreemaId::try_from(String::from("B4UXXX1")).is_err());
        let id = ThreemaId::new("ECHOECHO").unwrap();
        assert_eq!(ThreemaId::from(&id), id);
        assert_eq!(format!("{id:?}"), r#"ThreemaId("ECHOECHO")"#);
        assert_eq!(id, *"ECHOECHO");
    }

    #[test]
    fn decoding_keeps_what_the_server_sent() {
        let id: ThreemaId = serde_json::from_str(r#""*THREEMA""#).unwrap();
        assert!(id.is_gateway() && id.is_valid());
        let odd: ThreemaId = serde_json::from_str(r#""odd""#).unwrap();
        assert_eq!(odd.as_str(), "odd");
        assert!(!odd.is_valid());
        assert_eq!(serde_json::to_string(&odd).unwrap(), r#""odd""#);
    }
}

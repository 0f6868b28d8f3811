//! [`CredentialId`]: the id of a credential record.

use crate::validate::{self, ValidationError};

/// The id of a credential record, e.g. `e7MCEXNCGmRDRX3BF71tJAoAiLVpvsu`.
///
/// The API does not document its form; [`CredentialId::new`] only rejects the empty string.
/// A user's credential id is found behind its `credential` link
/// ([`User::credential_id`](crate::model::User::credential_id)).
///
/// ```
/// use threema_work::model::CredentialId;
/// let id = CredentialId::new("LAow0Rksa")?;
/// assert_eq!(id.as_str(), "LAow0Rksa");
/// assert!(CredentialId::new("").is_err());
/// # Ok::<(), threema_work::ValidationError>(())
/// ```
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CredentialId(String);

impl CredentialId {
    /// A credential id.
    ///
    /// # Errors
    ///
    /// [`ValidationError`] for an empty string.
    pub fn new(id: impl Into<String>) -> Result<Self, ValidationError> {
        let id = id.into();
        validate::non_empty("id", &id)?;
        Ok(Self(id))
    }
}

super::string_newtype!(CredentialId);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_conversions() {
        let id: CredentialId = serde_json::from_str(r#""pwq4Kslw""#).unwrap();
        assert_eq!(id, CredentialId::new("pwq4Kslw").unwrap());
        assert_eq!(serde_json::to_string(&id).unwrap(), r#""pwq4Kslw""#);
        assert_eq!("a/b".parse::<CredentialId>().unwrap().as_ref(), "a/b");
        assert_eq!(
            CredentialId::try_from("").unwrap_err().to_string(),
            "invalid id: must not be empty"
        );
    }
}

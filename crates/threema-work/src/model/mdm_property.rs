//! [`MdmProperty`]: the name of an app configuration (MDM) setting.

use crate::validate::{self, ValidationError};

/// The name of an app configuration setting: 4 to 256 characters starting with `th_`, such as
/// `th_firstname` or `th_disable_screenshots`.
///
/// ```
/// use threema_work::model::MdmProperty;
/// assert_eq!(MdmProperty::new("th_nickname")?.as_str(), "th_nickname");
/// assert!(MdmProperty::new("nickname").is_err());
/// # Ok::<(), threema_work::ValidationError>(())
/// ```
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct MdmProperty(String);

impl MdmProperty {
    /// A checked property name.
    ///
    /// # Errors
    ///
    /// [`ValidationError`] unless the name has 4 to 256 characters and starts with `th_`.
    pub fn new(name: impl Into<String>) -> Result<Self, ValidationError> {
        let name = name.into();
        validate::mdm_property("property", &name)?;
        Ok(Self(name))
    }
}

super::string_newtype!(MdmProperty);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checked_on_construction_kept_on_decoding() {
        assert!(MdmProperty::try_from("th_").is_err());
        assert_eq!(
            MdmProperty::try_from("th_firstname").unwrap().to_string(),
            "th_firstname"
        );
        let odd: MdmProperty = serde_json::from_str(r#""x""#).unwrap();
        assert_eq!(odd.as_str(), "x");
    }
}

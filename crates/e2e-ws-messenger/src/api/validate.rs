//! Checks for input built by the user, run by `validate()` before anything is sent.

use crate::error::Error;

/// `field` must not be empty.
pub(crate) fn non_empty(field: &str, value: &str) -> Result<(), Error> {
    if value.trim().is_empty() {
        Err(Error::invalid_input(field, "must not be empty"))
    } else {
        Ok(())
    }
}

/// The list `field` must have at least one element.
pub(crate) fn non_empty_list<T>(field: &str, value: &[T]) -> Result<(), Error> {
    if value.is_empty() {
        Err(Error::invalid_input(
            field,
            "must have at least one element",
        ))
    } else {
        Ok(())
    }
}

/// `field` must be at least 1.
pub(crate) fn positive(field: &str, value: u32) -> Result<(), Error> {
    if value == 0 {
        Err(Error::invalid_input(field, "must be at least 1"))
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_check_names_the_field() {
        assert!(non_empty("reason", "Spam").is_ok());
        let e = non_empty("reason", "  ").unwrap_err();
        assert_eq!(e.to_string(), "invalid reason: must not be empty");
        assert!(non_empty_list("uuids", &[1]).is_ok());
        let e = non_empty_list::<u8>("uuids", &[]).unwrap_err();
        assert_eq!(
            e.to_string(),
            "invalid uuids: must have at least one element"
        );
        assert!(positive("size", 10).is_ok());
        assert_eq!(
            positive("size", 0).unwrap_err().to_string(),
            "invalid size: must be at least 1"
        );
    }
}

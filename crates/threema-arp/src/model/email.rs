//! [`Email`]: an email address of a system contact.

use serde::{Deserialize, Serialize};

/// An email address (schema model `Email`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Email {
    /// The category label (`"work"`).
    pub label: String,
    /// The address.
    pub address: String,
}

impl Email {
    /// An address with a label.
    pub fn new(label: impl Into<String>, address: impl Into<String>) -> Self {
        Self {
            label: label.into(),
            address: address.into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::{assert_keys, round_trip};

    #[test]
    fn round_trips() {
        assert_keys(
            &round_trip(&Email::new("home", "a@b.c")),
            "",
            &["label", "address"],
        );
    }
}

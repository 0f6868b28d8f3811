//! [`Phone`]: a phone number of a system contact.

use serde::{Deserialize, Serialize};

/// A phone number (schema model `Phone`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Phone {
    /// The category label (`"mobile"`).
    pub label: String,
    /// The number.
    pub number: String,
}

impl Phone {
    /// A number with a label.
    pub fn new(label: impl Into<String>, number: impl Into<String>) -> Self {
        Self {
            label: label.into(),
            number: number.into(),
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
            &round_trip(&Phone::new("mobile", "+41")),
            "",
            &["label", "number"],
        );
    }
}

//! [`SystemContact`]: an address-book contact linked to a Threema contact.

use super::{Email, Phone};
use serde::{Deserialize, Serialize};

/// A system contact (schema model `SystemContact`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct SystemContact {
    /// Email addresses.
    #[serde(default, deserialize_with = "crate::codec::nil_default")]
    pub emails: Vec<Email>,
    /// Phone numbers.
    #[serde(default, deserialize_with = "crate::codec::nil_default")]
    pub phone_numbers: Vec<Phone>,
}

impl SystemContact {
    /// A system contact without addresses.
    pub fn new() -> Self {
        Self::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::{assert_keys, round_trip};

    #[test]
    fn round_trips_empty_lists() {
        assert_keys(
            &round_trip(&SystemContact::new()),
            "",
            &["emails", "phoneNumbers"],
        );
    }
}

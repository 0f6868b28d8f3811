//! [`ContactDetails`]: extra details of a contact.

use super::SystemContact;
use serde::{Deserialize, Serialize};

/// Contact details (schema model `ContactDetails`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ContactDetails {
    /// The linked system (address book) contact, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub system_contact: Option<SystemContact>,
}

impl ContactDetails {
    /// Details with an optional system contact.
    pub fn new(system_contact: Option<SystemContact>) -> Self {
        Self { system_contact }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Email, Phone};
    use crate::testutil::{at, round_trip};
    use rmpv::Value;

    #[test]
    fn round_trips() {
        let mut system = SystemContact::new();
        system.emails.push(Email::new("work", "echo@example.org"));
        system
            .phone_numbers
            .push(Phone::new("mobile", "+41 00 000 00 00"));
        let value = round_trip(&ContactDetails::new(Some(system)));
        assert_eq!(
            at(&value, "systemContact.emails.0.address"),
            &Value::from("echo@example.org")
        );
        round_trip(&ContactDetails::new(None));
    }
}

//! `UpdateContact` → `ResponseStatusMessage`.

use crate::api::{ResponseStatusMessage, WireMessage, WireRequest};
use crate::model::unknown_fields::{UnknownFields, collect_extra, join};
use crate::model::{Contact, UserId};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// `UpdateContact` → `ResponseStatusMessage`: change one contact.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct UpdateContact {
    /// The contact.
    pub contact: Contact,
    /// The user making the change.
    pub user_id: UserId,
    /// Fields this crate does not know, kept so that re-serializing loses nothing.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

impl UpdateContact {
    /// A `UpdateContact` with the given fields.
    pub fn new(contact: Contact, user_id: UserId) -> Self {
        Self {
            contact,
            user_id,
            extra: BTreeMap::new(),
        }
    }
}

impl UnknownFields for UpdateContact {
    fn collect_unknown_fields(&self, path: &str, out: &mut Vec<String>) {
        collect_extra(&self.extra, path, out);
        self.contact
            .collect_unknown_fields(&join(path, "contact"), out);
    }
}

impl WireMessage for UpdateContact {
    const WIRE_NAME: &'static str = "UpdateContact";
}

impl WireRequest for UpdateContact {
    type Reply = ResponseStatusMessage;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{Kind, round_trip, seed};

    #[test]
    fn request_seed_sample_round_trips() {
        let value: UpdateContact = round_trip(&seed::sample(Kind::Request, "UpdateContact"));
        assert_eq!(
            value.contact.contact_id.as_str(),
            "upItfdN1OtNK50oxC5YQtGi2E9h1P862YnEVnNUhVA8="
        );
        assert_eq!(
            value.user_id.as_str(),
            "/4DZItfW2uZQyMCcxDboGMF0SjJs5sfedl9SXWNaO8Y="
        );
        value.validate().expect("the seed sample is valid");
    }
}

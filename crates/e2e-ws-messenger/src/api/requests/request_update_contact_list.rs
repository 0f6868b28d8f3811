//! `RequestUpdateContactList` → `ResponseStatusMessage`.

use crate::api::{ResponseStatusMessage, WireMessage, WireRequest};
use crate::model::Contact;
use crate::model::unknown_fields::{UnknownFields, collect_extra, index};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// `RequestUpdateContactList` → `ResponseStatusMessage`: replace (or merge into) the contact list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct RequestUpdateContactList {
    /// The contacts.
    #[serde(default)]
    pub contact_list: Vec<Contact>,
    /// True to merge with the stored list instead of replacing it.
    pub merge: bool,
    /// Fields this crate does not know, kept so that re-serializing loses nothing.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

impl RequestUpdateContactList {
    /// A `RequestUpdateContactList` with the given fields; the others start empty, `false` or `0`.
    pub fn new(contact_list: Vec<Contact>) -> Self {
        Self {
            contact_list,
            merge: false,
            extra: BTreeMap::new(),
        }
    }
}

impl UnknownFields for RequestUpdateContactList {
    fn collect_unknown_fields(&self, path: &str, out: &mut Vec<String>) {
        collect_extra(&self.extra, path, out);
        for (i, value) in self.contact_list.iter().enumerate() {
            value.collect_unknown_fields(&index(path, "contactList", i), out);
        }
    }
}

impl WireMessage for RequestUpdateContactList {
    const WIRE_NAME: &'static str = "RequestUpdateContactList";
}

impl WireRequest for RequestUpdateContactList {
    type Reply = ResponseStatusMessage;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{Kind, round_trip, seed};

    #[test]
    fn request_seed_sample_round_trips() {
        let value: RequestUpdateContactList =
            round_trip(&seed::sample(Kind::Request, "RequestUpdateContactList"));
        assert_eq!(value.contact_list.len(), 4);
        assert_eq!(
            value.contact_list[0].contact_id.as_str(),
            "upItfdN1OtNK50oxC5YQtGi2E9h1P862YnEVnNUhVA8="
        );
        assert!(!value.merge);
        value.validate().expect("the seed sample is valid");
    }
}

//! [`Contact`] and [`ContactType`].

use super::{Links, ThreemaId};
use serde::{Deserialize, Serialize};

transport_core::open_string_enum! {
    @ignore_ascii_case
    /// Whether a contact was added by hand or automatically.
    pub enum ContactType {
        /// `custom`: added through the API or the cockpit; can be removed.
        Custom = "custom",
        /// `auto`: added automatically; cannot be removed, only updated (e.g. disabled).
        Auto = "auto",
    }
}

/// A contact of the subscription (`GET /contacts/{threemaId}`, items of `GET /contacts`).
///
/// The schema names the Threema ID `threemaId`; list responses of live servers (and the spec's
/// own list example) name it `id`. Both are read (`threemaId` wins); it is written as
/// `threemaId`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(from = "ContactWire", rename_all = "camelCase")]
#[non_exhaustive]
pub struct Contact {
    /// Links (`detail`, `categories`, `subscription`).
    #[serde(rename = "_links", skip_serializing_if = "Links::is_empty")]
    pub links: Links,
    /// The contact's Threema ID (`threemaId` or `id`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub threema_id: Option<ThreemaId>,
    /// `custom` or `auto`.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub kind: Option<ContactType>,
    /// The first name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first_name: Option<String>,
    /// The last name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_name: Option<String>,
    /// Whether the contact is enabled.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct ContactWire {
    #[serde(default, rename = "_links")]
    links: Links,
    threema_id: Option<ThreemaId>,
    id: Option<ThreemaId>,
    #[serde(rename = "type")]
    kind: Option<ContactType>,
    first_name: Option<String>,
    last_name: Option<String>,
    enabled: Option<bool>,
}

impl From<ContactWire> for Contact {
    fn from(wire: ContactWire) -> Self {
        Self {
            links: wire.links,
            threema_id: wire.threema_id.or(wire.id),
            kind: wire.kind,
            first_name: wire.first_name,
            last_name: wire.last_name,
            enabled: wire.enabled,
        }
    }
}

impl Contact {
    /// An empty contact object (every field is optional on the wire).
    pub fn new() -> Self {
        Self::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn detail_schema_round_trips() {
        let value = json!({
            "_links": [
                {"ref": "detail", "link": "https://work.threema.ch/api/v1/contacts/ECHOECHO"},
                {"ref": "categories", "link": "https://work.threema.ch/api/v1/contacts/ECHOECHO/categories"}
            ],
            "threemaId": "ECHOECHO",
            "type": "auto",
            "firstName": "Echo",
            "lastName": "Ohce",
            "enabled": true
        });
        let c: Contact = serde_json::from_value(value.clone()).unwrap();
        assert_eq!(
            c.threema_id.as_ref().map(ThreemaId::as_str),
            Some("ECHOECHO")
        );
        assert_eq!(c.kind, Some(ContactType::Auto));
        assert_eq!(serde_json::to_value(&c).unwrap(), value);
    }

    #[test]
    fn drift_id_instead_of_threema_id_and_unknown_type() {
        // The ContactIndex example of the spec, as live list responses look.
        let c: Contact = serde_json::from_value(json!({
            "_links": [{"ref": "detail", "link": "https://work.threema.ch/api/v1/contacts/*THREEMA"}],
            "id": "*THREEMA",
            "type": "custom",
            "firstName": "Threema",
            "lastName": "Channel",
            "enabled": false
        }))
        .unwrap();
        assert!(c.threema_id.as_ref().unwrap().is_gateway());
        assert_eq!(c.kind, Some(ContactType::Custom));
        let both: Contact = serde_json::from_value(
            json!({"threemaId": "AAAAAAAA", "id": "BBBBBBBB", "type": "Bot"}),
        )
        .unwrap();
        assert_eq!(both.threema_id.unwrap().as_str(), "AAAAAAAA");
        assert_eq!(both.kind, Some(ContactType::Other("Bot".into())));
    }
}

//! `update/contact`: edit a contact (client → app) and the edited contact (app → client).
//!
//! Schema correction: the argument is `identity`, not `id` as the schema says: Threema Web
//! sends and the Android and iOS apps read `identity`; in the reply Android sends
//! `identity` and iOS `id`. [`IdentityArgs`] writes `identity` and reads either. Error
//! codes of the reply: `invalidContact`, `valueTooLong`, `notAllowedLinked`,
//! `notAllowedBusiness`.

use crate::api::macros::wire_message;
use crate::codec::Nullable;
use crate::error::Result;
use crate::model::receiver_ref::{max_bytes, non_empty_bytes, threema_id};
use crate::model::{Binary, Contact, IdentityArgs, ReceiverData};
use serde::{Deserialize, Serialize};

/// `update/contact` (client → app).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct UpdateContact {
    /// The contact.
    pub args: IdentityArgs,
    /// The changes.
    pub data: UpdateContactData,
}

/// The `data` of [`UpdateContact`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct UpdateContactData {
    /// The new first name (at most 256 bytes).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_name: Option<String>,
    /// The new last name (at most 256 bytes).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_name: Option<String>,
    /// The new high-resolution avatar (at most 512×512 px); `Null` removes it (iOS treats
    /// `nil` as delete).
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    pub avatar: Nullable<Binary>,
}

impl UpdateContact {
    /// Changes nothing yet on contact `identity`; set the `data` fields.
    pub fn new(identity: impl Into<String>) -> Self {
        Self {
            args: IdentityArgs::new(identity),
            data: UpdateContactData::default(),
        }
    }

    fn check(&self) -> Result<()> {
        threema_id("update/contact args.identity", &self.args.identity)?;
        if let Some(name) = &self.data.first_name {
            max_bytes("update/contact data.firstName", name, 256)?;
        }
        if let Some(name) = &self.data.last_name {
            max_bytes("update/contact data.lastName", name, 256)?;
        }
        if let Nullable::Value(avatar) = &self.data.avatar {
            non_empty_bytes("update/contact data.avatar", avatar)?;
        }
        Ok(())
    }
}

wire_message!(UpdateContact = "update" / "contact", [ToApp], args: required, data: required,
    validate: UpdateContact::check);

/// `update/contact` (app → client): the contact was changed.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct ContactUpdated {
    /// The contact (read from `identity` or `id`).
    pub args: IdentityArgs,
    /// The changed contact.
    pub data: ReceiverData<Contact>,
}

impl ContactUpdated {
    /// The reply for `contact`.
    pub fn new(contact: Contact) -> Self {
        Self {
            args: IdentityArgs::new(contact.id.clone()),
            data: ReceiverData::new(contact),
        }
    }
}

wire_message!(ContactUpdated = "update" / "contact", [FromApp], args: required,
    data: defaulted);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::{ArpMessage, Direction, Frame};
    use crate::codec::Ack;
    use crate::testutil::{assert_keys, at, decode_frame, frame_round_trip, map, sample_contact};
    use rmpv::Value;

    #[test]
    fn request_sends_identity_and_nil_avatar() {
        let mut request = UpdateContact::new("ECHOECHO");
        request.data.first_name = Some("Echo".into());
        request.data.avatar = Nullable::Null;
        let value = frame_round_trip(&Frame::new(request).with_id("u"), Direction::ToApp);
        assert_keys(&value, "args", &["identity", "temporaryId"]);
        assert_eq!(at(&value, "data.avatar"), &Value::Nil);
        let mut long = UpdateContact::new("ECHOECHO");
        long.data.last_name = Some("x".repeat(300));
        assert!(Frame::new(long).encode().is_err());
    }

    #[test]
    fn reply_accepts_ios_id_and_android_identity() {
        let frame = Frame::new(ContactUpdated::new(sample_contact())).with_ack(Ack::success("u"));
        frame_round_trip(&frame, Direction::FromApp);
        for key in ["id", "identity"] {
            let frame = decode_frame(
                &map(vec![
                    ("type", "update".into()),
                    ("subType", "contact".into()),
                    ("args", map(vec![(key, "ECHOECHO".into())])),
                    (
                        "ack",
                        map(vec![
                            ("id", "u".into()),
                            ("success", false.into()),
                            ("error", "notAllowedLinked".into()),
                        ]),
                    ),
                ]),
                Direction::FromApp,
            )
            .unwrap();
            let ArpMessage::ContactUpdated(reply) = frame.message else {
                panic!("wrong variant")
            };
            assert_eq!(reply.args.identity, "ECHOECHO");
            assert_eq!(frame.ack, Some(Ack::failure("u", "notAllowedLinked")));
        }
    }
}

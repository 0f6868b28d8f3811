//! `create/contact`: create a contact (client → app) and the created contact (app → client).
//!
//! Error codes of the reply: `invalidIdentity`, `disabledByPolicy`.

use crate::api::macros::wire_message;
use crate::error::Result;
use crate::model::receiver_ref::threema_id;
use crate::model::{Contact, IdentityArgs, ReceiverData};
use serde::{Deserialize, Serialize};

/// `create/contact` (client → app): add a contact by Threema ID.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct CreateContact {
    /// The contact to add.
    pub data: CreateContactData,
}

/// The `data` of [`CreateContact`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CreateContactData {
    /// The Threema ID to add.
    pub identity: String,
}

impl CreateContact {
    /// Adds the contact `identity`.
    pub fn new(identity: impl Into<String>) -> Self {
        Self {
            data: CreateContactData {
                identity: identity.into(),
            },
        }
    }

    fn check(&self) -> Result<()> {
        threema_id("create/contact data.identity", &self.data.identity)
    }
}

wire_message!(CreateContact = "create" / "contact", [ToApp], data: required,
    validate: CreateContact::check);

/// `create/contact` (app → client): the contact was created. On error the `ack` carries the
/// code and `data` may be empty.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct ContactCreated {
    /// The identity that was added.
    pub args: IdentityArgs,
    /// The new contact (may lack its `type`; it is always a contact).
    pub data: ReceiverData<Contact>,
}

impl ContactCreated {
    /// The reply for `contact`.
    pub fn new(contact: Contact) -> Self {
        Self {
            args: IdentityArgs::new(contact.id.clone()),
            data: ReceiverData::new(contact),
        }
    }
}

wire_message!(ContactCreated = "create" / "contact", [FromApp], args: required,
    data: defaulted);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::{ArpMessage, Direction, Frame};
    use crate::codec::Ack;
    use crate::testutil::{
        assert_bin, assert_keys, decode_frame, frame_round_trip, map, sample_contact,
    };
    use rmpv::Value;

    #[test]
    fn request_round_trips_and_validates() {
        let frame = Frame::new(CreateContact::new("ECHOECHO")).with_id("abcdef");
        let value = frame_round_trip(&frame, Direction::ToApp);
        assert_keys(&value, "data", &["identity"]);
        assert!(Frame::new(CreateContact::new("echo")).encode().is_err());
    }

    #[test]
    fn reply_round_trips() {
        let frame =
            Frame::new(ContactCreated::new(sample_contact())).with_ack(Ack::success("abcdef"));
        let value = frame_round_trip(&frame, Direction::FromApp);
        assert_keys(&value, "args", &["identity"]);
        assert_bin(&value, "data.receiver.publicKey", &[9; 32]);
    }

    #[test]
    fn an_android_error_reply_without_data_decodes() {
        let frame = decode_frame(
            &map(vec![
                ("type", "create".into()),
                ("subType", "contact".into()),
                (
                    "args",
                    map(vec![
                        ("identity", "ECHOECHO".into()),
                        ("temporaryId", "abcdef".into()),
                        ("success", false.into()),
                        ("error", "invalidIdentity".into()),
                    ]),
                ),
                ("data", Value::Nil),
            ]),
            Direction::FromApp,
        )
        .unwrap();
        assert_eq!(frame.ack, Some(Ack::failure("abcdef", "invalidIdentity")));
        let ArpMessage::ContactCreated(reply) = frame.message else {
            panic!("wrong variant")
        };
        assert_eq!(reply.data.receiver, None);
    }
}

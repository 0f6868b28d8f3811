//! `response/contactDetail`: details of a contact (app → client). Error code
//! `invalidContact`.

use crate::api::macros::wire_message;
use crate::model::{ContactDetails, IdentityArgs, ReceiverData};

/// `response/contactDetail` (app → client).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ResponseContactDetail {
    /// The contact.
    pub args: IdentityArgs,
    /// The details (`{receiver: ContactDetails}`; empty in error replies).
    pub data: ReceiverData<ContactDetails>,
}

impl ResponseContactDetail {
    /// The details of `identity`.
    pub fn new(identity: impl Into<String>, details: ContactDetails) -> Self {
        Self {
            args: IdentityArgs::new(identity),
            data: ReceiverData::new(details),
        }
    }
}

wire_message!(ResponseContactDetail = "response" / "contactDetail", [FromApp],
    args: required, data: defaulted);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::{Direction, Frame};
    use crate::codec::Ack;
    use crate::model::{Email, SystemContact};
    use crate::testutil::{assert_keys, frame_round_trip};

    #[test]
    fn round_trips() {
        let mut system = SystemContact::new();
        system.emails.push(Email::new("home", "e@example.org"));
        let reply = ResponseContactDetail::new("ECHOECHO", ContactDetails::new(Some(system)));
        let value = frame_round_trip(
            &Frame::new(reply).with_ack(Ack::success("d")),
            Direction::FromApp,
        );
        assert_keys(&value, "data.receiver", &["systemContact"]);
    }
}

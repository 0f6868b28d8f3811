//! `request/contactDetail`: details of a contact, such as its system contact (client →
//! app). Answered by `response/contactDetail`.

use crate::api::macros::wire_message;
use crate::error::Result;
use crate::model::IdentityArgs;
use crate::model::receiver_ref::threema_id;

/// `request/contactDetail` (client → app).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct RequestContactDetail {
    /// The contact.
    pub args: IdentityArgs,
}

impl RequestContactDetail {
    /// The details of `identity`.
    pub fn new(identity: impl Into<String>) -> Self {
        Self {
            args: IdentityArgs::new(identity),
        }
    }

    fn check(&self) -> Result<()> {
        threema_id("request/contactDetail args.identity", &self.args.identity)
    }
}

wire_message!(RequestContactDetail = "request" / "contactDetail", [ToApp], args: required,
    validate: RequestContactDetail::check);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::{Direction, Frame};
    use crate::testutil::{assert_keys, frame_round_trip};

    #[test]
    fn round_trips() {
        let value = frame_round_trip(
            &Frame::new(RequestContactDetail::new("ECHOECHO")),
            Direction::ToApp,
        );
        assert_keys(&value, "args", &["identity"]);
    }
}

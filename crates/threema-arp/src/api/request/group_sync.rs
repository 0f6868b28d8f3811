//! `request/groupSync`: re-synchronise a group (client → app). Confirmed by
//! `update/confirm` after the control messages were delivered; error codes `invalidGroup`,
//! `notAllowed`, `syncFailed`.

use crate::api::macros::wire_message;
use crate::error::Result;
use crate::model::IdArgs;
use crate::model::receiver_ref::non_empty;

/// `request/groupSync` (client → app).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct RequestGroupSync {
    /// The group id.
    pub args: IdArgs,
}

impl RequestGroupSync {
    /// Syncs the group `id`.
    pub fn new(id: impl Into<String>) -> Self {
        Self {
            args: IdArgs::new(id),
        }
    }

    fn check(&self) -> Result<()> {
        non_empty("request/groupSync args.id", &self.args.id)
    }
}

wire_message!(RequestGroupSync = "request" / "groupSync", [ToApp], args: required,
    validate: RequestGroupSync::check);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::{Direction, Frame};
    use crate::testutil::{assert_keys, frame_round_trip};

    #[test]
    fn round_trips() {
        let value = frame_round_trip(&Frame::new(RequestGroupSync::new("17")), Direction::ToApp);
        assert_keys(&value, "args", &["id"]);
    }
}

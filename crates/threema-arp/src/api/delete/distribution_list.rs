//! `delete/distributionList`: delete a distribution list (client → app). Confirmed by
//! `update/confirm`; error codes `invalidDistributionList`, `badRequest`.

use crate::api::macros::wire_message;
use crate::error::Result;
use crate::model::IdArgs;
use crate::model::receiver_ref::non_empty;

/// `delete/distributionList` (client → app).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct DeleteDistributionList {
    /// The distribution list id.
    pub args: IdArgs,
}

impl DeleteDistributionList {
    /// Deletes the list `id`.
    pub fn new(id: impl Into<String>) -> Self {
        Self {
            args: IdArgs::new(id),
        }
    }

    fn check(&self) -> Result<()> {
        non_empty("delete/distributionList args.id", &self.args.id)
    }
}

wire_message!(DeleteDistributionList = "delete" / "distributionList", [ToApp],
    args: required, validate: DeleteDistributionList::check);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::{Direction, Frame};
    use crate::testutil::{assert_keys, frame_round_trip};

    #[test]
    fn round_trips() {
        let frame = Frame::new(DeleteDistributionList::new("3")).with_id("d");
        let value = frame_round_trip(&frame, Direction::ToApp);
        assert_keys(&value, "args", &["id", "temporaryId"]);
        assert!(
            Frame::new(DeleteDistributionList::new(""))
                .encode()
                .is_err()
        );
    }
}

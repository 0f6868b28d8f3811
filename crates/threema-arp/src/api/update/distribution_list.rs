//! `update/distributionList`: edit a distribution list (client → app) and the edited list
//! (app → client). Error codes of the reply: `invalidDistributionList`, `noMembers`,
//! `valueTooLong`, `badRequest`.

use crate::api::macros::wire_message;
use crate::error::Result;
use crate::model::receiver_ref::non_empty;
use crate::model::{DistributionList, IdArgs, MembersChange, ReceiverData};

/// `update/distributionList` (client → app).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct UpdateDistributionList {
    /// The list id.
    pub args: IdArgs,
    /// The new state.
    pub data: UpdateDistributionListData,
}

/// The `data` of [`UpdateDistributionList`].
pub type UpdateDistributionListData = MembersChange;

impl UpdateDistributionList {
    /// Sets the members of list `id` (name and avatar unchanged).
    pub fn new(id: impl Into<String>, members: Vec<String>) -> Self {
        Self {
            args: IdArgs::new(id),
            data: MembersChange::new(members),
        }
    }

    fn check(&self) -> Result<()> {
        non_empty("update/distributionList args.id", &self.args.id)?;
        self.data.check("update/distributionList")
    }
}

wire_message!(UpdateDistributionList = "update" / "distributionList", [ToApp],
    args: required, data: required, validate: UpdateDistributionList::check);

/// `update/distributionList` (app → client): the list was changed.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct DistributionListUpdated {
    /// The list id.
    pub args: IdArgs,
    /// The changed list.
    pub data: ReceiverData<DistributionList>,
}

impl DistributionListUpdated {
    /// The reply for `list`.
    pub fn new(list: DistributionList) -> Self {
        Self {
            args: IdArgs::new(list.id.clone()),
            data: ReceiverData::new(list),
        }
    }
}

wire_message!(DistributionListUpdated = "update" / "distributionList", [FromApp],
    args: required, data: defaulted);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::{Direction, Frame};
    use crate::codec::{Ack, Nullable};
    use crate::testutil::{assert_keys, at, frame_round_trip, sample_distribution_list};
    use rmpv::Value;

    #[test]
    fn request_distinguishes_clear_from_keep() {
        let mut request = UpdateDistributionList::new("3", vec!["ECHOECHO".into()]);
        request.data.name = Nullable::Null;
        let value = frame_round_trip(&Frame::new(request), Direction::ToApp);
        assert_keys(&value, "data", &["members", "name"]);
        assert_eq!(at(&value, "data.name"), &Value::Nil);
        assert!(
            Frame::new(UpdateDistributionList::new("3", vec![]))
                .encode()
                .is_err()
        );
    }

    #[test]
    fn reply_round_trips() {
        let reply = DistributionListUpdated::new(sample_distribution_list());
        frame_round_trip(
            &Frame::new(reply).with_ack(Ack::success("l")),
            Direction::FromApp,
        );
    }
}

//! `update/group`: edit a group (client → app) and the edited group (app → client), sent
//! after the control messages were delivered. Error codes of the reply: `invalidGroup`,
//! `noMembers`, `notAllowed`, `valueTooLong`, `badRequest`.

use crate::api::macros::wire_message;
use crate::error::Result;
use crate::model::receiver_ref::non_empty;
use crate::model::{Group, IdArgs, MembersChange, ReceiverData};

/// `update/group` (client → app).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct UpdateGroup {
    /// The group id.
    pub args: IdArgs,
    /// The new state.
    pub data: UpdateGroupData,
}

/// The `data` of [`UpdateGroup`].
pub type UpdateGroupData = MembersChange;

impl UpdateGroup {
    /// Sets the members of group `id` (name and avatar unchanged).
    pub fn new(id: impl Into<String>, members: Vec<String>) -> Self {
        Self {
            args: IdArgs::new(id),
            data: MembersChange::new(members),
        }
    }

    fn check(&self) -> Result<()> {
        non_empty("update/group args.id", &self.args.id)?;
        self.data.check("update/group")
    }
}

wire_message!(UpdateGroup = "update" / "group", [ToApp], args: required, data: required,
    validate: UpdateGroup::check);

/// `update/group` (app → client): the group was changed.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct GroupUpdated {
    /// The group id.
    pub args: IdArgs,
    /// The changed group.
    pub data: ReceiverData<Group>,
}

impl GroupUpdated {
    /// The reply for `group`.
    pub fn new(group: Group) -> Self {
        Self {
            args: IdArgs::new(group.id.clone()),
            data: ReceiverData::new(group),
        }
    }
}

wire_message!(GroupUpdated = "update" / "group", [FromApp], args: required, data: defaulted);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::{Direction, Frame};
    use crate::codec::{Ack, Nullable};
    use crate::testutil::{assert_bin, assert_keys, frame_round_trip, sample_group};

    #[test]
    fn request_round_trips_with_name_and_avatar() {
        let mut request = UpdateGroup::new("17", vec!["ECHOECHO".into()]);
        request.data.name = Nullable::Value("New".into());
        request.data.avatar = Nullable::Value(vec![7].into());
        let value = frame_round_trip(&Frame::new(request), Direction::ToApp);
        assert_keys(&value, "data", &["members", "name", "avatar"]);
        assert_bin(&value, "data.avatar", &[7]);
    }

    #[test]
    fn reply_round_trips() {
        let reply = GroupUpdated::new(sample_group());
        frame_round_trip(
            &Frame::new(reply).with_ack(Ack::success("g")),
            Direction::FromApp,
        );
    }
}

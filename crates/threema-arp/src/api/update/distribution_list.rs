//! `update/distributionList`: edit a distribution list (client → app) and the edited list
//! (app → client). Error codes of the reply: `invalidDistributionList`, `noMembers`,
//! `valueTooLong`, `badRequest`.

use crate::api::macros::wire_message;
use crate::codec::Nullable;
use crate::error::Result;
use crate::model::receiver_ref::{check_members, max_bytes, non_empty, non_empty_bytes};
use crate::model::{Binary, DistributionList, IdArgs, ReceiverData};
use serde::{Deserialize, Serialize};

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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct UpdateDistributionListData {
    /// The members (required: the full new member list).
    #[serde(default, deserialize_with = "crate::codec::nil_default")]
    pub members: Vec<String>,
    /// The name (at most 256 bytes); `Null` clears it.
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    pub name: Nullable<String>,
    /// The avatar; `Null` clears it.
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    pub avatar: Nullable<Binary>,
}

impl UpdateDistributionList {
    /// Sets the members of list `id` (name and avatar unchanged).
    pub fn new(id: impl Into<String>, members: Vec<String>) -> Self {
        Self {
            args: IdArgs::new(id),
            data: UpdateDistributionListData {
                members,
                name: Nullable::Absent,
                avatar: Nullable::Absent,
            },
        }
    }

    fn check(&self) -> Result<()> {
        non_empty("update/distributionList args.id", &self.args.id)?;
        check_members("update/distributionList data.members", &self.data.members)?;
        if let Nullable::Value(name) = &self.data.name {
            max_bytes("update/distributionList data.name", name, 256)?;
        }
        if let Nullable::Value(avatar) = &self.data.avatar {
            non_empty_bytes("update/distributionList data.avatar", avatar)?;
        }
        Ok(())
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
    use crate::codec::Ack;
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

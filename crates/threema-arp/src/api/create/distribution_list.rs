//! `create/distributionList`: create a distribution list (client → app) and the created
//! list (app → client).
//!
//! Error codes of the reply: `valueTooLong`, `badRequest`.

use crate::api::macros::wire_message;
use crate::error::Result;
use crate::model::receiver_ref::{check_members, max_bytes};
use crate::model::{DistributionList, ReceiverData};
use serde::{Deserialize, Serialize};

/// `create/distributionList` (client → app).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct CreateDistributionList {
    /// The members and name.
    pub data: CreateDistributionListData,
}

/// The `data` of [`CreateDistributionList`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CreateDistributionListData {
    /// The member identities.
    #[serde(default, deserialize_with = "crate::codec::nil_default")]
    pub members: Vec<String>,
    /// The name (at most 256 bytes). Threema Web sends `nil` when there is none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

impl CreateDistributionList {
    /// A list of `members` without a name.
    pub fn new(members: Vec<String>) -> Self {
        Self {
            data: CreateDistributionListData {
                members,
                name: None,
            },
        }
    }

    /// Sets the name.
    #[must_use]
    pub fn with_name(mut self, name: impl Into<String>) -> Self {
        self.data.name = Some(name.into());
        self
    }

    fn check(&self) -> Result<()> {
        check_members("create/distributionList data.members", &self.data.members)?;
        if let Some(name) = &self.data.name {
            max_bytes("create/distributionList data.name", name, 256)?;
        }
        Ok(())
    }
}

wire_message!(CreateDistributionList = "create" / "distributionList", [ToApp],
    data: required, validate: CreateDistributionList::check);

/// `create/distributionList` (app → client): the list was created.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct DistributionListCreated {
    /// The new list.
    pub data: ReceiverData<DistributionList>,
}

impl DistributionListCreated {
    /// The reply for `list`.
    pub fn new(list: DistributionList) -> Self {
        Self {
            data: ReceiverData::new(list),
        }
    }
}

wire_message!(DistributionListCreated = "create" / "distributionList", [FromApp],
    data: defaulted);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::{Direction, Frame};
    use crate::codec::Ack;
    use crate::testutil::{assert_keys, frame_round_trip, sample_distribution_list};

    #[test]
    fn request_round_trips_and_validates() {
        let request = CreateDistributionList::new(vec!["ECHOECHO".into()]).with_name("Friends");
        let value = frame_round_trip(&Frame::new(request).with_id("x"), Direction::ToApp);
        assert_keys(&value, "data", &["members", "name"]);
        assert!(
            Frame::new(CreateDistributionList::new(vec![]))
                .encode()
                .is_err()
        );
        let long = CreateDistributionList::new(vec!["ECHOECHO".into()]).with_name("x".repeat(257));
        assert!(Frame::new(long).encode().is_err());
    }

    #[test]
    fn reply_round_trips() {
        let frame = Frame::new(DistributionListCreated::new(sample_distribution_list()))
            .with_ack(Ack::success("x"));
        let value = frame_round_trip(&frame, Direction::FromApp);
        assert_keys(&value, "data", &["receiver"]);
    }
}

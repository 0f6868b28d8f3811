//! `response/receivers`: all contacts, groups and distribution lists (app → client).

use crate::api::macros::wire_message;
use crate::model::{Contact, DistributionList, Group};
use serde::{Deserialize, Serialize};

/// `response/receivers` (app → client).
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct ResponseReceivers {
    /// The receivers by type.
    pub data: ReceiverLists,
}

/// The `data` of [`ResponseReceivers`].
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ReceiverLists {
    /// The contacts.
    #[serde(default, deserialize_with = "crate::codec::nil_default")]
    pub contact: Vec<Contact>,
    /// The groups.
    #[serde(default, deserialize_with = "crate::codec::nil_default")]
    pub group: Vec<Group>,
    /// The distribution lists.
    #[serde(default, deserialize_with = "crate::codec::nil_default")]
    pub distribution_list: Vec<DistributionList>,
}

impl ResponseReceivers {
    /// The reply with these receivers.
    pub fn new(
        contact: Vec<Contact>,
        group: Vec<Group>,
        distribution_list: Vec<DistributionList>,
    ) -> Self {
        Self {
            data: ReceiverLists {
                contact,
                group,
                distribution_list,
            },
        }
    }
}

wire_message!(ResponseReceivers = "response" / "receivers", [FromApp], data: required);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::{Direction, Frame};
    use crate::testutil::{
        assert_bin, assert_keys, frame_round_trip, sample_contact, sample_distribution_list,
        sample_group,
    };

    #[test]
    fn round_trips() {
        let reply = ResponseReceivers::new(
            vec![sample_contact()],
            vec![sample_group()],
            vec![sample_distribution_list()],
        );
        let value = frame_round_trip(&Frame::new(reply), Direction::FromApp);
        assert_keys(&value, "data", &["contact", "group", "distributionList"]);
        assert_bin(&value, "data.contact.0.publicKey", &[9; 32]);
    }
}

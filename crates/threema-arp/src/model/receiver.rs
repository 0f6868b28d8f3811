//! [`Receiver`]: a contact, a group or a distribution list.

use super::{Contact, DistributionList, Group, ReceiverType};
use crate::codec::{from_value, map_get};
use crate::error::Result;
use rmpv::Value;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// One receiver: the `Map<Receiver>` of `Conversation.receiver` and the data of
/// `update/receiver` and `update/receivers`.
///
/// When the receiver type is known from context (`args.type` of `update/receiver` and
/// `update/receivers`), the messages decode it as that type. The serde `Deserialize` impl
/// (used inside `Conversation`) looks at an embedded `type` key and otherwise at the shape of
/// the map; a map it cannot place is kept as [`Receiver::Unknown`].
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Receiver {
    /// A contact.
    Contact(Box<Contact>),
    /// A group.
    Group(Group),
    /// A distribution list.
    DistributionList(DistributionList),
    /// A receiver of a type this crate does not know (or that did not decode), kept raw.
    Unknown(Value),
}

impl Receiver {
    /// Decodes `value` as a receiver of `receiver_type`. Errors name `what` and the path
    /// below `prefix`.
    pub(crate) fn decode_as(
        receiver_type: &ReceiverType,
        value: Value,
        what: &str,
        prefix: &str,
    ) -> Result<Self> {
        Ok(match receiver_type {
            ReceiverType::Contact => Self::Contact(Box::new(from_value(value, what, prefix)?)),
            ReceiverType::Group => Self::Group(from_value(value, what, prefix)?),
            ReceiverType::DistributionList => {
                Self::DistributionList(from_value(value, what, prefix)?)
            }
            ReceiverType::Me | ReceiverType::Other(_) => Self::Unknown(value),
        })
    }

    /// The receiver type of this receiver (`None` for [`Receiver::Unknown`]).
    pub fn receiver_type(&self) -> Option<ReceiverType> {
        match self {
            Self::Contact(_) => Some(ReceiverType::Contact),
            Self::Group(_) => Some(ReceiverType::Group),
            Self::DistributionList(_) => Some(ReceiverType::DistributionList),
            Self::Unknown(_) => None,
        }
    }

    /// The receiver id (`None` for [`Receiver::Unknown`] maps without a string `id`).
    pub fn id(&self) -> Option<&str> {
        match self {
            Self::Contact(contact) => Some(&contact.id),
            Self::Group(group) => Some(&group.id),
            Self::DistributionList(list) => Some(&list.id),
            Self::Unknown(value) => map_get(value, "id").and_then(Value::as_str),
        }
    }

    /// Guesses the type of a receiver map without context: an embedded `type`, else the
    /// shape (`administrator` → group, `publicKey` → contact, `members` → list).
    fn guess_type(value: &Value) -> Option<ReceiverType> {
        if let Some(kind) = map_get(value, "type").and_then(Value::as_str) {
            return Some(ReceiverType::from(kind));
        }
        if map_get(value, "administrator").is_some() {
            Some(ReceiverType::Group)
        } else if map_get(value, "publicKey").is_some() {
            Some(ReceiverType::Contact)
        } else if map_get(value, "members").is_some() {
            Some(ReceiverType::DistributionList)
        } else {
            None
        }
    }
}

impl From<Contact> for Receiver {
    fn from(contact: Contact) -> Self {
        Self::Contact(Box::new(contact))
    }
}

impl From<Group> for Receiver {
    fn from(group: Group) -> Self {
        Self::Group(group)
    }
}

impl From<DistributionList> for Receiver {
    fn from(list: DistributionList) -> Self {
        Self::DistributionList(list)
    }
}

impl Serialize for Receiver {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Contact(contact) => contact.serialize(serializer),
            Self::Group(group) => group.serialize(serializer),
            Self::DistributionList(list) => list.serialize(serializer),
            Self::Unknown(value) => value.serialize(serializer),
        }
    }
}

impl<'de> Deserialize<'de> for Receiver {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = Value::deserialize(deserializer)?;
        let Some(receiver_type) = Self::guess_type(&value) else {
            return Ok(Self::Unknown(value));
        };
        // A receiver that does not decode is kept raw rather than failing its conversation.
        Ok(
            Self::decode_as(&receiver_type, value.clone(), "receiver", "")
                .unwrap_or(Self::Unknown(value)),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::{
        decode_value, map, round_trip, sample_contact, sample_distribution_list, sample_group,
    };

    #[test]
    fn round_trips_every_kind_by_shape() {
        for receiver in [
            Receiver::from(sample_contact()),
            Receiver::from(sample_group()),
            Receiver::from(sample_distribution_list()),
            Receiver::Unknown(map(vec![("id", "x".into())])),
        ] {
            round_trip(&receiver);
        }
        assert_eq!(
            Receiver::from(sample_group()).receiver_type(),
            Some(ReceiverType::Group)
        );
        assert_eq!(
            Receiver::Unknown(map(vec![("id", "x".into())])).id(),
            Some("x")
        );
    }

    #[test]
    fn an_embedded_type_wins_and_broken_receivers_stay_raw() {
        let raw = map(vec![("type", "group".into()), ("id", "1".into())]);
        let receiver: Receiver = decode_value(&raw);
        assert_eq!(receiver, Receiver::Unknown(raw));
        let error = Receiver::decode_as(
            &ReceiverType::Contact,
            map(vec![("id", "x".into())]),
            "update/receiver (app → client)",
            "data",
        )
        .unwrap_err();
        assert!(error.to_string().contains("at `data`"), "{error}");
    }
}

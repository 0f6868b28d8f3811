//! [`ReceiverRef`]: the `args` pair `type` + `id` that addresses a receiver.

use super::ReceiverType;
use crate::error::{Error, Result};
use serde::{Deserialize, Serialize};

/// Addresses a receiver (a conversation): the spec aliases `receiverType` + `receiverId`.
/// The pair is the key; `id` is a Threema ID for contacts and an opaque app-chosen string
/// for groups and distribution lists.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ReceiverRef {
    /// The receiver type.
    #[serde(rename = "type")]
    pub receiver_type: ReceiverType,
    /// The receiver id.
    pub id: String,
}

impl ReceiverRef {
    /// A receiver of the given type and id.
    pub fn new(receiver_type: ReceiverType, id: impl Into<String>) -> Self {
        Self {
            receiver_type,
            id: id.into(),
        }
    }

    /// A contact.
    pub fn contact(identity: impl Into<String>) -> Self {
        Self::new(ReceiverType::Contact, identity)
    }

    /// A group.
    pub fn group(id: impl Into<String>) -> Self {
        Self::new(ReceiverType::Group, id)
    }

    /// A distribution list.
    pub fn distribution_list(id: impl Into<String>) -> Self {
        Self::new(ReceiverType::DistributionList, id)
    }

    /// Validates a receiver built by the user (`field` names the message for errors): a
    /// contact's id is a Threema ID; group and distribution-list ids are opaque but not
    /// empty.
    pub(crate) fn check(&self, field: &str, allow_me: bool) -> Result<()> {
        self.receiver_type
            .check(&format!("{field} args.type"), allow_me)?;
        let id_field = format!("{field} args.id");
        match self.receiver_type {
            ReceiverType::Contact => threema_id(&id_field, &self.id),
            _ => non_empty(&id_field, &self.id),
        }
    }
}

/// Validates that a user-built string is not empty.
pub(crate) fn non_empty(field: &str, value: &str) -> Result<()> {
    if value.is_empty() {
        return Err(Error::invalid(field, "must not be empty"));
    }
    Ok(())
}

/// Validates that a user-built string has at most `max` UTF-8 bytes.
pub(crate) fn max_bytes(field: &str, value: &str, max: usize) -> Result<()> {
    if value.len() > max {
        return Err(Error::invalid(
            field,
            format!("is {} bytes long, at most {max} are allowed", value.len()),
        ));
    }
    Ok(())
}

/// Validates a Threema ID built by the user: 8 characters, `A`–`Z`, `0`–`9` or `*`.
pub(crate) fn threema_id(field: &str, value: &str) -> Result<()> {
    let valid = value.len() == 8
        && value
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'*');
    if !valid {
        return Err(Error::invalid(
            field,
            format!("`{value}` is not a Threema ID (8 characters A-Z, 0-9 or *)"),
        ));
    }
    Ok(())
}

/// Validates a user-built, non-empty list of Threema IDs.
pub(crate) fn check_members(field: &str, members: &[String]) -> Result<()> {
    if members.is_empty() {
        return Err(Error::invalid(field, "must not be empty"));
    }
    members
        .iter()
        .try_for_each(|member| threema_id(field, member))
}

/// Validates user-built bytes (an avatar, a file) that must not be empty.
pub(crate) fn non_empty_bytes(field: &str, bytes: &[u8]) -> Result<()> {
    if bytes.is_empty() {
        return Err(Error::invalid(field, "must not be empty"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::{assert_keys, round_trip};

    #[test]
    fn round_trips_with_type_and_id_keys() {
        let value = round_trip(&ReceiverRef::group("17"));
        assert_keys(&value, "", &["type", "id"]);
        round_trip(&ReceiverRef::new(ReceiverType::Other("bot".into()), "x"));
    }

    #[test]
    fn validates_user_input() {
        assert!(ReceiverRef::contact("ECHOECHO").check("m", false).is_ok());
        assert!(ReceiverRef::contact("").check("m", false).is_err());
        assert!(ReceiverRef::contact("echo").check("m", false).is_err());
        assert!(ReceiverRef::group("17").check("m", false).is_ok());
        assert!(ReceiverRef::group("").check("m", false).is_err());
        assert!(
            ReceiverRef::new(ReceiverType::Me, "ME")
                .check("m", false)
                .is_err()
        );
        assert!(threema_id("f", "*THREEMA").is_ok());
        assert!(threema_id("f", "echoecho").is_err());
        assert!(threema_id("f", "ECHO").is_err());
        assert!(max_bytes("f", "ééé", 5).is_err());
        assert!(max_bytes("f", "éé", 4).is_ok());
    }
}

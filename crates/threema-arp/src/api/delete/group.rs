//! `delete/group`: leave or delete a group (client → app). Confirmed by `update/confirm`
//! after the control messages were delivered; error codes `invalidGroup`, `alreadyLeft`,
//! `notAllowed` (only the administrator may delete), `badRequest`.

use crate::api::macros::wire_message;
use crate::codec::string_enum;
use crate::error::{Error, Result};
use crate::model::receiver_ref::non_empty;
use serde::{Deserialize, Serialize};

string_enum! {
    /// Whether to leave or delete a group.
    pub enum DeleteType {
        /// Leave the group.
        Leave = "leave",
        /// Delete the group (administrator only).
        Delete = "delete",
    }
}

/// `delete/group` (client → app).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct DeleteGroup {
    /// The group and the mode.
    pub args: DeleteGroupArgs,
}

/// The `args` of [`DeleteGroup`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct DeleteGroupArgs {
    /// The group id.
    pub id: String,
    /// Leave or delete.
    pub delete_type: DeleteType,
}

impl DeleteGroup {
    /// Leaves or deletes the group `id`.
    pub fn new(id: impl Into<String>, delete_type: DeleteType) -> Self {
        Self {
            args: DeleteGroupArgs {
                id: id.into(),
                delete_type,
            },
        }
    }

    fn check(&self) -> Result<()> {
        non_empty("delete/group args.id", &self.args.id)?;
        if !self.args.delete_type.is_known() {
            return Err(Error::invalid(
                "delete/group args.deleteType",
                format!("unknown delete type `{}`", self.args.delete_type),
            ));
        }
        Ok(())
    }
}

wire_message!(DeleteGroup = "delete" / "group", [ToApp], args: required,
    validate: DeleteGroup::check);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::{Direction, Frame};
    use crate::testutil::{at, frame_round_trip};
    use rmpv::Value;

    #[test]
    fn round_trips_both_modes() {
        for (mode, wire) in [(DeleteType::Leave, "leave"), (DeleteType::Delete, "delete")] {
            let value =
                frame_round_trip(&Frame::new(DeleteGroup::new("17", mode)), Direction::ToApp);
            assert_eq!(at(&value, "args.deleteType"), &Value::from(wire));
        }
        let odd = DeleteGroup::new("17", DeleteType::Other("archive".into()));
        assert!(Frame::new(odd).encode().is_err());
    }
}

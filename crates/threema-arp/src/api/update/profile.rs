//! `update/profile`: change the user's profile (client → app; confirmed by
//! `update/confirm`; error codes `invalidAvatar`, `valueTooLong`) and the profile changed
//! (app → client). Both directions carry the same `data`.

use crate::api::macros::wire_message;
use crate::codec::Nullable;
use crate::error::Result;
use crate::model::Binary;
use crate::model::receiver_ref::{max_bytes, non_empty_bytes};
use serde::{Deserialize, Serialize};

/// `update/profile` (client → app).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct UpdateProfile {
    /// The changes.
    pub data: ProfileChange,
}

/// `update/profile` (app → client).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct ProfileUpdated {
    /// The changes.
    pub data: ProfileChange,
}

/// The `data` of [`UpdateProfile`] and [`ProfileUpdated`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ProfileChange {
    /// The public nickname (at most 32 bytes).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub public_nickname: Option<String>,
    /// The high-resolution avatar (PNG, at most 512×512 px); `Null` removes it.
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    pub avatar: Nullable<Binary>,
}

impl UpdateProfile {
    /// Changes nothing yet; set the `data` fields.
    pub fn new() -> Self {
        Self::default()
    }

    fn check(&self) -> Result<()> {
        if let Some(nickname) = &self.data.public_nickname {
            max_bytes("update/profile data.publicNickname", nickname, 32)?;
        }
        if let Nullable::Value(avatar) = &self.data.avatar {
            non_empty_bytes("update/profile data.avatar", avatar)?;
        }
        Ok(())
    }
}

impl ProfileUpdated {
    /// The profile changed.
    pub fn new(change: ProfileChange) -> Self {
        Self { data: change }
    }
}

wire_message!(UpdateProfile = "update" / "profile", [ToApp], data: required,
    validate: UpdateProfile::check);
wire_message!(ProfileUpdated = "update" / "profile", [FromApp], data: required);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::{Direction, Frame};
    use crate::testutil::{assert_keys, at, frame_round_trip};
    use rmpv::Value;

    #[test]
    fn both_directions_round_trip() {
        let mut request = UpdateProfile::new();
        request.data.public_nickname = Some("Echo".into());
        request.data.avatar = Nullable::Null;
        let value = frame_round_trip(&Frame::new(request), Direction::ToApp);
        assert_keys(&value, "data", &["publicNickname", "avatar"]);
        assert_eq!(at(&value, "data.avatar"), &Value::Nil);
        let change = ProfileChange {
            avatar: Nullable::Value(vec![1].into()),
            ..ProfileChange::default()
        };
        frame_round_trip(&Frame::new(ProfileUpdated::new(change)), Direction::FromApp);
        let mut long = UpdateProfile::new();
        long.data.public_nickname = Some("x".repeat(33));
        assert!(Frame::new(long).encode().is_err());
    }
}

//! `response/profile`: the user's own profile (app → client).

use crate::api::macros::wire_message;
use crate::model::Binary;
use serde::{Deserialize, Serialize};

/// `response/profile` (app → client).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ResponseProfile {
    /// The profile.
    pub data: Profile,
}

/// The `data` of [`ResponseProfile`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Profile {
    /// The user's Threema ID.
    pub identity: String,
    /// The user's public key (32 bytes).
    pub public_key: Binary,
    /// The public nickname (Threema Web treats a nickname equal to the identity as unset).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub public_nickname: Option<String>,
    /// The high-resolution avatar.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub avatar: Option<Binary>,
}

impl ResponseProfile {
    /// The profile of `identity`.
    pub fn new(identity: impl Into<String>, public_key: impl Into<Binary>) -> Self {
        Self {
            data: Profile {
                identity: identity.into(),
                public_key: public_key.into(),
                public_nickname: None,
                avatar: None,
            },
        }
    }
}

wire_message!(ResponseProfile = "response" / "profile", [FromApp], data: required);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::{Direction, Frame};
    use crate::testutil::{assert_bin, assert_keys, frame_round_trip};

    #[test]
    fn round_trips_with_bin_key_and_avatar() {
        let mut reply = ResponseProfile::new("ECHOECHO", [5u8; 32]);
        reply.data.public_nickname = Some("Echo".into());
        reply.data.avatar = Some(vec![0x89, 0x50].into());
        let value = frame_round_trip(&Frame::new(reply), Direction::FromApp);
        assert_keys(
            &value,
            "data",
            &["identity", "publicKey", "publicNickname", "avatar"],
        );
        assert_bin(&value, "data.publicKey", &[5; 32]);
        assert_bin(&value, "data.avatar", &[0x89, 0x50]);
    }
}

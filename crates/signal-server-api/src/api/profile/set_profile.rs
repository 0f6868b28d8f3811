//! `PUT /v1/profile` — sets a new profile version.

use crate::api::{Operation, OperationInfo};
use crate::auth::AuthMode;
use crate::model::UploadForm;
use serde::Serialize;
use std::borrow::Cow;
use transport_core::http::{Body, Endpoint, Method, RawResponse};

/// `PUT /v1/profile` (`setProfile`) — sets a new profile version.
///
/// The body is the spec's `CreateProfileRequest`: the profile-key version and commitment, and the
/// encrypted fields (base64 on the wire). When the avatar is being replaced the server answers with
/// an upload form for it, otherwise with an empty body. The spec's `avatarChange` is derived by the
/// server from `avatar` and `sameAvatar`, which is what is sent ([`AvatarChange`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct SetProfile {
    /// The profile key version (hex).
    pub version: String,
    /// The serialized profile key commitment (base64 on the wire; the spec shows the Java object).
    #[serde(with = "crate::model::b64::standard")]
    pub commitment: Vec<u8>,
    /// The encrypted name.
    #[serde(
        with = "crate::model::b64::standard_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub name: Option<Vec<u8>>,
    /// The encrypted "about" text.
    #[serde(
        with = "crate::model::b64::standard_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub about: Option<Vec<u8>>,
    /// The encrypted "about" emoji.
    #[serde(
        with = "crate::model::b64::standard_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub about_emoji: Option<Vec<u8>>,
    /// The encrypted payment address.
    #[serde(
        with = "crate::model::b64::standard_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub payment_address: Option<Vec<u8>>,
    /// The encrypted phone-number sharing setting.
    #[serde(
        with = "crate::model::b64::standard_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub phone_number_sharing: Option<Vec<u8>>,
    /// Badges to show, in order.
    pub badge_ids: Vec<String>,
    /// What happens to the avatar.
    #[serde(skip)]
    pub avatar_change: AvatarChange,
}

impl SetProfile {
    /// A profile version with no encrypted fields, keeping the avatar.
    pub fn new(version: impl Into<String>, commitment: impl Into<Vec<u8>>) -> Self {
        Self {
            version: version.into(),
            commitment: commitment.into(),
            name: None,
            about: None,
            about_emoji: None,
            payment_address: None,
            phone_number_sharing: None,
            badge_ids: Vec::new(),
            avatar_change: AvatarChange::Unchanged,
        }
    }
}

/// What happens to the avatar, sent as the `avatar` and `sameAvatar` flags.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum AvatarChange {
    /// Keep the current avatar (`avatar: true, sameAvatar: true`).
    #[default]
    Unchanged,
    /// Remove it (`avatar: false`).
    Clear,
    /// Upload a new one with the returned form (`avatar: true, sameAvatar: false`).
    Update,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct CreateProfileRequest<'a> {
    #[serde(flatten)]
    fields: &'a SetProfile,
    avatar: bool,
    same_avatar: bool,
}

/// The avatar upload form returned when the avatar is replaced (`ProfileAvatarUploadAttributes`;
/// the spec documents none): a signed [`UploadForm`] whose key is the new avatar path.
pub type ProfileAvatarUploadAttributes = UploadForm;

impl Endpoint for SetProfile {
    type Response = Option<ProfileAvatarUploadAttributes>;
    const METHOD: Method = Method::PUT;

    fn path(&self) -> Cow<'_, str> {
        "/v1/profile".into()
    }

    fn body(&self) -> transport_core::Result<Body> {
        crate::api::validate::not_empty("version", &self.version)?;
        crate::api::validate::len_range("commitment", self.commitment.len(), 1, usize::MAX)?;
        let (avatar, same_avatar) = match self.avatar_change {
            AvatarChange::Unchanged => (true, true),
            AvatarChange::Clear => (false, false),
            AvatarChange::Update => (true, false),
        };
        Body::json(&CreateProfileRequest {
            fields: self,
            avatar,
            same_avatar,
        })
    }

    fn parse(&self, response: RawResponse) -> transport_core::Result<Self::Response> {
        crate::api::json_or_none(response)
    }
}

impl Operation for SetProfile {
    const INFO: OperationInfo = OperationInfo::new(
        "setProfile",
        "Profile",
        Self::METHOD,
        "/v1/profile",
        AuthMode::Basic,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::*;

    #[test]
    fn request_body() {
        let mut op = SetProfile::new("0a1b", vec![7; 4]);
        op.name = Some(b"nm".to_vec());
        op.badge_ids = vec!["BOOST".into()];
        op.avatar_change = AvatarChange::Update;
        assert_consistent(&op);
        assert_eq!(
            body_json(&op),
            serde_json::json!({
                "version": "0a1b",
                "commitment": "BwcHBw==",
                "name": "bm0=",
                "badgeIds": ["BOOST"],
                "avatar": true,
                "sameAvatar": false
            })
        );
        op.avatar_change = AvatarChange::Clear;
        assert_eq!(body_json(&op)["avatar"], false);
        assert!(SetProfile::new("", vec![1]).body().is_err());
    }

    #[test]
    fn response_with_and_without_form() {
        let op = SetProfile::new("0a1b", vec![7; 4]);
        assert_eq!(parse(&op, 200, "").unwrap(), None);
        let form = parse(&op, 200, r#"{"key":"profiles/new","credential":"c","acl":"private","algorithm":"a","date":"d","policy":"p","signature":"s3cret"}"#)
            .unwrap()
            .unwrap();
        assert_eq!(form.key, "profiles/new");
        assert!(!format!("{form:?}").contains("s3cret"));
    }
}

//! `PUT /v1/messages/multi_recipient` — sends one sealed-sender payload to many recipients.

use crate::api::{ErrorBody, Operation, OperationInfo, no_account_auth};
use crate::auth::AuthMode;
use crate::auth::{
    GROUP_SEND_CREDENTIAL, GroupSendCredential, UNIDENTIFIED_ACCESS_KEY, UnidentifiedAccessKey,
    insert_secret,
};
use crate::model::ServiceId;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use transport_core::http::{Body, Endpoint, EndpointAuth, HeaderMap, Method, RawResponse};

/// `PUT /v1/messages/multi_recipient` (`sendMultiRecipientMessage`) — sends one sealed-sender
/// payload to many recipients.
///
/// The body is libsignal's serialized `SealedSenderMultiRecipientMessage`, sent as
/// `application/vnd.signal-messenger.mrm` (the spec's schema shows the Java object). Access: the
/// XOR of all recipients' unidentified access keys, **or** a group-send credential, never both;
/// neither for stories. Typed errors: 409
/// [`MultiRecipientMismatchedDevices`](crate::Error::MultiRecipientMismatchedDevices) and 410
/// [`MultiRecipientStaleDevices`](crate::Error::MultiRecipientStaleDevices) (JSON arrays on the
/// wire; the spec says string). Not retried after a response.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct SendMultiRecipientMessage {
    /// The serialized multi-recipient message.
    pub payload: Vec<u8>,
    /// How the send is authorized.
    pub access: MultiRecipientAccess,
    /// The envelope timestamp (`ts`, epoch ms).
    pub timestamp: u64,
    /// Deliver only to recipients that are online.
    pub online: bool,
    /// Whether to trigger push notifications.
    pub urgent: bool,
}

impl SendMultiRecipientMessage {
    /// A send of `payload` stamped `timestamp`, authorized by `access` (use
    /// [`MultiRecipientAccess::Story`] for stories).
    pub fn new(payload: impl Into<Vec<u8>>, timestamp: u64, access: MultiRecipientAccess) -> Self {
        Self {
            payload: payload.into(),
            access,
            timestamp,
            online: false,
            urgent: true,
        }
    }
}

/// The content type of a multi-recipient message body.
pub const MULTI_RECIPIENT_CONTENT_TYPE: &str = "application/vnd.signal-messenger.mrm";

/// How a multi-recipient send is authorized: exactly one of these.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum MultiRecipientAccess {
    /// `Unidentified-Access-Key`: the XOR of every recipient's key
    /// ([`UnidentifiedAccessKey::combine`]).
    AccessKey(UnidentifiedAccessKey),
    /// `Group-Send-Credential`: a credential covering all recipients.
    GroupSend(GroupSendCredential),
    /// A story: no access check (`story=true`).
    Story,
}

/// The answer to a multi-recipient send (the spec documents none).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct SendMultiRecipientMessageResponse {
    /// Recipients that do not exist (only for stories, which skip the access check).
    #[serde(default)]
    pub uuids404: Vec<ServiceId>,
}

impl Endpoint for SendMultiRecipientMessage {
    type Response = SendMultiRecipientMessageResponse;
    const METHOD: Method = Method::PUT;

    fn path(&self) -> Cow<'_, str> {
        "/v1/messages/multi_recipient".into()
    }

    fn query(&self) -> Vec<(Cow<'static, str>, String)> {
        vec![
            ("ts".into(), self.timestamp.to_string()),
            ("online".into(), self.online.to_string()),
            ("urgent".into(), self.urgent.to_string()),
            (
                "story".into(),
                matches!(self.access, MultiRecipientAccess::Story).to_string(),
            ),
        ]
    }

    fn headers(&self) -> transport_core::Result<HeaderMap> {
        let mut headers = HeaderMap::new();
        match &self.access {
            MultiRecipientAccess::AccessKey(key) => {
                insert_secret(&mut headers, UNIDENTIFIED_ACCESS_KEY, key.expose())?;
            }
            MultiRecipientAccess::GroupSend(credential) => {
                insert_secret(&mut headers, GROUP_SEND_CREDENTIAL, credential.0.expose())?;
            }
            MultiRecipientAccess::Story => {}
        }
        Ok(headers)
    }

    fn body(&self) -> transport_core::Result<Body> {
        if self.payload.is_empty() {
            return Err(transport_core::Error::invalid_input(
                "payload",
                "must not be empty",
            ));
        }
        Ok(Body::bytes(
            MULTI_RECIPIENT_CONTENT_TYPE,
            self.payload.clone(),
        ))
    }

    fn auth(&self) -> EndpointAuth {
        no_account_auth()
    }

    fn idempotent(&self) -> bool {
        false
    }

    fn parse(&self, response: RawResponse) -> transport_core::Result<Self::Response> {
        response.json()
    }
}

impl Operation for SendMultiRecipientMessage {
    const INFO: OperationInfo = OperationInfo::new(
        "sendMultiRecipientMessage",
        "Messages",
        Self::METHOD,
        "/v1/messages/multi_recipient",
        AuthMode::AccessKeyOrGroupSend,
    )
    .with_errors(&[
        (409, ErrorBody::MultiRecipientMismatchedDevices),
        (410, ErrorBody::MultiRecipientStaleDevices),
    ]);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::*;

    use crate::model::SecretBytes;
    use transport_core::http::Body;

    #[test]
    fn access_key_request() {
        let key = UnidentifiedAccessKey::combine([
            &UnidentifiedAccessKey::new([1; 16]),
            &UnidentifiedAccessKey::new([3; 16]),
        ]);
        let op = SendMultiRecipientMessage::new(
            vec![0x22, 1],
            1_712_230_000_000,
            MultiRecipientAccess::AccessKey(key),
        );
        assert_consistent(&op);
        assert_eq!(
            query_string(&op),
            "ts=1712230000000&online=false&urgent=true&story=false"
        );
        assert_eq!(
            op.headers().unwrap()[UNIDENTIFIED_ACCESS_KEY],
            "AgICAgICAgICAgICAgICAg=="
        );
        match op.body().unwrap() {
            Body::Bytes { content_type, data } => {
                assert_eq!(content_type, MULTI_RECIPIENT_CONTENT_TYPE);
                assert_eq!(&data[..], &[0x22, 1]);
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn group_send_and_story() {
        let op = SendMultiRecipientMessage::new(
            vec![1],
            5,
            MultiRecipientAccess::GroupSend(GroupSendCredential(SecretBytes::new(vec![9, 9]))),
        );
        assert_consistent(&op);
        let headers = op.headers().unwrap();
        assert_eq!(headers[GROUP_SEND_CREDENTIAL], "CQk=");
        assert!(!headers.contains_key(UNIDENTIFIED_ACCESS_KEY));
        let story = SendMultiRecipientMessage::new(vec![1], 5, MultiRecipientAccess::Story);
        assert_consistent(&story);
        assert!(story.headers().unwrap().is_empty());
        assert!(query_string(&story).ends_with("story=true"));
        let r = parse(
            &story,
            200,
            r#"{"uuids404":["PNI:9d0652a3-dcc3-4d11-975f-74d61598733f"]}"#,
        )
        .unwrap();
        assert_eq!(r.uuids404.len(), 1);
        assert!(
            SendMultiRecipientMessage::new(vec![], 5, MultiRecipientAccess::Story)
                .body()
                .is_err()
        );
    }
}

//! Every request of the Chatbot API as a typed [`Method`], and every server notification as a
//! typed [`Notification`](notifications::Notification).
//!
//! One wire method per file: `api/<group>/<method>.rs` holds the request payload, its response
//! payload and serde tests built from the documentation's samples.

use crate::validate::ValidationError;
use serde::Serialize;
use serde::de::DeserializeOwned;

pub mod chats;
pub mod commands;
pub mod files;
pub mod http;
pub mod messages;
pub mod notifications;
pub mod session;
pub mod surveys;

/// A request the bot sends: its payload type, wire name and response type.
///
/// The client has one generic `call<M: Method>(&self, request: M) -> Result<M::Response>`;
/// [`crate::codec::encode_request`] turns a method into a frame (after
/// [`Method::validate`]) and [`crate::codec::decode_payload`] turns the response payload into
/// [`Method::Response`].
pub trait Method: Serialize {
    /// The wire method name (`"sendMessage"`).
    const NAME: &'static str;

    /// The decoded response payload.
    type Response: DeserializeOwned + Serialize + Send + 'static;

    /// Checks user input before anything is sent. The default accepts everything.
    ///
    /// # Errors
    ///
    /// A [`ValidationError`] naming the offending field.
    fn validate(&self) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// Serializes a [`transport_core::Secret`] as its plain value and reads one back; only for
/// putting a token on the wire.
pub(crate) mod secret_serde {
    use serde::{Deserialize, Deserializer, Serializer};
    use transport_core::Secret;

    pub(crate) fn serialize<S: Serializer>(
        secret: &Secret,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(secret.expose())
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Secret, D::Error> {
        String::deserialize(deserializer).map(Secret::new)
    }
}

#[cfg(test)]
pub(crate) mod test_support {
    //! Helpers for the per-method serde tests.

    use super::Method;
    use serde::Serialize;
    use serde::de::DeserializeOwned;
    use serde_json::Value;
    use std::fmt::Debug;

    /// Parses a documentation sample frame, checks its `method` is `M::NAME`, decodes its
    /// payload into `M` and checks that it re-serializes to the same JSON value.
    pub(crate) fn request_sample<M>(frame: &str) -> M
    where
        M: Method + DeserializeOwned + Debug,
    {
        let frame: Value = serde_json::from_str(frame).expect("sample is JSON");
        assert_eq!(frame["type"], 1, "request frames have type 1");
        assert_eq!(frame["method"], M::NAME);
        let payload = frame
            .get("payload")
            .cloned()
            .unwrap_or(Value::Object(Default::default()));
        round_trip::<M>(payload)
    }

    /// Parses a documentation sample response frame, decodes its payload into `M::Response`
    /// through the codec and checks that it re-serializes to the same JSON value.
    pub(crate) fn response_sample<M>(frame: &str) -> M::Response
    where
        M: Method,
        M::Response: Debug,
    {
        let frame: Value = serde_json::from_str(frame).expect("sample is JSON");
        assert_eq!(frame["type"], 2, "response frames have type 2");
        let payload = frame["payload"].clone();
        let decoded = crate::codec::decode_payload::<M>(payload.clone()).expect("decodes");
        assert_eq!(
            serde_json::to_value(&decoded).unwrap(),
            payload,
            "round trip"
        );
        decoded
    }

    /// Decodes `value` into `T` and checks that it re-serializes to an equal value.
    pub(crate) fn round_trip<T: DeserializeOwned + Serialize + Debug>(value: Value) -> T {
        let decoded: T = serde_json::from_value(value.clone()).expect("decodes");
        assert_eq!(serde_json::to_value(&decoded).unwrap(), value, "round trip");
        decoded
    }

    /// The request frame the codec puts on the wire for `method` with id 7, as a JSON value.
    pub(crate) fn encoded<M: Method>(method: &M) -> Value {
        let text = crate::codec::encode_request(7, method).expect("encodes");
        serde_json::from_str(&text).expect("frame is JSON")
    }
}

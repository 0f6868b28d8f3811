//! [`Error`]: everything that can go wrong in this crate, and its parts
//! ([`FramingError`], [`EnvelopeError`], [`CryptoError`]).
//!
//! Messages say what failed and where (the JSON field, the framing that was tried); they never
//! contain secrets, frame contents or key material.

use crate::model::Status;

/// The error type of this crate.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A transport-level error, including a message body that did not decode into its type
    /// ([`transport_core::Error::Decode`], which names the wire type and the JSON path).
    #[error(transparent)]
    Transport(#[from] transport_core::Error),

    /// Input built by the user is invalid; detected before any I/O.
    #[error("invalid {field}: {reason}")]
    InvalidInput {
        /// The offending field or argument (`"openUserId"`, `"conversationUuid"`).
        field: String,
        /// What is wrong with it.
        reason: String,
    },

    /// A frame could not be split into a wire name and a body, or a message could not be
    /// packed into a frame.
    #[error(transparent)]
    Framing(#[from] FramingError),

    /// An encrypted-field envelope could not be parsed or built.
    #[error(transparent)]
    Envelope(#[from] EnvelopeError),

    /// An end-to-end crypto operation failed.
    #[error(transparent)]
    Crypto(#[from] CryptoError),

    /// The server answered a request with a response of another type than the request
    /// expects (for example a `ResponseStatusMessage` with status `ok` for a request that has a
    /// typed response).
    #[error("the server answered {request_type} with {reply}, not the expected reply type")]
    UnexpectedReply {
        /// The wire name of the request.
        request_type: String,
        /// The wire name of the reply that came.
        reply: String,
    },

    /// The server answered a request with a `ResponseStatusMessage` whose status is not `ok`.
    #[error("the server answered {request_type} with status `{status}`{}", fmt_description(description.as_deref()))]
    Server {
        /// The `requestType` of the status message (the wire name of the failed request).
        request_type: String,
        /// The status the server sent.
        status: Status,
        /// The server's description, if any.
        description: Option<String>,
    },
}

fn fmt_description(description: Option<&str>) -> String {
    description.map_or_else(String::new, |d| format!(": {d}"))
}

impl Error {
    /// An invalid-input error for `field`.
    pub fn invalid_input(field: impl Into<String>, reason: impl Into<String>) -> Self {
        Self::InvalidInput {
            field: field.into(),
            reason: reason.into(),
        }
    }
}

/// A frame that does not fit a [`Framing`](crate::framing::Framing), or a message that cannot be
/// packed into one.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum FramingError {
    /// A binary frame whose payload is not UTF-8 text.
    #[error("{framing}: binary frame is not UTF-8 text")]
    NotUtf8 {
        /// The framing that was tried.
        framing: String,
    },

    /// The frame (or the part of it that should be JSON) is not JSON.
    #[error("{framing}: not JSON: {message}")]
    NotJson {
        /// The framing that was tried.
        framing: String,
        /// The JSON parser's message (line and column, never the content).
        message: String,
    },

    /// The frame is JSON (or text) of the wrong shape for this framing.
    #[error("{framing}: expected {expected}")]
    Shape {
        /// The framing that was tried.
        framing: String,
        /// What the framing expected (`"a JSON object with a string `type`"`).
        expected: String,
    },

    /// A flat-tag framing cannot encode a body that is not a JSON object, or whose object
    /// already has a property named like the tag.
    #[error("{framing}: cannot encode {wire_name}: {reason}")]
    Encode {
        /// The framing that was used.
        framing: String,
        /// The message being encoded.
        wire_name: String,
        /// Why it cannot be encoded.
        reason: String,
    },

    /// A decode-only framing (sniffing) was asked to encode.
    #[error("{framing} only decodes; configure an explicit framing to send")]
    DecodeOnly {
        /// The framing that was used.
        framing: String,
    },

    /// Sniffing tried every candidate framing and none matched the frame's shape.
    #[error("no candidate framing matched the frame ({tried} tried)")]
    Unrecognized {
        /// How many candidates were tried.
        tried: usize,
    },

    /// Framing detection at connect sent `RequestPing` in every candidate framing and none was
    /// answered with a `ResponsePong`.
    #[error("no candidate framing was answered with a ResponsePong ({tried} tried)")]
    NotDetected {
        /// How many candidates were tried.
        tried: usize,
    },
}

/// An encrypted-field envelope (base64 of a JSON object) that cannot be parsed or built.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum EnvelopeError {
    /// A value that should be standard base64 is not.
    #[error("envelope field `{field}` is not valid base64: {message}")]
    Base64 {
        /// `"."` for the envelope string itself, else the inner field (`"ivBase64"`).
        field: String,
        /// The decoder's message.
        message: String,
    },

    /// The decoded envelope is not UTF-8 text.
    #[error("envelope is not UTF-8 text after base64 decoding")]
    NotUtf8,

    /// The decoded envelope is not a JSON object.
    #[error("envelope is not a JSON object: {message}")]
    Json {
        /// The JSON parser's message (line and column).
        message: String,
    },

    /// A required inner field is missing.
    #[error("envelope field `{field}` is missing")]
    MissingField {
        /// The missing field.
        field: String,
    },

    /// An inner field has the wrong JSON type or an invalid value.
    #[error("envelope field `{field}`: {reason}")]
    InvalidField {
        /// The offending field.
        field: String,
        /// What is wrong with it.
        reason: String,
    },
}

/// An end-to-end crypto operation that failed.
///
/// Decryption and unwrapping failures carry no detail on purpose (no padding or MAC oracle).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CryptoError {
    /// A public key could not be parsed (PEM `PUBLIC KEY`, RSA SPKI).
    #[error("invalid public key: {reason}")]
    InvalidPublicKey {
        /// Why it was rejected.
        reason: String,
    },

    /// A private key could not be parsed.
    #[error("invalid private key: {reason}")]
    InvalidPrivateKey {
        /// Why it was rejected (never the key material).
        reason: String,
    },

    /// A base64 field in a crypto input is not valid base64.
    #[error("`{field}` is not valid base64")]
    Base64 {
        /// The field (`"keyEncryptedBase64"`, `"ivBase64"`).
        field: String,
    },

    /// A symmetric key has a length the cipher does not accept.
    #[error("session key must be 16 or 32 bytes, got {len}")]
    KeyLength {
        /// The length that was given.
        len: usize,
    },

    /// An IV is not 16 bytes.
    #[error("IV must be 16 bytes, got {len}")]
    IvLength {
        /// The length that was given.
        len: usize,
    },

    /// Wrapping a session key for a recipient failed.
    #[error("cannot wrap the session key: {reason}")]
    Wrap {
        /// Why.
        reason: String,
    },

    /// Unwrapping a session key failed (wrong key, corrupted or foreign ciphertext).
    #[error("cannot unwrap the session key")]
    Unwrap,

    /// Signing failed.
    #[error("cannot sign: {reason}")]
    Sign {
        /// Why.
        reason: String,
    },

    /// A signature did not verify.
    #[error("signature does not verify")]
    BadSignature,

    /// An envelope to decrypt was malformed.
    #[error(transparent)]
    Envelope(#[from] EnvelopeError),

    /// An envelope names a different session key than the one given to open it.
    #[error("envelope was sealed with session key {expected}, not {given}")]
    WrongSessionKey {
        /// The session key uuid named inside the envelope.
        expected: String,
        /// The session key uuid of the key that was given.
        given: String,
    },

    /// A user has published no public key (`publicKeyBase64` is null): nothing can be wrapped
    /// for them and nothing they signed can be verified.
    #[error("user {user_id} has no public key")]
    NoPublicKey {
        /// The user.
        user_id: String,
    },

    /// A session key copy does not name its signer (`signerUserId`), so its signature cannot
    /// be verified; it is refused.
    #[error("session key {session_key_uuid} does not name its signer")]
    UnknownSigner {
        /// The session key.
        session_key_uuid: String,
    },

    /// A decrypted text is not UTF-8 (a wrong key decrypts to garbage: there is no MAC).
    #[error("the decrypted `{field}` is not UTF-8 text")]
    NotUtf8 {
        /// The field (`"bodyEncryptedBase64"`, `"userNick"`).
        field: String,
    },

    /// An envelope to open names no session key, and none was given.
    #[error("the envelope names no session key")]
    NoSessionKey,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn server_error_shows_request_status_and_description() {
        let e = Error::Server {
            request_type: "RequestAddMember".into(),
            status: Status::from("forbidden".to_owned()),
            description: Some("not an admin".into()),
        };
        assert_eq!(
            e.to_string(),
            "the server answered RequestAddMember with status `forbidden`: not an admin"
        );
        let bare = Error::Server {
            request_type: "RequestTyping".into(),
            status: Status::from("error".to_owned()),
            description: None,
        };
        assert_eq!(
            bare.to_string(),
            "the server answered RequestTyping with status `error`"
        );
    }

    #[test]
    fn wrapped_errors_keep_their_message() {
        let e: Error = EnvelopeError::MissingField {
            field: "ivBase64".into(),
        }
        .into();
        assert_eq!(e.to_string(), "envelope field `ivBase64` is missing");
        let f: Error = FramingError::Unrecognized { tried: 3 }.into();
        assert_eq!(
            f.to_string(),
            "no candidate framing matched the frame (3 tried)"
        );
        let i = Error::invalid_input("openUserId", "must start with `+`");
        assert_eq!(i.to_string(), "invalid openUserId: must start with `+`");
    }
}

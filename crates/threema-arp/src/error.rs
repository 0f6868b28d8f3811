//! [`Error`]: everything that can go wrong in this crate.

use crate::chunking::ChunkError;
use crate::connection::{AckError, ProtocolError};
use crate::saltyrtc::SignalingError;

/// The result type of this crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// An error of the ARP protocol core (and, through [`Error::Transport`], of the transport
/// below it).
///
/// Messages say what failed and where: decode errors name the message (`update/contact (app →
/// client)`), the path of the failing field (`data.receiver.publicKey`) and what the decoder
/// said. They never contain secrets: the only secret this crate handles, the pairing auth
/// token, does not print.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// An error of the shared transport layer (WebSocket, timeouts, …).
    #[error(transparent)]
    Transport(#[from] transport_core::Error),

    /// Bytes received from the peer could not be decoded.
    #[error("cannot decode {what} at `{path}`: {message}")]
    Decode {
        /// What was being decoded (`"frame"`, `"create/contact (app → client)"`, `"QR payload"`).
        what: String,
        /// The path of the failing field (`"data.receiver.publicKey"`), `"."` for the whole.
        path: String,
        /// What the decoder said.
        message: String,
    },

    /// A value could not be encoded as msgpack.
    #[error("cannot encode {what}: {message}")]
    Encode {
        /// What was being encoded.
        what: String,
        /// What the encoder said.
        message: String,
    },

    /// Input built by the user is invalid; detected before anything is encoded or sent.
    #[error("invalid {field}: {reason}")]
    InvalidInput {
        /// The offending field (`"create/textMessage data.text"`).
        field: String,
        /// What is wrong with it.
        reason: String,
    },

    /// A chunk could not be chunked or unchunked.
    #[error(transparent)]
    Chunk(#[from] ChunkError),

    /// The peer (or the driver of the sans-IO core) violated the ARP connection protocol:
    /// sequence numbers, connection IDs, the `connectionInfo` handshake. The session must be
    /// failed (SaltyRTC close code 3001).
    #[error(transparent)]
    Protocol(#[from] ProtocolError),

    /// A SaltyRTC error (handshake, crypto, a violation by the server or the other side).
    #[error(transparent)]
    SaltyRtc(#[from] SignalingError),

    /// The app did not acknowledge a message: it rejected it with an error code, or the
    /// session was reset or closed before it answered.
    #[error(transparent)]
    Ack(#[from] AckError),

    /// The app answered a call with a message of another type than expected.
    #[error("{request} was answered with {reply}")]
    UnexpectedReply {
        /// The call (`"request/receivers"`).
        request: String,
        /// The message that answered it.
        reply: String,
    },

    /// The session has ended; no more calls are possible.
    #[error("the session is closed: {reason}")]
    Closed {
        /// Why it ended.
        reason: String,
    },
}

impl Error {
    /// An [`Error::InvalidInput`] for `field`.
    pub(crate) fn invalid(field: impl Into<String>, reason: impl Into<String>) -> Self {
        Self::InvalidInput {
            field: field.into(),
            reason: reason.into(),
        }
    }

    /// An [`Error::Decode`].
    pub(crate) fn decode(
        what: impl Into<String>,
        path: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        Self::Decode {
            what: what.into(),
            path: path.into(),
            message: message.into(),
        }
    }

    /// True if the error was caused by invalid user input (nothing was sent).
    pub fn is_invalid_input(&self) -> bool {
        matches!(self, Self::InvalidInput { .. })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decode_errors_name_the_message_and_the_path() {
        let error = Error::decode(
            "update/contact (app → client)",
            "data.receiver.publicKey",
            "invalid type: string \"x\", expected bytes",
        );
        assert_eq!(
            error.to_string(),
            "cannot decode update/contact (app → client) at `data.receiver.publicKey`: \
             invalid type: string \"x\", expected bytes"
        );
        assert!(!error.is_invalid_input());
        assert!(
            Error::invalid("create/textMessage data.text", "must not be empty").is_invalid_input()
        );
    }

    #[test]
    fn transport_errors_convert() {
        let error: Error = transport_core::Error::Shutdown.into();
        assert!(matches!(
            error,
            Error::Transport(transport_core::Error::Shutdown)
        ));
        assert_eq!(error.to_string(), "client shut down");
    }
}

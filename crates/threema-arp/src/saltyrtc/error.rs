//! [`SignalingError`]: what can go wrong in SaltyRTC, with the close code it leads to.

use super::close_code::CloseCode;

/// A SaltyRTC error: a violation by the server or the other client, a failed decryption, a
/// failed authentication, or misuse of the state machine. [`SignalingError::close_code`] says
/// which close code the protocol prescribes for it.
///
/// Messages never contain keys, tokens or decrypted payloads.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SignalingError {
    /// A message broke the rules of the protocol (a nonce, cookie or sequence number check, an
    /// unexpected message, a wrong address).
    #[error("SaltyRTC protocol error: {reason}")]
    Protocol {
        /// What was wrong.
        reason: String,
    },
    /// A message could not be decoded.
    #[error("cannot decode SaltyRTC {message} at `{field}`: {reason}")]
    Decode {
        /// The message type (or `"message"` before the type is known).
        message: String,
        /// The field.
        field: String,
        /// What was wrong.
        reason: String,
    },
    /// A message could not be encoded.
    #[error("cannot encode SaltyRTC {message}: {reason}")]
    Encode {
        /// The message type.
        message: String,
        /// What the encoder said.
        reason: String,
    },
    /// A message could not be decrypted (wrong key, wrong token, tampered data).
    #[error("cannot decrypt the SaltyRTC {what} from {from}")]
    Decrypt {
        /// What was expected (`"token message"`, `"server-auth"`, …).
        what: String,
        /// Who sent it (`"the server"`, `"responder 0x02"`).
        from: String,
    },
    /// The server did not prove that it holds the pinned permanent key.
    #[error("the SaltyRTC server could not be authenticated: {reason}")]
    ServerAuthentication {
        /// What was wrong with `signed_keys`.
        reason: String,
    },
    /// The other client offered none of our tasks.
    #[error("no shared SaltyRTC task: the responder offered {offered:?}")]
    NoSharedTask {
        /// The tasks the responder offered.
        offered: Vec<String>,
    },
    /// The connection was closed with a close code (by the server, or by the initiator through
    /// the server: 3004 dropped, 3005 could not decrypt).
    #[error("the SaltyRTC connection was closed: {code}{}", if reason.is_empty() { String::new() } else { format!(": {reason}") })]
    Closed {
        /// The close code.
        code: CloseCode,
        /// The close reason the server gave, if any.
        reason: String,
    },
    /// The other client ended the connection with a `close` message.
    #[error("the other SaltyRTC client closed the connection: {reason}")]
    PeerClosed {
        /// Its close code.
        reason: CloseCode,
    },
    /// The state machine was asked for something its state does not allow (sending data
    /// before the handshake, using a closed connection).
    #[error("{0}")]
    InvalidState(&'static str),
}

impl SignalingError {
    /// The close code the protocol prescribes for this error.
    pub fn close_code(&self) -> CloseCode {
        match self {
            Self::Protocol { .. }
            | Self::Decode { .. }
            | Self::Decrypt { .. }
            | Self::ServerAuthentication { .. } => CloseCode::ProtocolError,
            Self::Encode { .. } | Self::InvalidState(_) => CloseCode::InternalError,
            Self::NoSharedTask { .. } => CloseCode::NoSharedTask,
            Self::Closed { code, .. } => *code,
            Self::PeerClosed { reason } => *reason,
        }
    }

    pub(crate) fn protocol(reason: impl Into<String>) -> Self {
        Self::Protocol {
            reason: reason.into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_name_their_close_code() {
        let decrypt = SignalingError::Decrypt {
            what: "token message".into(),
            from: "responder 0x02".into(),
        };
        assert_eq!(decrypt.close_code(), CloseCode::ProtocolError);
        assert_eq!(
            decrypt.to_string(),
            "cannot decrypt the SaltyRTC token message from responder 0x02"
        );
        let closed = SignalingError::Closed {
            code: CloseCode::InitiatorCouldNotDecrypt,
            reason: String::new(),
        };
        assert_eq!(closed.close_code(), CloseCode::InitiatorCouldNotDecrypt);
        assert_eq!(
            closed.to_string(),
            "the SaltyRTC connection was closed: 3005 (initiator could not decrypt)"
        );
        assert_eq!(
            SignalingError::NoSharedTask { offered: vec![] }.close_code(),
            CloseCode::NoSharedTask
        );
    }
}

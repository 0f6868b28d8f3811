//! [`CloseCode`]: the WebSocket close codes SaltyRTC defines (`Protocol.md`, *Close Code
//! Enumeration*).

transport_core::open_int_enum! {
    /// A close code of SaltyRTC: sent in WebSocket close frames, in `drop-responder` and in
    /// `close` messages. Unknown codes are kept.
    pub enum CloseCode: u16 {
        /// 1000: normal closure.
        NormalClosure = 1000,
        /// 1001: going away (the normal close code of a `close` message).
        GoingAway = 1001,
        /// 1002: WebSocket protocol error (for example no shared subprotocol).
        WebSocketProtocolError = 1002,
        /// 3000: the path is full (no responder address left).
        PathFull = 3000,
        /// 3001: protocol error.
        ProtocolError = 3001,
        /// 3002: internal error.
        InternalError = 3002,
        /// 3003: handover of the signalling channel (WebRTC task).
        Handover = 3003,
        /// 3004: dropped by the initiator.
        DroppedByInitiator = 3004,
        /// 3005: the initiator could not decrypt a message (wrong token or untrusted key).
        InitiatorCouldNotDecrypt = 3005,
        /// 3006: no shared task was found.
        NoSharedTask = 3006,
        /// 3007: the server permanent key the client asked for is unknown.
        InvalidKey = 3007,
        /// 3008: timeout (an unanswered ping).
        Timeout = 3008,
    }
}

impl CloseCode {
    /// The numeric code.
    pub fn code(self) -> u16 {
        u16::from(self)
    }

    /// True for the codes a `drop-responder` message may carry (3001, 3002, 3004, 3005).
    pub fn is_valid_drop_reason(self) -> bool {
        matches!(
            self,
            Self::ProtocolError
                | Self::InternalError
                | Self::DroppedByInitiator
                | Self::InitiatorCouldNotDecrypt
        )
    }

    /// True for the codes the protocol enumerates (anything but [`CloseCode::Unknown`]).
    pub fn is_known(self) -> bool {
        !matches!(self, Self::Unknown(_))
    }
}

impl std::fmt::Display for CloseCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let name = match self {
            Self::NormalClosure => "normal closure",
            Self::GoingAway => "going away",
            Self::WebSocketProtocolError => "WebSocket protocol error",
            Self::PathFull => "path full",
            Self::ProtocolError => "protocol error",
            Self::InternalError => "internal error",
            Self::Handover => "handover",
            Self::DroppedByInitiator => "dropped by initiator",
            Self::InitiatorCouldNotDecrypt => "initiator could not decrypt",
            Self::NoSharedTask => "no shared task",
            Self::InvalidKey => "invalid key",
            Self::Timeout => "timeout",
            Self::Unknown(_) => "unknown",
        };
        write!(f, "{} ({name})", self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_unknown_ones_are_kept() {
        assert_eq!(CloseCode::from(3005), CloseCode::InitiatorCouldNotDecrypt);
        assert_eq!(CloseCode::InitiatorCouldNotDecrypt.code(), 3005);
        assert_eq!(CloseCode::from(4321), CloseCode::Unknown(4321));
        assert_eq!(CloseCode::Unknown(4321).code(), 4321);
        assert!(!CloseCode::Unknown(4321).is_known());
        assert_eq!(
            CloseCode::InitiatorCouldNotDecrypt.to_string(),
            "3005 (initiator could not decrypt)"
        );
    }

    #[test]
    fn only_four_codes_may_drop_a_responder() {
        let valid: Vec<u16> = (1000..=3008)
            .map(CloseCode::from)
            .filter(|c| c.is_valid_drop_reason())
            .map(CloseCode::code)
            .collect();
        assert_eq!(valid, [3001, 3002, 3004, 3005]);
    }
}

//! [`ErrorCode`]: the `errorCode` of an error response.

transport_core::open_int_enum! {
    /// The `payload.errorCode` of a response. `0` means success (TrueConf's own fake server puts
    /// it into successful payloads); anything else is an error. Codes 100–309 are named by the
    /// server docs, 310–408 by the official Python client, 2 by TrueConf's TypeScript client.
    /// Unlisted codes are kept as [`ErrorCode::Unknown`].
    pub enum ErrorCode: u32 {
        /// 0: no error.
        Success = 0,
        /// 2 DUPLICATE_ID: the request id was already used on this connection.
        DuplicateId = 2,
        /// 100 CONNECTION_ERROR.
        ConnectionError = 100,
        /// 101 CONNECTION_TIMEOUT.
        ConnectionTimeout = 101,
        /// 102 TLS_ERROR.
        TlsError = 102,
        /// 103 UNSUPPORTED_PROTOCOL.
        UnsupportedProtocol = 103,
        /// 104 ROUTE_NOT_FOUND: unknown method.
        RouteNotFound = 104,
        /// 200 NOT_AUTHORIZED: no successful `auth` on this connection yet.
        NotAuthorized = 200,
        /// 201 INVALID_CREDENTIALS: bad token.
        InvalidCredentials = 201,
        /// 202 USER_DISABLED: the bot account is disabled.
        UserDisabled = 202,
        /// 203 CREDENTIALS_EXPIRED: get a new token, reconnect and authenticate again.
        CredentialsExpired = 203,
        /// 204 UNSUPPORTED_CREDENTIALS: wrong `tokenType`.
        UnsupportedCredentials = 204,
        /// 300 INTERNAL_ERROR.
        InternalError = 300,
        /// 301 TIMEOUT.
        Timeout = 301,
        /// 302 ACCESS_DENIED.
        AccessDenied = 302,
        /// 303 NOT_ENOUGH_RIGHTS.
        NotEnoughRights = 303,
        /// 304 CHAT_NOT_FOUND.
        ChatNotFound = 304,
        /// 305 USER_IS_NOT_CHAT_PARTICIPANT.
        UserIsNotChatParticipant = 305,
        /// 306 MESSAGE_NOT_FOUND.
        MessageNotFound = 306,
        /// 307 UNKNOWN_MESSAGE.
        UnknownMessage = 307,
        /// 308 FILE_NOT_FOUND.
        FileNotFound = 308,
        /// 309 USER_IS_ALREADY_CHAT_PARTICIPANT.
        UserIsAlreadyChatParticipant = 309,
        /// 310 FILE_UPLOAD_FAILED: upload failed or the file violates the admin's limits.
        FileUploadFailed = 310,
        /// 311 FILE_NOT_READY.
        FileNotReady = 311,
        /// 312 ROLE_NOT_FOUND.
        RoleNotFound = 312,
        /// 399 WRONG_PAYLOAD_FORMAT.
        WrongPayloadFormat = 399,
        /// 400 UNKNOWN_FILE_ERROR (file API).
        UnknownFileError = 400,
        /// 401 NOT_ENOUGH_SPACE (file API).
        NotEnoughSpace = 401,
        /// 402 BAD_FILE_NAME (file API).
        BadFileName = 402,
        /// 403 FILE_UPLOAD_FORBIDDEN (file API).
        FileUploadForbidden = 403,
        /// 404 FILE_NOT_FOUND (file API).
        FileApiNotFound = 404,
        /// 405 FILE_NOT_READY (file API).
        FileApiNotReady = 405,
        /// 406 MAX_FILE_SIZE_EXCEEDED (file API).
        MaxFileSizeExceeded = 406,
        /// 407 UPLOAD_TASK_NOT_FOUND (file API): unknown `Upload-Task-Id`.
        UploadTaskNotFound = 407,
        /// 408 INVALID_FILE (file API).
        InvalidFile = 408,
    }
}

impl ErrorCode {
    /// True for code 0.
    pub fn is_success(self) -> bool {
        self == Self::Success
    }

    /// The numeric code.
    pub fn code(self) -> u32 {
        u32::from(self)
    }

    /// The upper-case name from the docs (`"CHAT_NOT_FOUND"`), or `None` for unknown codes.
    pub fn name(self) -> Option<&'static str> {
        Some(match self {
            Self::Success => "SUCCESS",
            Self::DuplicateId => "DUPLICATE_ID",
            Self::ConnectionError => "CONNECTION_ERROR",
            Self::ConnectionTimeout => "CONNECTION_TIMEOUT",
            Self::TlsError => "TLS_ERROR",
            Self::UnsupportedProtocol => "UNSUPPORTED_PROTOCOL",
            Self::RouteNotFound => "ROUTE_NOT_FOUND",
            Self::NotAuthorized => "NOT_AUTHORIZED",
            Self::InvalidCredentials => "INVALID_CREDENTIALS",
            Self::UserDisabled => "USER_DISABLED",
            Self::CredentialsExpired => "CREDENTIALS_EXPIRED",
            Self::UnsupportedCredentials => "UNSUPPORTED_CREDENTIALS",
            Self::InternalError => "INTERNAL_ERROR",
            Self::Timeout => "TIMEOUT",
            Self::AccessDenied => "ACCESS_DENIED",
            Self::NotEnoughRights => "NOT_ENOUGH_RIGHTS",
            Self::ChatNotFound => "CHAT_NOT_FOUND",
            Self::UserIsNotChatParticipant => "USER_IS_NOT_CHAT_PARTICIPANT",
            Self::MessageNotFound => "MESSAGE_NOT_FOUND",
            Self::UnknownMessage => "UNKNOWN_MESSAGE",
            Self::FileNotFound | Self::FileApiNotFound => "FILE_NOT_FOUND",
            Self::UserIsAlreadyChatParticipant => "USER_IS_ALREADY_CHAT_PARTICIPANT",
            Self::FileUploadFailed => "FILE_UPLOAD_FAILED",
            Self::FileNotReady | Self::FileApiNotReady => "FILE_NOT_READY",
            Self::RoleNotFound => "ROLE_NOT_FOUND",
            Self::WrongPayloadFormat => "WRONG_PAYLOAD_FORMAT",
            Self::UnknownFileError => "UNKNOWN_FILE_ERROR",
            Self::NotEnoughSpace => "NOT_ENOUGH_SPACE",
            Self::BadFileName => "BAD_FILE_NAME",
            Self::FileUploadForbidden => "FILE_UPLOAD_FORBIDDEN",
            Self::MaxFileSizeExceeded => "MAX_FILE_SIZE_EXCEEDED",
            Self::UploadTaskNotFound => "UPLOAD_TASK_NOT_FOUND",
            Self::InvalidFile => "INVALID_FILE",
            Self::Unknown(_) => return None,
        })
    }

    /// True for the codes that mean the token must be replaced (201, 203).
    pub fn is_credentials_problem(self) -> bool {
        matches!(self, Self::InvalidCredentials | Self::CredentialsExpired)
    }
}

impl std::fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.name() {
            Some(name) => write!(f, "{} {name}", self.code()),
            None => write!(f, "{}", self.code()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_named_code_round_trips_through_u32() {
        let all = [
            0u32, 2, 100, 101, 102, 103, 104, 200, 201, 202, 203, 204, 300, 301, 302, 303, 304,
            305, 306, 307, 308, 309, 310, 311, 312, 399, 400, 401, 402, 403, 404, 405, 406, 407,
            408,
        ];
        for code in all {
            let e = ErrorCode::from(code);
            assert!(!matches!(e, ErrorCode::Unknown(_)), "{code} is named");
            assert!(e.name().is_some());
            assert_eq!(u32::from(e), code);
        }
    }

    #[test]
    fn unknown_codes_are_kept() {
        let e: ErrorCode = serde_json::from_str("777").unwrap();
        assert_eq!(e, ErrorCode::Unknown(777));
        assert_eq!(serde_json::to_string(&e).unwrap(), "777");
        assert_eq!(e.to_string(), "777");
        assert_eq!(ErrorCode::ChatNotFound.to_string(), "304 CHAT_NOT_FOUND");
        assert!(ErrorCode::Success.is_success());
        assert!(ErrorCode::CredentialsExpired.is_credentials_problem());
        assert_eq!(ErrorCode::FileApiNotFound.name(), Some("FILE_NOT_FOUND"));
    }
}

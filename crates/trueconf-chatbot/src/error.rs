//! The crate's [`Error`] and [`ApiError`].

use crate::model::{ErrorCode, FileId, FileReadyState, HttpErrorBody};
use crate::token::TokenError;
use crate::validate::ValidationError;
use std::fmt;

/// The result type of this crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong talking to a TrueConf server.
///
/// Messages say what failed, where and what the server said; they never contain the token.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The server answered a request with a non-zero `errorCode`.
    #[error("`{method}` failed with error {code}{}", fmt_description(description.as_deref()))]
    Api {
        /// The wire method of the request (`"sendMessage"`).
        method: String,
        /// The error code.
        code: ErrorCode,
        /// The server's `errorDescription`, when it sent one.
        description: Option<String>,
    },

    /// A request built by the user is invalid; detected before any I/O.
    #[error("invalid `{method}` request: {source}")]
    Validation {
        /// The wire method of the request.
        method: String,
        /// What is wrong.
        #[source]
        source: ValidationError,
    },

    /// The token failed the local shape/expiry check; nothing was sent.
    #[error("token rejected before connecting: {0}")]
    Token(#[from] TokenError),

    /// A file cannot be downloaded: the server says it is not available, or it did not
    /// become ready in time.
    #[error("file `{file_id}` cannot be downloaded: {reason} (ready state {state:?})")]
    FileNotReady {
        /// The file.
        file_id: FileId,
        /// Its last known ready state.
        state: FileReadyState,
        /// What happened.
        reason: String,
    },

    /// A transport problem: connection, timeout, an HTTP status (the server's message is in
    /// it; see [`Error::http_error_body`]), or a frame/payload that does not decode (with the
    /// JSON path of the failing field).
    #[error(transparent)]
    Transport(#[from] transport_core::Error),
}

fn fmt_description(description: Option<&str>) -> String {
    description.map_or_else(String::new, |d| format!(": {d}"))
}

impl Error {
    /// The server's error code, for [`Error::Api`].
    pub fn api_code(&self) -> Option<ErrorCode> {
        match self {
            Self::Api { code, .. } => Some(*code),
            _ => None,
        }
    }

    /// The HTTP status, for HTTP errors (token endpoints, file upload and download).
    pub fn http_status(&self) -> Option<u16> {
        match self {
            Self::Transport(e) => e.status(),
            _ => None,
        }
    }

    /// The body of an HTTP error, read as the Bridge and the Server REST API write them
    /// (`{"error": "invalid_grant", "error_description": …}`, `{"error": 407, …}`,
    /// `{"error": {"errors": [{"reason": "invalidScope"}]}}`).
    pub fn http_error_body(&self) -> Option<HttpErrorBody> {
        match self {
            Self::Transport(e) => e.as_status().and_then(|s| HttpErrorBody::parse(&s.body)),
            _ => None,
        }
    }

    /// True where trying again later may succeed: transient transport errors and the server's
    /// own timeout/internal errors (300, 301).
    pub fn is_transient(&self) -> bool {
        match self {
            Self::Transport(e) => e.is_transient(),
            Self::Api { code, .. } => matches!(code, ErrorCode::InternalError | ErrorCode::Timeout),
            _ => false,
        }
    }
}

/// An error response's payload: `{"errorCode": N, "errorDescription"?: "…"}` with `N ≠ 0`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ApiError {
    /// The error code.
    pub code: ErrorCode,
    /// The server's description, if any.
    pub description: Option<String>,
}

impl ApiError {
    /// An API error.
    pub fn new(code: ErrorCode, description: Option<String>) -> Self {
        Self { code, description }
    }

    /// The crate error for this API error on a request to `method`.
    pub fn into_error(self, method: impl Into<String>) -> Error {
        Error::Api {
            method: method.into(),
            code: self.code,
            description: self.description,
        }
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "error {}{}",
            self.code,
            fmt_description(self.description.as_deref())
        )
    }
}

impl std::error::Error for ApiError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn api_error_message_names_method_code_and_description() {
        let e = ApiError::new(ErrorCode::ChatNotFound, Some("no such chat".into()))
            .into_error("sendMessage");
        assert_eq!(
            e.to_string(),
            "`sendMessage` failed with error 304 CHAT_NOT_FOUND: no such chat"
        );
        assert_eq!(e.api_code(), Some(ErrorCode::ChatNotFound));
        assert!(!e.is_transient());
        let t = ApiError::new(ErrorCode::Timeout, None).into_error("getChats");
        assert_eq!(t.to_string(), "`getChats` failed with error 301 TIMEOUT");
        assert!(t.is_transient());
        assert_eq!(
            ApiError::new(ErrorCode::Unknown(999), None).to_string(),
            "error 999"
        );
    }

    #[test]
    fn validation_and_transport_errors_display() {
        let v = Error::Validation {
            method: "sendMessage".into(),
            source: ValidationError::NotAscii {
                field: "message.text".into(),
            },
        };
        assert_eq!(
            v.to_string(),
            "invalid `sendMessage` request: `message.text` must contain ASCII characters only"
        );
        let t = Error::from(transport_core::Error::Shutdown);
        assert_eq!(t.to_string(), "client shut down");
        assert_eq!(t.api_code(), None);
        assert_eq!(t.http_status(), None);
        let f = Error::FileNotReady {
            file_id: FileId::new("f1"),
            state: FileReadyState::NotAvailable,
            reason: "the server says it is not available".into(),
        };
        assert!(
            f.to_string().starts_with("file `f1` cannot be downloaded"),
            "{f}"
        );
    }

    #[test]
    fn http_error_bodies_are_readable() {
        let status = transport_core::StatusError::new(
            401,
            "POST",
            "/bridge/api/client/v1/oauth/token",
            bytes::Bytes::from_static(br#"{"error":"invalid_grant","error_description":"bad"}"#),
        );
        let e = Error::from(transport_core::Error::Status(Box::new(status)));
        assert_eq!(e.http_status(), Some(401));
        assert_eq!(
            e.http_error_body().and_then(|b| b.error).as_deref(),
            Some("invalid_grant")
        );
    }
}

//! [`Error`]: everything a call can fail with.

use crate::validate::ValidationError;
use bytes::Bytes;
use std::fmt;
use std::time::Duration;
pub use transport_core::RateLimitScope;

/// The result type of this crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Why a call failed.
///
/// Match on the variant for the broad class, and on [`ApiError::kind`] for the HTTP status
/// class the server answered with:
///
/// ```
/// # use threema_work::{ApiErrorKind, Error};
/// fn explain(error: &Error) -> &'static str {
///     match error {
///         Error::Validation(_) => "fix the input; nothing was sent",
///         Error::Api(api) if api.kind == ApiErrorKind::NotFound => "no such thing",
///         Error::Api(api) if api.kind == ApiErrorKind::Forbidden => "no credential credits left",
///         Error::Api(_) => "the server refused",
///         Error::RateLimited { .. } => "daily quota used up; try later",
///         Error::Transport(_) => "network or decoding trouble",
///         _ => "something else",
///     }
/// }
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The input was rejected before any request was sent.
    #[error(transparent)]
    Validation(#[from] ValidationError),

    /// The server answered with an error status (400, 401, 403, 404, 422, 5xx, …).
    #[error("{0}")]
    Api(Box<ApiError>),

    /// A rate limit stopped the call: the server answered 429 (its 10,000 requests/day limit),
    /// or the client's own daily quota is used up and it is configured to fail fast.
    #[error("rate limited by the {scope}{}{}", fmt_after(*retry_after), fmt_message(message.as_deref()))]
    RateLimited {
        /// Whose limit was hit: [`RateLimitScope::Server`] for HTTP 429,
        /// [`RateLimitScope::ClientQuota`] for the client's own quota.
        scope: RateLimitScope,
        /// How long to wait: the server's `Retry-After` when it sent one, or the time until
        /// the client's quota window ends.
        retry_after: Option<Duration>,
        /// What the server said, if anything.
        message: Option<String>,
    },

    /// The request could not be made or its response not read: connection, TLS, timeout,
    /// or a body that does not decode (the error names the JSON path).
    #[error(transparent)]
    Transport(transport_core::Error),
}

/// An error status from the server, with what it said.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct ApiError {
    /// The HTTP status code.
    pub status: u16,
    /// The status class.
    pub kind: ApiErrorKind,
    /// The request method (`"DELETE"`).
    pub method: String,
    /// The request path, without the query string (`"/contacts/ECHOECHO"`).
    pub path: String,
    /// The server's message (`error` or `message` of the JSON body), if any.
    pub message: Option<String>,
    /// The `Retry-After` the server sent, if any.
    pub retry_after: Option<Duration>,
    /// The raw response body (empty for a 422, which has none).
    pub body: Bytes,
}

/// The class of an error status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ApiErrorKind {
    /// 400: invalid request (bad id, username in use, contact exists, …).
    BadRequest,
    /// 401: invalid `X-Api-Key` (or a request from an IP the key is not bound to). API 1.4
    /// also used it for "not a custom contact" on contact removal.
    Unauthorized,
    /// 403: on credential creation, no credential credits are left.
    Forbidden,
    /// 404: no such resource.
    NotFound,
    /// 422: unprocessable; the server sends no body.
    Unprocessable,
    /// 5xx: a server problem.
    Server,
    /// Any other status.
    Other,
}

impl ApiErrorKind {
    /// The class of `status`.
    pub fn from_status(status: u16) -> Self {
        match status {
            400 => Self::BadRequest,
            401 => Self::Unauthorized,
            403 => Self::Forbidden,
            404 => Self::NotFound,
            422 => Self::Unprocessable,
            500..=599 => Self::Server,
            _ => Self::Other,
        }
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}: HTTP {}", self.method, self.path, self.status)?;
        if let Some(reason) = http_reason(self.status) {
            write!(f, " {reason}")?;
        }
        match (&self.message, self.body.is_empty()) {
            (Some(message), _) => write!(f, ": the server said \"{message}\"")?,
            (None, false) => write!(
                f,
                ": the server sent \"{}\"",
                transport_core::snippet(&self.body)
            )?,
            (None, true) => f.write_str(" (no error message)")?,
        }
        if let Some(after) = self.retry_after {
            write!(f, " (retry after {after:?})")?;
        }
        Ok(())
    }
}

fn http_reason(status: u16) -> Option<&'static str> {
    transport_core::http::StatusCode::from_u16(status)
        .ok()
        .and_then(|s| s.canonical_reason())
}

impl ApiError {
    /// The error for a status response.
    pub fn from_status(status: &transport_core::StatusError) -> Self {
        Self {
            status: status.status,
            kind: ApiErrorKind::from_status(status.status),
            method: status.method.clone(),
            path: status.path.clone(),
            message: status
                .message
                .clone()
                .or_else(|| crate::model::ErrorBody::message_of(&status.body)),
            retry_after: status.retry_after,
            body: status.body.clone(),
        }
    }
}

fn fmt_after(after: Option<Duration>) -> String {
    after.map_or_else(String::new, |d| format!(", retry after {d:?}"))
}

fn fmt_message(message: Option<&str>) -> String {
    message.map_or_else(String::new, |m| format!(": {m}"))
}

impl From<transport_core::Error> for Error {
    /// Status errors become [`Error::Api`], rate limits [`Error::RateLimited`], invalid input
    /// (caught by the transport before sending) [`Error::Validation`]; the rest stays
    /// [`Error::Transport`].
    fn from(error: transport_core::Error) -> Self {
        match error {
            transport_core::Error::Status(status) => {
                Self::Api(Box::new(ApiError::from_status(&status)))
            }
            transport_core::Error::RateLimited {
                scope,
                retry_after,
                message,
            } => Self::RateLimited {
                scope,
                retry_after,
                message,
            },
            transport_core::Error::InvalidInput { field, reason } => {
                Self::Validation(ValidationError::new(
                    field,
                    crate::validate::ValidationErrorKind::Invalid { reason },
                ))
            }
            other => Self::Transport(other),
        }
    }
}

impl From<std::convert::Infallible> for Error {
    fn from(never: std::convert::Infallible) -> Self {
        match never {}
    }
}

impl Error {
    /// The HTTP status the server answered with ([`Error::Api`], and 429 for a server
    /// [`Error::RateLimited`]).
    pub fn status(&self) -> Option<u16> {
        match self {
            Self::Api(api) => Some(api.status),
            Self::RateLimited {
                scope: RateLimitScope::Server,
                ..
            } => Some(429),
            _ => None,
        }
    }

    /// The status class, for [`Error::Api`].
    pub fn api_kind(&self) -> Option<ApiErrorKind> {
        match self {
            Self::Api(api) => Some(api.kind),
            _ => None,
        }
    }

    /// The [`ApiError`], if this is one.
    pub fn as_api(&self) -> Option<&ApiError> {
        match self {
            Self::Api(api) => Some(api),
            _ => None,
        }
    }

    /// True for a 404.
    pub fn is_not_found(&self) -> bool {
        self.api_kind() == Some(ApiErrorKind::NotFound)
    }

    /// What the server said (`error` or `message` of its body), if anything.
    pub fn server_message(&self) -> Option<&str> {
        match self {
            Self::Api(api) => api.message.as_deref(),
            Self::RateLimited { message, .. } => message.as_deref(),
            _ => None,
        }
    }

    /// How long the server or the client's quota asks to wait, when known.
    pub fn retry_after(&self) -> Option<Duration> {
        match self {
            Self::Api(api) => api.retry_after,
            Self::RateLimited { retry_after, .. } => *retry_after,
            Self::Transport(error) => error.retry_after(),
            Self::Validation(_) => None,
        }
    }

    /// True where trying again later may succeed: rate limits, 5xx, timeouts, connection
    /// problems. Note that the server's limit is per day.
    pub fn is_transient(&self) -> bool {
        match self {
            Self::Api(api) => api.kind == ApiErrorKind::Server,
            Self::RateLimited { .. } => true,
            Self::Transport(error) => error.is_transient(),
            Self::Validation(_) => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn status(code: u16, body: &'static [u8]) -> transport_core::Error {
        transport_core::Error::Status(Box::new(transport_core::StatusError::new(
            code,
            "DELETE",
            "/contacts/ECHOECHO",
            Bytes::from_static(body),
        )))
    }

    #[test]
    fn statuses_become_typed_api_errors_quoting_the_server() {
        let err = Error::from(status(404, br#"{"error":"Contact not found"}"#));
        assert!(err.is_not_found());
        assert_eq!(err.status(), Some(404));
        assert_eq!(err.server_message(), Some("Contact not found"));
        assert_eq!(
            err.to_string(),
            "DELETE /contacts/ECHOECHO: HTTP 404 Not Found: the server said \"Contact not found\""
        );
        let old = Error::from(status(
            401,
            br#"{"message":"contact not a custom contact"}"#,
        ));
        assert_eq!(old.api_kind(), Some(ApiErrorKind::Unauthorized));
        assert_eq!(old.server_message(), Some("contact not a custom contact"));
    }

    #[test]
    fn unprocessable_without_body_and_non_json_bodies() {
        let err = Error::from(status(422, b""));
        assert_eq!(err.api_kind(), Some(ApiErrorKind::Unprocessable));
        assert_eq!(
            err.to_string(),
            "DELETE /contacts/ECHOECHO: HTTP 422 Unprocessable Entity (no error message)"
        );
        let html = Error::from(status(502, b"<html>bad gateway</html>"));
        assert_eq!(html.api_kind(), Some(ApiErrorKind::Server));
        assert!(html.is_transient());
        assert!(
            html.to_string()
                .ends_with("the server sent \"<html>bad gateway</html>\"")
        );
        assert_eq!(ApiErrorKind::from_status(403), ApiErrorKind::Forbidden);
        assert_eq!(ApiErrorKind::from_status(400), ApiErrorKind::BadRequest);
        assert_eq!(ApiErrorKind::from_status(418), ApiErrorKind::Other);
    }

    #[test]
    fn rate_limits_and_transport_errors() {
        let err = Error::from(transport_core::Error::RateLimited {
            scope: RateLimitScope::Server,
            retry_after: Some(Duration::from_secs(60)),
            message: Some("Too many requests".into()),
        });
        assert_eq!(err.status(), Some(429));
        assert_eq!(err.retry_after(), Some(Duration::from_secs(60)));
        assert_eq!(
            err.to_string(),
            "rate limited by the server, retry after 60s: Too many requests"
        );
        let timeout = Error::from(transport_core::Error::Timeout {
            what: "GET /users".into(),
            after: Duration::from_secs(30),
        });
        assert!(matches!(timeout, Error::Transport(_)));
        assert!(timeout.is_transient());
        let invalid = Error::from(transport_core::Error::invalid_input("API key", "bad"));
        assert!(matches!(invalid, Error::Validation(_)));
    }
}

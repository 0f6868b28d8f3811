//! [`Error`]: everything that can go wrong below the protocol layer.

use bytes::Bytes;
use std::fmt;
use std::time::Duration;

/// A boxed error source.
pub type BoxError = Box<dyn std::error::Error + Send + Sync + 'static>;

/// The most of a response body an error message shows.
pub const BODY_SNIPPET_LIMIT: usize = 1024;

/// The result type of this crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// A transport-level error: HTTP statuses, rate limits, timeouts, connection problems, decode
/// failures and invalid input, for both the HTTP client and the WebSocket engine.
///
/// Messages say what failed, where (method and path, or JSON path) and what the server said.
/// They never contain secrets: URLs are shown without their query string, and credentials are
/// held in [`Secret`](crate::Secret)s that do not print.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The server answered with a status the endpoint does not accept.
    #[error("{0}")]
    Status(Box<StatusError>),

    /// A rate limit stopped the request: the server's (HTTP 429 and the like) or the client's
    /// own limiter configured to fail fast.
    #[error("rate limited by the {scope}{}{}", fmt_after(*retry_after), fmt_message(message.as_deref()))]
    RateLimited {
        /// Whose limit was hit.
        scope: RateLimitScope,
        /// How long to wait before trying again, when known.
        retry_after: Option<Duration>,
        /// What the server said, if anything.
        message: Option<String>,
    },

    /// An operation did not finish in time.
    #[error("{what} timed out after {after:?}")]
    Timeout {
        /// What timed out (`"GET /v1/users"`, `"request sendMessage"`, `"connect"`, …).
        what: String,
        /// The time limit that expired.
        after: Duration,
    },

    /// The connection could not be established (DNS, TCP, TLS, WebSocket upgrade).
    #[error("cannot connect to {target}: {message}")]
    Connect {
        /// Where we tried to connect (scheme, host, port and path; never the query).
        target: String,
        /// Why it failed.
        message: String,
        /// The underlying error.
        #[source]
        source: Option<BoxError>,
    },

    /// The request failed after the connection was made (I/O error, broken body stream, …).
    #[error("{what}: {message}")]
    Request {
        /// The request (`"POST /v1/files"`).
        what: String,
        /// Why it failed.
        message: String,
        /// The underlying error.
        #[source]
        source: Option<BoxError>,
    },

    /// A response could not be decoded into its type.
    #[error("{0}")]
    Decode(Box<DecodeError>),

    /// Input built by the user is invalid; detected before any I/O.
    #[error("invalid {field}: {reason}")]
    InvalidInput {
        /// The offending field or argument.
        field: String,
        /// What is wrong with it.
        reason: String,
    },

    /// The WebSocket connection dropped while the request was pending or being sent.
    #[error("connection lost: {reason}")]
    ConnectionLost {
        /// Why the connection ended, as far as the client knows.
        reason: String,
    },

    /// The server closed the connection with a close code the protocol treats as final.
    #[error("connection closed by the server with code {code}{}", fmt_message(Some(reason.as_str()).filter(|r| !r.is_empty())))]
    Closed {
        /// The WebSocket close code.
        code: u16,
        /// The close reason sent by the server.
        reason: String,
    },

    /// The client is not connected (reconnecting) and was configured to fail fast.
    #[error("not connected: {state}")]
    NotConnected {
        /// The connection state at the time (`"reconnecting"`, `"backing off"`, …).
        state: String,
    },

    /// The client was shut down.
    #[error("client shut down")]
    Shutdown,

    /// A handshake after connecting (authentication, key exchange) failed.
    #[error("handshake failed: {0}")]
    Handshake(String),

    /// The peer violated the protocol.
    #[error("protocol violation: {0}")]
    Protocol(String),

    /// A WebSocket-level error that is none of the above.
    #[error("WebSocket error: {0}")]
    WebSocket(String),
}

/// Whose rate limit was hit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum RateLimitScope {
    /// The server answered "too many requests".
    Server,
    /// The client's own rate limiter (rate or burst), configured to fail fast.
    ClientRate,
    /// The client's own quota (N requests per window), configured to fail fast.
    ClientQuota,
}

impl fmt::Display for RateLimitScope {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Server => "server",
            Self::ClientRate => "client rate limiter",
            Self::ClientQuota => "client quota",
        })
    }
}

fn fmt_after(after: Option<Duration>) -> String {
    after.map_or_else(String::new, |d| format!(", retry after {d:?}"))
}

fn fmt_message(message: Option<&str>) -> String {
    message.map_or_else(String::new, |m| format!(": {m}"))
}

/// A response whose status the endpoint does not accept.
///
/// The whole body (up to a limit) is kept, so protocol crates can decode typed error bodies;
/// `Display` shows the server's message, or at most [`BODY_SNIPPET_LIMIT`] bytes of the body.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct StatusError {
    /// The HTTP status code.
    pub status: u16,
    /// The request method (`"GET"`).
    pub method: String,
    /// The request path without the query string (`"/api/v1/users"`).
    pub path: String,
    /// The server's error message, when the protocol crate could extract one.
    pub message: Option<String>,
    /// The `Retry-After` the server sent, if any.
    pub retry_after: Option<Duration>,
    /// The response body.
    pub body: Bytes,
}

impl StatusError {
    /// A status error for `method path` with the given body.
    pub fn new(
        status: u16,
        method: impl Into<String>,
        path: impl Into<String>,
        body: Bytes,
    ) -> Self {
        Self {
            status,
            method: method.into(),
            path: path.into(),
            message: None,
            retry_after: None,
            body,
        }
    }

    /// Sets the server's message.
    #[must_use]
    pub fn with_message(mut self, message: Option<String>) -> Self {
        self.message = message;
        self
    }

    /// Sets the `Retry-After`.
    #[must_use]
    pub fn with_retry_after(mut self, retry_after: Option<Duration>) -> Self {
        self.retry_after = retry_after;
        self
    }

    /// At most [`BODY_SNIPPET_LIMIT`] bytes of the body as (lossy) text.
    pub fn body_snippet(&self) -> String {
        snippet(&self.body)
    }
}

impl fmt::Display for StatusError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}: HTTP {}", self.method, self.path, self.status)?;
        if let Some(reason) = http::StatusCode::from_u16(self.status)
            .ok()
            .and_then(|s| s.canonical_reason())
        {
            write!(f, " {reason}")?;
        }
        match (&self.message, self.body.is_empty()) {
            (Some(message), _) => write!(f, ": {message}")?,
            (None, false) => write!(f, ": {}", self.body_snippet())?,
            (None, true) => {}
        }
        if let Some(after) = self.retry_after {
            write!(f, " (retry after {after:?})")?;
        }
        Ok(())
    }
}

/// A body that did not decode into its type.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct DecodeError {
    /// What was being decoded (`"GET /v1/users response"`, `"sendMessage notification"`).
    pub what: String,
    /// The path of the failing field (`"users[3].threemaId"`), `"."` for the top level.
    pub path: String,
    /// The decoder's message.
    pub message: String,
    /// At most [`BODY_SNIPPET_LIMIT`] bytes of the input as text.
    pub snippet: String,
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "cannot decode {} at `{}`: {}",
            self.what, self.path, self.message
        )
    }
}

/// At most [`BODY_SNIPPET_LIMIT`] bytes of `body` as lossy UTF-8, cut at a character boundary.
pub fn snippet(body: &[u8]) -> String {
    let cut = &body[..body.len().min(BODY_SNIPPET_LIMIT)];
    let mut text = String::from_utf8_lossy(cut).into_owned();
    if text.ends_with('\u{FFFD}') && body.len() > BODY_SNIPPET_LIMIT {
        text.pop();
    }
    if body.len() > BODY_SNIPPET_LIMIT {
        text.push('…');
    }
    text
}

impl Error {
    /// A decode error for `what` at `path`.
    pub fn decode(
        what: impl Into<String>,
        path: impl Into<String>,
        message: impl Into<String>,
        input: &[u8],
    ) -> Self {
        Self::Decode(Box::new(DecodeError {
            what: what.into(),
            path: path.into(),
            message: message.into(),
            snippet: snippet(input),
        }))
    }

    /// An invalid-input error for `field`.
    pub fn invalid_input(field: impl Into<String>, reason: impl Into<String>) -> Self {
        Self::InvalidInput {
            field: field.into(),
            reason: reason.into(),
        }
    }

    /// The HTTP status, for [`Error::Status`] (and server rate limits, which are 429).
    pub fn status(&self) -> Option<u16> {
        match self {
            Self::Status(e) => Some(e.status),
            _ => None,
        }
    }

    /// The [`StatusError`], if this is one.
    pub fn as_status(&self) -> Option<&StatusError> {
        match self {
            Self::Status(e) => Some(e),
            _ => None,
        }
    }

    /// How long the server (or limiter) asked us to wait, when known.
    pub fn retry_after(&self) -> Option<Duration> {
        match self {
            Self::Status(e) => e.retry_after,
            Self::RateLimited { retry_after, .. } => *retry_after,
            _ => None,
        }
    }

    /// True for errors where trying again later may succeed: timeouts, connection problems,
    /// rate limits, 408/429/5xx statuses.
    pub fn is_transient(&self) -> bool {
        match self {
            Self::Status(e) => matches!(e.status, 408 | 425 | 429 | 500..=599),
            Self::RateLimited { .. }
            | Self::Timeout { .. }
            | Self::Connect { .. }
            | Self::Request { .. }
            | Self::ConnectionLost { .. }
            | Self::NotConnected { .. } => true,
            _ => false,
        }
    }

    /// True if the error is a timeout.
    pub fn is_timeout(&self) -> bool {
        matches!(self, Self::Timeout { .. })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_display_shows_method_path_status_and_message() {
        let e = Error::Status(Box::new(
            StatusError::new(
                404,
                "GET",
                "/api/v1/users/ECHOECHO",
                Bytes::from_static(b"{\"error\":\"nope\"}"),
            )
            .with_message(Some("user not found".into())),
        ));
        assert_eq!(
            e.to_string(),
            "GET /api/v1/users/ECHOECHO: HTTP 404 Not Found: user not found"
        );
        assert_eq!(e.status(), Some(404));
        assert!(!e.is_transient());
    }

    #[test]
    fn status_display_falls_back_to_a_bounded_snippet() {
        let body = Bytes::from(vec![b'x'; 5000]);
        let e = StatusError::new(503, "POST", "/v1/messages", body)
            .with_retry_after(Some(Duration::from_secs(7)));
        let shown = e.to_string();
        assert!(shown.starts_with("POST /v1/messages: HTTP 503 Service Unavailable: xxx"));
        assert!(shown.ends_with("… (retry after 7s)"), "{shown}");
        assert!(shown.len() < BODY_SNIPPET_LIMIT + 100);
    }

    #[test]
    fn snippet_cuts_at_char_boundary() {
        let body = "é".repeat(1000); // 2000 bytes
        let s = snippet(body.as_bytes());
        assert!(s.ends_with('…'));
        assert!(!s.contains('\u{FFFD}'));
    }

    #[test]
    fn rate_limited_and_closed_messages() {
        let e = Error::RateLimited {
            scope: RateLimitScope::Server,
            retry_after: Some(Duration::from_secs(3)),
            message: Some("slow down".into()),
        };
        assert_eq!(
            e.to_string(),
            "rate limited by the server, retry after 3s: slow down"
        );
        assert_eq!(e.retry_after(), Some(Duration::from_secs(3)));
        assert!(e.is_transient());
        let c = Error::Closed {
            code: 4001,
            reason: String::new(),
        };
        assert_eq!(
            c.to_string(),
            "connection closed by the server with code 4001"
        );
        assert!(!c.is_transient());
    }

    #[test]
    fn decode_error_names_the_path() {
        let e = Error::decode(
            "GET /users response",
            "users[2].id",
            "invalid type: integer `5`, expected a string",
            b"{}",
        );
        assert_eq!(
            e.to_string(),
            "cannot decode GET /users response at `users[2].id`: invalid type: integer `5`, expected a string"
        );
    }
}

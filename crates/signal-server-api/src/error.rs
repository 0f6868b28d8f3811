//! [`Error`]: everything a call can fail with, with the server's typed error bodies.

use crate::api::{ErrorBody, OperationInfo};
use crate::model::{
    AccountMismatchedDevices, AccountStaleDevices, DeviceLimit, MismatchedDevices,
    RateLimitChallenge, RegistrationLockFailure, StaleDevices,
};
use std::time::Duration;
use transport_core::{RateLimitScope, StatusError};

/// The result type of this crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// An error from a Signal Server call.
///
/// Structured error bodies the server documents (409 mismatched devices, 410 stale devices,
/// 423 registration lock, 428 challenge, 411 device limit) get their own variants, decoded for
/// the operations that declare them ([`OperationInfo::errors`]); rate limits (429, and 413 which
/// older servers used) are [`Error::RateLimited`] with the server's `Retry-After`. Everything
/// else is a [`transport_core::Error`] (status with the server's message, timeout, connection,
/// decoding with the JSON path, invalid input).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The server rate-limited the call (HTTP 429, or 413 on older servers).
    #[error("{what}: rate limited by the server{}", fmt_after(*retry_after))]
    RateLimited {
        /// The request (`"PUT /v1/messages/…"`), or `"request"` when unknown.
        what: String,
        /// How long to wait before trying again, when the server said.
        retry_after: Option<Duration>,
    },

    /// 409: the devices in the request do not match the account's devices.
    #[error("{what}: mismatched devices (missing {:?}, extra {:?})", body.missing_devices, body.extra_devices)]
    MismatchedDevices {
        /// The request.
        what: String,
        /// Which devices are missing and which are extra.
        body: MismatchedDevices,
    },

    /// 410: some devices' registration ids are stale.
    #[error("{what}: stale devices {:?}", body.stale_devices)]
    StaleDevices {
        /// The request.
        what: String,
        /// The stale devices.
        body: StaleDevices,
    },

    /// 409 of a multi-recipient send: mismatched devices per recipient.
    #[error("{what}: mismatched devices for {} recipient(s)", body.len())]
    MultiRecipientMismatchedDevices {
        /// The request.
        what: String,
        /// Per recipient.
        body: Vec<AccountMismatchedDevices>,
    },

    /// 410 of a multi-recipient send: stale devices per recipient.
    #[error("{what}: stale devices for {} recipient(s)", body.len())]
    MultiRecipientStaleDevices {
        /// The request.
        what: String,
        /// Per recipient.
        body: Vec<AccountStaleDevices>,
    },

    /// 423: the number is registration-locked.
    #[error("{what}: registration lock ({} ms remaining)", body.time_remaining.unwrap_or_default())]
    RegistrationLocked {
        /// The request.
        what: String,
        /// Time remaining and SVR credentials.
        body: RegistrationLockFailure,
    },

    /// 428: a challenge (captcha or push challenge) must be solved first; answer it with
    /// `PUT /v1/challenge` ([`HandleChallengeResponse`](crate::api::challenge::HandleChallengeResponse)).
    #[error("{what}: challenge required (options {:?}){}", body.options, fmt_after(*retry_after))]
    ChallengeRequired {
        /// The request.
        what: String,
        /// The challenge token and options.
        body: RateLimitChallenge,
        /// The server's `Retry-After`, if any.
        retry_after: Option<Duration>,
    },

    /// 411: the account already has its maximum number of devices.
    #[error("{what}: device limit reached ({:?} of {:?})", body.current, body.max)]
    DeviceLimitExceeded {
        /// The request.
        what: String,
        /// Current and maximum device counts.
        body: DeviceLimit,
    },

    /// Anything else: HTTP statuses (with the server's message), timeouts, connection errors,
    /// decode errors (with the JSON path) and invalid input.
    #[error(transparent)]
    Transport(#[from] transport_core::Error),
}

fn fmt_after(after: Option<Duration>) -> String {
    after.map_or_else(String::new, |d| format!(", retry after {d:?}"))
}

impl Error {
    /// Maps a transport error of operation `info` to this crate's error: rate limits (429/413)
    /// become [`Error::RateLimited`], and statuses the operation declares typed bodies for are
    /// decoded into their variants. A body that does not decode leaves the status error as it
    /// is (never a decode failure on an error path).
    ///
    /// Both transports (REST and the WebSocket) go through this, so the same call fails the same
    /// way over either.
    pub fn from_transport(info: &OperationInfo, error: transport_core::Error) -> Self {
        match error {
            transport_core::Error::RateLimited {
                scope: RateLimitScope::Server,
                retry_after,
                ..
            } => Self::RateLimited {
                what: format!("{} {}", info.method, info.path_template),
                retry_after,
            },
            transport_core::Error::Status(status) => Self::from_status(info, status),
            other => Self::Transport(other),
        }
    }

    fn from_status(info: &OperationInfo, status: Box<StatusError>) -> Self {
        let what = format!("{} {}", status.method, status.path);
        if matches!(status.status, 413 | 429) {
            return Self::RateLimited {
                what,
                retry_after: status.retry_after,
            };
        }
        let Some(kind) = info.error_body(status.status) else {
            return Self::Transport(transport_core::Error::Status(status));
        };
        let body = &status.body;
        let decoded = match kind {
            ErrorBody::MismatchedDevices => decode(body).map(|body| Self::MismatchedDevices {
                what: what.clone(),
                body,
            }),
            ErrorBody::StaleDevices => decode(body).map(|body| Self::StaleDevices {
                what: what.clone(),
                body,
            }),
            ErrorBody::MultiRecipientMismatchedDevices => {
                decode(body).map(|body| Self::MultiRecipientMismatchedDevices {
                    what: what.clone(),
                    body,
                })
            }
            ErrorBody::MultiRecipientStaleDevices => {
                decode(body).map(|body| Self::MultiRecipientStaleDevices {
                    what: what.clone(),
                    body,
                })
            }
            ErrorBody::RegistrationLockFailure => {
                decode(body).map(|body| Self::RegistrationLocked {
                    what: what.clone(),
                    body,
                })
            }
            ErrorBody::RateLimitChallenge => decode(body).map(|body| Self::ChallengeRequired {
                what: what.clone(),
                body,
                retry_after: status.retry_after,
            }),
            ErrorBody::DeviceLimit => decode(body).map(|body| Self::DeviceLimitExceeded {
                what: what.clone(),
                body,
            }),
        };
        decoded.unwrap_or(Self::Transport(transport_core::Error::Status(status)))
    }

    /// The HTTP status, when the server answered.
    pub fn status(&self) -> Option<u16> {
        match self {
            Self::RateLimited { .. } => Some(429),
            Self::MismatchedDevices { .. } | Self::MultiRecipientMismatchedDevices { .. } => {
                Some(409)
            }
            Self::StaleDevices { .. } | Self::MultiRecipientStaleDevices { .. } => Some(410),
            Self::RegistrationLocked { .. } => Some(423),
            Self::ChallengeRequired { .. } => Some(428),
            Self::DeviceLimitExceeded { .. } => Some(411),
            Self::Transport(e) => e.status(),
        }
    }

    /// How long the server asked us to wait, when it said.
    pub fn retry_after(&self) -> Option<Duration> {
        match self {
            Self::RateLimited { retry_after, .. } | Self::ChallengeRequired { retry_after, .. } => {
                *retry_after
            }
            Self::Transport(e) => e.retry_after(),
            _ => None,
        }
    }

    /// True when trying again later may succeed (rate limits, timeouts, connection errors,
    /// 5xx).
    pub fn is_transient(&self) -> bool {
        match self {
            Self::RateLimited { .. } => true,
            Self::Transport(e) => e.is_transient(),
            _ => false,
        }
    }

    /// The transport error, if this is one.
    pub fn as_transport(&self) -> Option<&transport_core::Error> {
        match self {
            Self::Transport(e) => Some(e),
            _ => None,
        }
    }
}

fn decode<T: serde::de::DeserializeOwned>(body: &[u8]) -> Option<T> {
    serde_json::from_slice(body).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::auth::AuthMode;
    use bytes::Bytes;
    use transport_core::http::Method;

    const INFO: OperationInfo = OperationInfo::new(
        "sendMessage",
        "Messages",
        Method::PUT,
        "/v1/messages/{destination}",
        AuthMode::BasicOrAccessKey,
    )
    .with_errors(&[
        (409, ErrorBody::MismatchedDevices),
        (410, ErrorBody::StaleDevices),
        (428, ErrorBody::RateLimitChallenge),
    ]);

    fn status(code: u16, body: &'static str) -> transport_core::Error {
        transport_core::Error::Status(Box::new(
            StatusError::new(
                code,
                "PUT",
                "/v1/messages/x",
                Bytes::from_static(body.as_bytes()),
            )
            .with_retry_after(Some(Duration::from_secs(5))),
        ))
    }

    #[test]
    fn typed_bodies_for_declared_statuses() {
        let e = Error::from_transport(
            &INFO,
            status(409, r#"{"missingDevices":[2,3],"extraDevices":[4]}"#),
        );
        match &e {
            Error::MismatchedDevices { what, body } => {
                assert_eq!(what, "PUT /v1/messages/x");
                assert_eq!(body.missing_devices.len(), 2);
                assert_eq!(body.extra_devices[0].get(), 4);
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(e.status(), Some(409));
        assert_eq!(
            e.to_string(),
            "PUT /v1/messages/x: mismatched devices (missing [DeviceId(2), DeviceId(3)], extra [DeviceId(4)])"
        );
        let e = Error::from_transport(
            &INFO,
            status(
                428,
                r#"{"token":"t-1","options":["captcha","pushChallenge"]}"#,
            ),
        );
        assert!(matches!(&e, Error::ChallengeRequired { body, .. } if body.token == "t-1"));
        assert_eq!(e.retry_after(), Some(Duration::from_secs(5)));
    }

    #[test]
    fn undeclared_or_undecodable_statuses_stay_status_errors() {
        let e = Error::from_transport(&INFO, status(423, r#"{"timeRemaining":5}"#));
        assert_eq!(e.as_transport().and_then(|t| t.status()), Some(423));
        let e = Error::from_transport(&INFO, status(410, "<html>"));
        assert!(matches!(e, Error::Transport(_)), "{e:?}");
    }

    #[test]
    fn rate_limits_from_either_transport() {
        // REST: transport-core already turned the status into RateLimited.
        let rest = transport_core::Error::RateLimited {
            scope: RateLimitScope::Server,
            retry_after: Some(Duration::from_secs(30)),
            message: None,
        };
        let e = Error::from_transport(&INFO, rest);
        assert!(matches!(e, Error::RateLimited { .. }));
        assert_eq!(e.retry_after(), Some(Duration::from_secs(30)));
        assert!(e.is_transient());
        // WebSocket: a raw status error with 413 or 429.
        for code in [413, 429] {
            let e = Error::from_transport(&INFO, status(code, ""));
            assert_eq!(e.retry_after(), Some(Duration::from_secs(5)), "{code}");
            assert_eq!(
                e.to_string(),
                "PUT /v1/messages/x: rate limited by the server, retry after 5s"
            );
        }
    }
}

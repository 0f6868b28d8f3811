//! Connection states and the reconnect state machine (sans-IO).
//!
//! ```text
//!            ┌────────────── failure (transient) ─────────────┐
//!            ▼                                                 │
//! Connecting{n} ──connected──▶ Handshaking{n} ──ok──▶ Ready ───┤ dropped
//!      ▲                            │                          ▼
//!      └──── delay elapsed ──── BackingOff{n+1, delay} ◀───────┘
//!
//! any state ──shutdown / fatal close / fatal error / attempts exhausted──▶ Closed{reason}
//! ```

use crate::error::Error;
use crate::ws::config::ReconnectPolicy;
use std::fmt;
use std::time::Duration;

/// Where the connection is in its life cycle.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ConnectionState {
    /// Opening the WebSocket (attempt `attempt` of the current outage, from 1).
    Connecting {
        /// The attempt number.
        attempt: u32,
    },
    /// Connected; the protocol's handshake (authentication) is running.
    Handshaking {
        /// The attempt number.
        attempt: u32,
    },
    /// Requests flow.
    Ready,
    /// Waiting `delay` before attempt `attempt`.
    BackingOff {
        /// The attempt that follows the delay.
        attempt: u32,
        /// How long the client waits.
        delay: Duration,
    },
    /// The client stopped for good.
    Closed {
        /// Why.
        reason: CloseReason,
    },
}

impl ConnectionState {
    /// True in [`ConnectionState::Ready`].
    pub fn is_ready(&self) -> bool {
        matches!(self, Self::Ready)
    }

    /// True in [`ConnectionState::Closed`].
    pub fn is_closed(&self) -> bool {
        matches!(self, Self::Closed { .. })
    }
}

impl fmt::Display for ConnectionState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Connecting { attempt } => write!(f, "connecting (attempt {attempt})"),
            Self::Handshaking { attempt } => write!(f, "handshaking (attempt {attempt})"),
            Self::Ready => f.write_str("ready"),
            Self::BackingOff { attempt, delay } => {
                write!(f, "backing off {delay:?} before attempt {attempt}")
            }
            Self::Closed { reason } => write!(f, "closed: {reason}"),
        }
    }
}

/// Why a client stopped.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum CloseReason {
    /// [`WsClient::shutdown`](crate::ws::WsClient::shutdown) was called or every handle was
    /// dropped.
    Shutdown,
    /// The server closed with a code the protocol treats as fatal.
    FatalClose {
        /// The close code.
        code: u16,
        /// The close reason the server sent.
        reason: String,
    },
    /// Connecting or the handshake failed in a way retrying cannot fix (bad credentials, an
    /// upgrade refused with 401/403, an invalid URL).
    FatalError {
        /// The error, as text.
        message: String,
    },
    /// The reconnect policy's attempts ran out.
    GaveUp {
        /// How many attempts failed in a row.
        attempts: u32,
        /// The last failure.
        last_error: String,
    },
}

impl fmt::Display for CloseReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Shutdown => f.write_str("shut down"),
            Self::FatalClose { code, reason } if reason.is_empty() => {
                write!(f, "server closed with fatal code {code}")
            }
            Self::FatalClose { code, reason } => {
                write!(f, "server closed with fatal code {code}: {reason}")
            }
            Self::FatalError { message } => write!(f, "fatal error: {message}"),
            Self::GaveUp {
                attempts,
                last_error,
            } => write!(f, "gave up after {attempts} failed attempts: {last_error}"),
        }
    }
}

impl CloseReason {
    /// The error requests get once the client is closed for this reason.
    pub fn to_error(&self) -> Error {
        match self {
            Self::Shutdown => Error::Shutdown,
            Self::FatalClose { code, reason } => Error::Closed {
                code: *code,
                reason: reason.clone(),
            },
            Self::FatalError { message } => Error::Handshake(message.clone()),
            Self::GaveUp { .. } => Error::ConnectionLost {
                reason: self.to_string(),
            },
        }
    }
}

/// How a connection (attempt) ended, as the state machine sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Failure {
    /// Try again after a delay.
    Transient(String),
    /// Stop: the server closed with a fatal code.
    FatalClose { code: u16, reason: String },
    /// Stop: retrying cannot help.
    Fatal(String),
}

/// The reconnect state machine. Pure: the supervisor feeds it what happened and performs the
/// I/O the new state asks for.
#[derive(Debug)]
pub(crate) struct Machine {
    state: ConnectionState,
    policy: ReconnectPolicy,
    /// Failed attempts in a row (the lost connection counts as the first failure).
    failures: u32,
}

impl Machine {
    /// Starts in `Connecting { attempt: 1 }`.
    pub(crate) fn new(policy: ReconnectPolicy) -> Self {
        Self {
            state: ConnectionState::Connecting { attempt: 1 },
            policy,
            failures: 0,
        }
    }

    pub(crate) fn state(&self) -> &ConnectionState {
        &self.state
    }

    /// The TCP/TLS/WebSocket connection is up. Returns false (and changes nothing) outside
    /// `Connecting`.
    pub(crate) fn connected(&mut self) -> bool {
        if let ConnectionState::Connecting { attempt } = self.state {
            self.state = ConnectionState::Handshaking { attempt };
            true
        } else {
            false
        }
    }

    /// The handshake succeeded. Returns false outside `Handshaking`.
    pub(crate) fn ready(&mut self) -> bool {
        if let ConnectionState::Handshaking { .. } = self.state {
            self.state = ConnectionState::Ready;
            self.failures = 0;
            true
        } else {
            false
        }
    }

    /// A connection attempt failed or a ready connection was lost. `delay_for(n)` gives the
    /// backoff after `n` failures in a row. Returns false if the machine was not connecting,
    /// handshaking or ready.
    pub(crate) fn failed(
        &mut self,
        failure: Failure,
        delay_for: impl FnOnce(u32) -> Duration,
    ) -> bool {
        let next_attempt = match self.state {
            ConnectionState::Ready => 1,
            ConnectionState::Connecting { attempt } | ConnectionState::Handshaking { attempt } => {
                attempt.saturating_add(1)
            }
            ConnectionState::BackingOff { .. } | ConnectionState::Closed { .. } => return false,
        };
        let was_attempt = !self.state.is_ready();
        self.failures = self.failures.saturating_add(1);
        self.state = match failure {
            Failure::FatalClose { code, reason } => ConnectionState::Closed {
                reason: CloseReason::FatalClose { code, reason },
            },
            Failure::Fatal(message) => ConnectionState::Closed {
                reason: CloseReason::FatalError { message },
            },
            Failure::Transient(error) => {
                let failed_attempts = if was_attempt { next_attempt - 1 } else { 0 };
                match self.policy.max_attempts {
                    Some(max) if was_attempt && failed_attempts >= max => ConnectionState::Closed {
                        reason: CloseReason::GaveUp {
                            attempts: failed_attempts,
                            last_error: error,
                        },
                    },
                    _ => ConnectionState::BackingOff {
                        attempt: next_attempt,
                        delay: delay_for(self.failures),
                    },
                }
            }
        };
        true
    }

    /// The backoff delay elapsed. Returns false outside `BackingOff`.
    pub(crate) fn delay_elapsed(&mut self) -> bool {
        if let ConnectionState::BackingOff { attempt, .. } = self.state {
            self.state = ConnectionState::Connecting { attempt };
            true
        } else {
            false
        }
    }

    /// Shutdown was requested: `Closed { Shutdown }` unless already closed.
    pub(crate) fn shutdown(&mut self) {
        if !self.state.is_closed() {
            self.state = ConnectionState::Closed {
                reason: CloseReason::Shutdown,
            };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Backoff, Jitter};

    fn policy(max: Option<u32>) -> ReconnectPolicy {
        ReconnectPolicy::new(
            Backoff::new(Duration::from_millis(100), Duration::from_secs(1))
                .with_jitter(Jitter::None),
        )
        .with_max_attempts(max)
    }

    fn fail(m: &mut Machine, failure: Failure) -> bool {
        let backoff = m.policy.backoff;
        m.failed(failure, |n| backoff.delay(n))
    }

    #[test]
    fn happy_path_and_a_drop_with_backoff() {
        let mut m = Machine::new(policy(None));
        assert_eq!(m.state(), &ConnectionState::Connecting { attempt: 1 });
        assert!(m.connected());
        assert_eq!(m.state(), &ConnectionState::Handshaking { attempt: 1 });
        assert!(m.ready());
        assert!(m.state().is_ready());
        assert!(fail(&mut m, Failure::Transient("reset".into())));
        assert_eq!(
            m.state(),
            &ConnectionState::BackingOff {
                attempt: 1,
                delay: Duration::from_millis(100)
            }
        );
        assert!(m.delay_elapsed());
        assert_eq!(m.state(), &ConnectionState::Connecting { attempt: 1 });
        // Attempt 1 fails: the delay doubles.
        assert!(fail(&mut m, Failure::Transient("refused".into())));
        assert_eq!(
            m.state(),
            &ConnectionState::BackingOff {
                attempt: 2,
                delay: Duration::from_millis(200)
            }
        );
        assert!(m.delay_elapsed());
        assert!(m.connected());
        assert!(m.ready());
        // Ready resets the count: the next drop starts at the base delay again.
        assert!(fail(&mut m, Failure::Transient("reset".into())));
        assert_eq!(
            m.state(),
            &ConnectionState::BackingOff {
                attempt: 1,
                delay: Duration::from_millis(100)
            }
        );
    }

    #[test]
    fn max_attempts_gives_up() {
        let mut m = Machine::new(policy(Some(2)));
        assert!(m.connected());
        assert!(m.ready());
        assert!(fail(&mut m, Failure::Transient("drop".into())));
        assert!(m.delay_elapsed());
        assert!(fail(&mut m, Failure::Transient("refused 1".into())));
        assert!(matches!(
            m.state(),
            ConnectionState::BackingOff { attempt: 2, .. }
        ));
        assert!(m.delay_elapsed());
        assert!(m.connected());
        assert!(fail(&mut m, Failure::Transient("handshake timeout".into())));
        assert_eq!(
            m.state(),
            &ConnectionState::Closed {
                reason: CloseReason::GaveUp {
                    attempts: 2,
                    last_error: "handshake timeout".into()
                }
            }
        );
    }

    #[test]
    fn fatal_close_and_fatal_error_stop_at_once() {
        let mut m = Machine::new(policy(None));
        assert!(m.connected());
        assert!(m.ready());
        assert!(fail(
            &mut m,
            Failure::FatalClose {
                code: 4001,
                reason: "banned".into()
            }
        ));
        assert_eq!(
            m.state(),
            &ConnectionState::Closed {
                reason: CloseReason::FatalClose {
                    code: 4001,
                    reason: "banned".into()
                }
            }
        );
        let mut m = Machine::new(policy(None));
        assert!(m.connected());
        assert!(fail(&mut m, Failure::Fatal("bad token".into())));
        assert_eq!(
            m.state().clone(),
            ConnectionState::Closed {
                reason: CloseReason::FatalError {
                    message: "bad token".into()
                }
            }
        );
    }

    #[test]
    fn invalid_transitions_change_nothing() {
        let mut m = Machine::new(policy(None));
        assert!(!m.ready());
        assert!(!m.delay_elapsed());
        assert!(m.connected());
        assert!(!m.connected());
        m.shutdown();
        assert!(!fail(&mut m, Failure::Transient("x".into())));
        assert!(!m.connected());
        assert_eq!(
            m.state(),
            &ConnectionState::Closed {
                reason: CloseReason::Shutdown
            }
        );
    }

    #[test]
    fn close_reasons_map_to_errors() {
        assert!(matches!(CloseReason::Shutdown.to_error(), Error::Shutdown));
        assert!(matches!(
            CloseReason::FatalClose {
                code: 4003,
                reason: String::new()
            }
            .to_error(),
            Error::Closed { code: 4003, .. }
        ));
        let gave_up = CloseReason::GaveUp {
            attempts: 3,
            last_error: "refused".into(),
        };
        assert_eq!(
            gave_up.to_error().to_string(),
            "connection lost: gave up after 3 failed attempts: refused"
        );
    }
}

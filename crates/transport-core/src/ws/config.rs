//! [`WsConfig`]: everything a [`WsClient`](crate::ws::WsClient) can be told.

use crate::backoff::Backoff;
use crate::error::{Error, Result};
use crate::ws::connect::WsConnectOptions;
use std::time::Duration;

/// How the client reconnects after losing the connection.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct ReconnectPolicy {
    /// Delays between attempts: exponential with jitter.
    pub backoff: Backoff,
    /// How many connection attempts in a row may fail before the client gives up
    /// ([`CloseReason::GaveUp`](crate::ws::CloseReason::GaveUp)); `None` tries forever.
    pub max_attempts: Option<u32>,
}

impl ReconnectPolicy {
    /// Reconnects forever with `backoff`.
    pub fn new(backoff: Backoff) -> Self {
        Self {
            backoff,
            max_attempts: None,
        }
    }

    /// Sets the attempt limit.
    #[must_use]
    pub fn with_max_attempts(mut self, max_attempts: Option<u32>) -> Self {
        self.max_attempts = max_attempts;
        self
    }
}

impl Default for ReconnectPolicy {
    /// [`Backoff::default`] (500 ms doubling to 30 s, full jitter), forever.
    fn default() -> Self {
        Self::new(Backoff::default())
    }
}

/// What a request does when the client is not ready (connecting, handshaking, backing off).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum WhenDisconnected {
    /// Wait until the connection is ready again, within the request's own timeout. The default.
    #[default]
    Wait,
    /// Fail at once with [`Error::NotConnected`].
    FailFast,
}

/// What happens when notifications arrive faster than the application takes them and the
/// buffer is full. The reader never waits for the application, so something must give; the
/// loss is never silent: the stream yields
/// [`NotificationItem::Lagged`](crate::ws::NotificationItem::Lagged) with the number lost, at
/// the place of the gap, and a
/// [`ConnectionEvent::NotificationsLost`](crate::ws::ConnectionEvent::NotificationsLost) is
/// published.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum OverflowPolicy {
    /// Drop the oldest buffered notification to make room (the stream then starts with
    /// `Lagged`). The default: a slow consumer catches up with the present.
    #[default]
    DropOldest,
    /// Drop the notification that just arrived (`Lagged` follows the buffered ones).
    DropNewest,
}

/// Configuration of a [`WsClient`](crate::ws::WsClient).
///
/// ```
/// use std::time::Duration;
/// use transport_core::ws::{WsConfig, WhenDisconnected};
///
/// let config = WsConfig::new("wss://chat.example.com/websocket/chat_bot/")
///     .with_request_timeout(Duration::from_secs(10))
///     .with_ping(Some(Duration::from_secs(20)), Some(Duration::from_secs(45)))
///     .with_when_disconnected(WhenDisconnected::FailFast);
/// assert_eq!(config.request_timeout, Duration::from_secs(10));
/// ```
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct WsConfig {
    /// Where and how to connect.
    pub connect: WsConnectOptions,
    /// Default time limit for a request (sending, waiting for ready and the reply). Default
    /// 30 s.
    pub request_timeout: Duration,
    /// Time limit for the protocol's handshake after each connect. Default 30 s.
    pub handshake_timeout: Duration,
    /// Interval of WebSocket pings sent by the client; `None` sends none. Default 20 s.
    pub ping_interval: Option<Duration>,
    /// Reconnect when nothing at all (not even a pong) arrived for this long; `None` never.
    /// Default 60 s.
    pub idle_timeout: Option<Duration>,
    /// Interval of the protocol's application-level keepalive request
    /// ([`Protocol::keepalive`](crate::ws::Protocol::keepalive)); `None` sends none.
    /// Default 30 s.
    pub app_keepalive_interval: Option<Duration>,
    /// Reconnect delays and limit.
    pub reconnect: ReconnectPolicy,
    /// Behaviour of requests while not ready.
    pub when_disconnected: WhenDisconnected,
    /// Retry the first connection per [`WsConfig::reconnect`] instead of failing
    /// [`WsClient::connect`](crate::ws::WsClient::connect) at the first error. Default false.
    pub retry_initial_connect: bool,
    /// Notifications buffered for the application. Default 1024.
    pub notification_buffer: usize,
    /// What gives when the notification buffer is full.
    pub overflow: OverflowPolicy,
    /// Connection events buffered per [`Events`](crate::ws::Events) subscriber. Default 256.
    pub event_buffer: usize,
    /// Outgoing frames queued for the writer before senders wait. Default 1024.
    pub send_queue: usize,
    /// Expired request keys remembered to recognise late replies. Default 1024.
    pub late_reply_memory: usize,
    /// How long a graceful close waits for the server's close reply. Default 5 s.
    pub close_timeout: Duration,
}

impl WsConfig {
    /// A configuration for `url` with the defaults.
    pub fn new(url: impl Into<String>) -> Self {
        Self::from_options(WsConnectOptions::new(url))
    }

    /// A configuration with these connect options and the defaults otherwise.
    pub fn from_options(connect: WsConnectOptions) -> Self {
        Self {
            connect,
            request_timeout: Duration::from_secs(30),
            handshake_timeout: Duration::from_secs(30),
            ping_interval: Some(Duration::from_secs(20)),
            idle_timeout: Some(Duration::from_secs(60)),
            app_keepalive_interval: Some(Duration::from_secs(30)),
            reconnect: ReconnectPolicy::default(),
            when_disconnected: WhenDisconnected::default(),
            retry_initial_connect: false,
            notification_buffer: 1024,
            overflow: OverflowPolicy::default(),
            event_buffer: 256,
            send_queue: 1024,
            late_reply_memory: 1024,
            close_timeout: Duration::from_secs(5),
        }
    }

    /// Sets the default request timeout.
    #[must_use]
    pub fn with_request_timeout(mut self, timeout: Duration) -> Self {
        self.request_timeout = timeout;
        self
    }

    /// Sets the handshake timeout.
    #[must_use]
    pub fn with_handshake_timeout(mut self, timeout: Duration) -> Self {
        self.handshake_timeout = timeout;
        self
    }

    /// Sets the WebSocket ping interval and the idle timeout.
    #[must_use]
    pub fn with_ping(mut self, interval: Option<Duration>, idle_timeout: Option<Duration>) -> Self {
        self.ping_interval = interval;
        self.idle_timeout = idle_timeout;
        self
    }

    /// Sets the application keepalive interval.
    #[must_use]
    pub fn with_app_keepalive(mut self, interval: Option<Duration>) -> Self {
        self.app_keepalive_interval = interval;
        self
    }

    /// Sets the reconnect policy.
    #[must_use]
    pub fn with_reconnect(mut self, policy: ReconnectPolicy) -> Self {
        self.reconnect = policy;
        self
    }

    /// Sets what requests do while not ready.
    #[must_use]
    pub fn with_when_disconnected(mut self, when: WhenDisconnected) -> Self {
        self.when_disconnected = when;
        self
    }

    /// Retries the first connection per the reconnect policy.
    #[must_use]
    pub fn with_retry_initial_connect(mut self, retry: bool) -> Self {
        self.retry_initial_connect = retry;
        self
    }

    /// Sets the notification buffer size and overflow policy.
    #[must_use]
    pub fn with_notification_buffer(mut self, size: usize, overflow: OverflowPolicy) -> Self {
        self.notification_buffer = size;
        self.overflow = overflow;
        self
    }

    /// Sets the outgoing queue size.
    #[must_use]
    pub fn with_send_queue(mut self, size: usize) -> Self {
        self.send_queue = size;
        self
    }

    /// Checks the settings before any I/O.
    pub(crate) fn validate(&self) -> Result<()> {
        let positive = |name: &str, d: Duration| {
            if d.is_zero() {
                Err(Error::invalid_input(name, "must be positive"))
            } else {
                Ok(())
            }
        };
        positive("request_timeout", self.request_timeout)?;
        positive("handshake_timeout", self.handshake_timeout)?;
        positive("close_timeout", self.close_timeout)?;
        for (name, value) in [
            ("ping_interval", self.ping_interval),
            ("idle_timeout", self.idle_timeout),
            ("app_keepalive_interval", self.app_keepalive_interval),
        ] {
            if let Some(d) = value {
                positive(name, d)?;
            }
        }
        if let (Some(ping), Some(idle)) = (self.ping_interval, self.idle_timeout)
            && idle <= ping
        {
            return Err(Error::invalid_input(
                "idle_timeout",
                format!(
                    "must be longer than ping_interval ({ping:?}), or pongs cannot arrive in time"
                ),
            ));
        }
        for (name, value) in [
            ("notification_buffer", self.notification_buffer),
            ("event_buffer", self.event_buffer),
            ("send_queue", self.send_queue),
        ] {
            if value == 0 {
                return Err(Error::invalid_input(name, "must be at least 1"));
            }
        }
        self.connect.prepare().map(|_| ())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_validate() {
        WsConfig::new("ws://127.0.0.1:1/").validate().unwrap();
    }

    #[test]
    fn idle_timeout_must_exceed_ping_interval() {
        let err = WsConfig::new("ws://127.0.0.1:1/")
            .with_ping(Some(Duration::from_secs(30)), Some(Duration::from_secs(30)))
            .validate()
            .unwrap_err();
        assert!(err.to_string().starts_with("invalid idle_timeout"), "{err}");
    }

    #[test]
    fn zero_sizes_and_durations_are_rejected() {
        let err = WsConfig::new("ws://127.0.0.1:1/")
            .with_send_queue(0)
            .validate()
            .unwrap_err();
        assert_eq!(err.to_string(), "invalid send_queue: must be at least 1");
        let err = WsConfig::new("ws://127.0.0.1:1/")
            .with_request_timeout(Duration::ZERO)
            .validate()
            .unwrap_err();
        assert_eq!(err.to_string(), "invalid request_timeout: must be positive");
        let err = WsConfig::new("ftp://x/").validate().unwrap_err();
        assert!(err.to_string().contains("scheme"), "{err}");
    }
}

//! [`ServerConfig`] and [`SessionConfig`]: where the SaltyRTC server is and how a session
//! behaves (keep-alive, timeouts, reconnects).

use crate::connection::{ConnectionConfig, Role};
use crate::saltyrtc::{KEY_LENGTH, Signaling, to_hex};
use std::fmt;
use std::time::Duration;
use transport_core::Backoff;
use transport_core::tls::TlsConfig;
use transport_core::ws::WsConnectOptions;

/// The SaltyRTC server: host, port, scheme, its permanent public key and TLS settings.
///
/// ```
/// use threema_arp::session::ServerConfig;
///
/// let server = ServerConfig::new("saltyrtc-ab.threema.ch", 443).with_public_key([7; 32]);
/// assert_eq!(server.base_url(), "wss://saltyrtc-ab.threema.ch:443");
/// let local = ServerConfig::new("127.0.0.1", 8765).insecure();
/// assert_eq!(local.base_url(), "ws://127.0.0.1:8765");
/// ```
#[derive(Clone)]
#[non_exhaustive]
pub struct ServerConfig {
    /// The host name or IP address.
    pub host: String,
    /// The port.
    pub port: u16,
    /// `wss://` (true, the default) or plain `ws://` (local test servers only).
    pub secure: bool,
    /// The server's permanent public key. When set, the server must prove it holds it
    /// (`signed_keys` in `server-auth`); Threema's official servers have one.
    pub public_key: Option<[u8; KEY_LENGTH]>,
    /// TLS settings for `wss://` (extra roots, client certificates…).
    pub tls: TlsConfig,
    /// Time limit for TCP connect, TLS and the WebSocket upgrade. Default 10 s.
    pub connect_timeout: Duration,
}

impl ServerConfig {
    /// A `wss://host:port` server without a pinned key.
    pub fn new(host: impl Into<String>, port: u16) -> Self {
        Self {
            host: host.into(),
            port,
            secure: true,
            public_key: None,
            tls: TlsConfig::new(),
            connect_timeout: Duration::from_secs(10),
        }
    }

    /// Pins the server's permanent public key.
    #[must_use]
    pub fn with_public_key(mut self, key: [u8; KEY_LENGTH]) -> Self {
        self.public_key = Some(key);
        self
    }

    /// Uses plain `ws://` (no TLS): only for servers on the local machine in tests.
    #[must_use]
    pub fn insecure(mut self) -> Self {
        self.secure = false;
        self
    }

    /// Sets the TLS configuration.
    #[must_use]
    pub fn with_tls(mut self, tls: TlsConfig) -> Self {
        self.tls = tls;
        self
    }

    /// `wss://host:port` (or `ws://`).
    pub fn base_url(&self) -> String {
        let scheme = if self.secure { "wss" } else { "ws" };
        if self.host.contains(':') && !self.host.starts_with('[') {
            format!("{scheme}://[{}]:{}", self.host, self.port)
        } else {
            format!("{scheme}://{}:{}", self.host, self.port)
        }
    }

    /// The WebSocket URL of the signalling path of `initiator_public_key`.
    pub fn path_url(&self, initiator_public_key: &[u8; KEY_LENGTH]) -> String {
        format!(
            "{}/{}",
            self.base_url(),
            Signaling::path(initiator_public_key)
        )
    }

    /// The connection options for the path of `initiator_public_key`.
    pub(crate) fn connect_options(
        &self,
        initiator_public_key: &[u8; KEY_LENGTH],
    ) -> WsConnectOptions {
        WsConnectOptions::new(self.path_url(initiator_public_key))
            .with_subprotocol(crate::saltyrtc::SUBPROTOCOL)
            .with_connect_timeout(self.connect_timeout)
            // Bulk transfers move 64 KiB chunks: buffers of one chunk each.
            .with_buffer_sizes(64 << 10, 64 << 10)
            .with_tls(self.tls.clone())
    }
}

impl fmt::Debug for ServerConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ServerConfig")
            .field("url", &self.base_url())
            .field("public_key", &self.public_key.map(|k| to_hex(&k)))
            .field("tls", &self.tls)
            .field("connect_timeout", &self.connect_timeout)
            .finish()
    }
}

/// How a session behaves: keep-alive, timeouts, reconnects and the ARP connection layer.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct SessionConfig {
    /// The WebSocket ping interval asked of the server in `client-auth`, in seconds (0: no
    /// pings). Default 30 (as Threema Web).
    pub ping_interval: u32,
    /// After this long without a chunk from the peer, a `request/connectionAck` probes the
    /// connection. Default 20 s.
    pub keepalive_interval: Duration,
    /// If nothing arrives this long after a probe, the connection counts as dead: the
    /// WebSocket is dropped and the session resumed on a new one. Default 10 s.
    pub keepalive_timeout: Duration,
    /// Time limit for the server handshake after connecting, and for the ARP
    /// `connectionInfo` exchange after the peer handshake. Default 20 s.
    pub handshake_timeout: Duration,
    /// Delays between reconnect attempts. Default 500 ms doubling to 30 s, full jitter.
    pub reconnect: Backoff,
    /// How many reconnect attempts in a row may fail before the session gives up; `None`
    /// (the default) tries forever.
    pub max_reconnect_attempts: Option<u32>,
    /// Incomplete incoming messages that received no chunk for this long are dropped.
    /// Default 5 min.
    pub incomplete_message_timeout: Duration,
    /// Updates buffered for a slow consumer before the oldest are dropped (the stream says
    /// so). Default 4,096.
    pub update_buffer: usize,
    /// The ARP connection layer (chunk size, unchunker limits, connectionAck timing).
    pub connection: ConnectionConfig,
}

impl SessionConfig {
    /// The defaults for `role`.
    pub fn new(role: Role) -> Self {
        Self {
            ping_interval: 30,
            keepalive_interval: Duration::from_secs(20),
            keepalive_timeout: Duration::from_secs(10),
            handshake_timeout: Duration::from_secs(20),
            reconnect: Backoff::default(),
            max_reconnect_attempts: None,
            incomplete_message_timeout: Duration::from_secs(300),
            update_buffer: 4096,
            connection: ConnectionConfig::new(role),
        }
    }

    /// Checks the settings before any I/O.
    pub(crate) fn validate(&self) -> crate::Result<()> {
        let positive = [
            ("keepalive_interval", self.keepalive_interval),
            ("keepalive_timeout", self.keepalive_timeout),
            ("handshake_timeout", self.handshake_timeout),
            (
                "incomplete_message_timeout",
                self.incomplete_message_timeout,
            ),
        ];
        for (name, value) in positive {
            if value.is_zero() {
                return Err(crate::Error::invalid(
                    format!("session {name}"),
                    "must be positive",
                ));
            }
        }
        if self.update_buffer == 0 {
            return Err(crate::Error::invalid(
                "session update_buffer",
                "must be positive",
            ));
        }
        crate::chunking::Chunker::new(self.connection.chunk_size)?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_and_options() {
        let server = ServerConfig::new("::1", 9).insecure();
        assert_eq!(server.base_url(), "ws://[::1]:9");
        let url = server.path_url(&[0xab; 32]);
        assert_eq!(url, format!("ws://[::1]:9/{}", "ab".repeat(32)));
        let options = server.connect_options(&[0xab; 32]);
        assert_eq!(options.subprotocols, ["v1.saltyrtc.org"]);
        assert!(format!("{server:?}").contains("ws://[::1]:9"));
    }

    #[test]
    fn invalid_settings_fail_before_io() {
        let mut config = SessionConfig::new(Role::Client);
        assert!(config.validate().is_ok());
        config.keepalive_timeout = Duration::ZERO;
        let error = config.validate().unwrap_err();
        assert!(error.is_invalid_input());
        assert!(error.to_string().contains("keepalive_timeout"), "{error}");
        let mut config = SessionConfig::new(Role::Client);
        config.connection.chunk_size = 4;
        assert!(config.validate().is_err());
    }
}

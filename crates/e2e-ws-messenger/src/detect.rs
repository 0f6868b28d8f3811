//! Opt-in framing detection at connect: [`detect_framing`] drives the sans-IO
//! [`FramingProbe`] over raw connections ([`transport_core::ws::connect`]).

use crate::api::requests::RequestPing;
use crate::error::{Error, FramingError};
use crate::framing::{Framing, FramingProbe};
use std::fmt;
use std::time::Duration;
use transport_core::ws::{WsConnectOptions, WsConnection, connect};

/// How long detection waits for the answer to one probe before trying the next candidate,
/// unless configured otherwise.
pub const DEFAULT_PROBE_TIMEOUT: Duration = Duration::from_secs(5);

/// The framing [`detect_framing`] found.
#[non_exhaustive]
pub struct DetectedFraming {
    /// The framing that was answered with a `ResponsePong`.
    pub framing: Box<dyn Framing>,
    /// Its description ([`Framing::describe`]).
    pub description: String,
    /// How many candidates were sent (the last one was answered).
    pub attempts: usize,
    /// How many connections were opened (a server may close the connection after a frame in
    /// a framing it does not understand).
    pub connections: usize,
}

impl fmt::Debug for DetectedFraming {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DetectedFraming")
            .field("description", &self.description)
            .field("attempts", &self.attempts)
            .field("connections", &self.connections)
            .finish_non_exhaustive()
    }
}

/// What became of one probe.
enum Outcome {
    Pong,
    Closed,
    Silent,
}

/// Sends `ping` in each of the probe's candidate framings in turn, on connections opened with
/// `options`, and returns the first framing answered with a `ResponsePong`. A candidate that
/// gets no answer within `probe_timeout` is skipped on the same connection; when the server
/// closes the connection, the next candidate goes out on a new one. The connection used for
/// detection is closed afterwards.
///
/// Opt-in (off by default, see `docs/decisions.md`): it sends frames in framings the server
/// does not speak. Against a server that ignores them, detection may take up to
/// `candidates × probe_timeout`.
///
/// # Errors
///
/// The connect error when a connection cannot be opened; [`FramingError::NotDetected`] when
/// no candidate was answered.
pub async fn detect_framing(
    options: &WsConnectOptions,
    mut probe: FramingProbe,
    ping: &RequestPing,
    probe_timeout: Duration,
) -> Result<DetectedFraming, Error> {
    let mut conn: Option<WsConnection> = None;
    let mut attempts = 0usize;
    let mut connections = 0usize;
    while let Some(attempt) = probe.next_attempt(ping) {
        attempts += 1;
        let mut current = match conn.take() {
            Some(current) => current,
            None => {
                connections += 1;
                connect(options).await?
            }
        };
        if current.send(attempt.frame.clone()).await.is_err() {
            // The server closed the connection after the previous probe: once more, afresh.
            connections += 1;
            current = connect(options).await?;
            current.send(attempt.frame.clone()).await?;
        }
        tracing::debug!(framing = %attempt.framing, "framing probe sent");
        let deadline = tokio::time::Instant::now() + probe_timeout;
        let outcome = loop {
            match tokio::time::timeout_at(deadline, current.recv()).await {
                Ok(Ok(frame)) if probe.is_pong(&attempt, &frame) => break Outcome::Pong,
                // Something else (a notification, an error in another framing): keep waiting.
                Ok(Ok(_)) => {}
                Ok(Err(_)) => break Outcome::Closed,
                Err(_) => break Outcome::Silent,
            }
        };
        match outcome {
            Outcome::Pong => {
                // Best effort: the real client opens its own connection.
                let _ = current.close(1000, "", Duration::from_secs(1)).await;
                let description = attempt.framing.clone();
                tracing::info!(framing = %description, attempts, "framing detected");
                let framing = probe
                    .into_framing(&attempt)
                    .ok_or(FramingError::NotDetected { tried: attempts })?;
                return Ok(DetectedFraming {
                    framing,
                    description,
                    attempts,
                    connections,
                });
            }
            Outcome::Closed => conn = None,
            Outcome::Silent => conn = Some(current),
        }
    }
    if let Some(mut current) = conn {
        let _ = current.close(1000, "", Duration::from_secs(1)).await;
    }
    Err(FramingError::NotDetected { tried: attempts }.into())
}

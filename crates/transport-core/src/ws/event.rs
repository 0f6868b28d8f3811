//! [`ConnectionEvent`]s: what happened to a client's connection, for logs and dashboards.

use crate::ws::frame::WsFrame;
use crate::ws::state::ConnectionState;
use futures_util::Stream;
use std::fmt;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;
use tokio::sync::broadcast;

/// Something that happened to the connection of a [`WsClient`](crate::ws::WsClient).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ConnectionEvent {
    /// The state changed (connecting, handshaking, ready, backing off with its delay, closed).
    StateChanged(ConnectionState),
    /// A connection attempt (connect or handshake) failed.
    AttemptFailed {
        /// The attempt number.
        attempt: u32,
        /// Why.
        error: String,
        /// True if the failure stops the client.
        fatal: bool,
    },
    /// A ready connection ended; every pending request failed with `ConnectionLost`.
    Disconnected {
        /// Why the connection ended.
        reason: String,
        /// How many requests were failed.
        failed_requests: usize,
    },
    /// The server closed the connection with a code the protocol treats as fatal; the client
    /// will not reconnect.
    FatalClose {
        /// The close code.
        code: u16,
        /// The close reason.
        reason: String,
    },
    /// A response arrived for a request that had already timed out or been abandoned; it was
    /// dropped.
    LateResponse {
        /// The correlation key (`Debug` form).
        key: String,
    },
    /// A response matched no pending request and no expired one; it was dropped.
    UnsolicitedResponse {
        /// The candidate keys (`Debug` form).
        keys: String,
    },
    /// The protocol could not classify a frame; it was dropped.
    UnknownFrame {
        /// The protocol's explanation.
        reason: String,
        /// The frame.
        frame: WsFrame,
    },
    /// Notifications started to be dropped because the application did not keep up (published
    /// once per streak of losses; the stream carries exact counts).
    NotificationsLost {
        /// Notifications lost since the client started.
        total: u64,
    },
    /// The application keepalive request failed; the client reconnects.
    KeepaliveFailed {
        /// Why.
        error: String,
        /// The keepalive interval.
        interval: Duration,
    },
    /// This subscriber fell behind and missed `missed` events.
    Lagged {
        /// How many events were skipped.
        missed: u64,
    },
}

/// A stream of [`ConnectionEvent`]s (one subscriber; call
/// [`WsClient::events`](crate::ws::WsClient::events) again for another). Events that happened
/// before subscribing are not replayed; [`WsClient::state`](crate::ws::WsClient::state) gives
/// the current state. A slow subscriber gets [`ConnectionEvent::Lagged`] instead of blocking
/// the client.
pub struct Events {
    inner: Pin<Box<dyn Stream<Item = ConnectionEvent> + Send>>,
}

impl fmt::Debug for Events {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Events").finish_non_exhaustive()
    }
}

impl Events {
    pub(crate) fn new(receiver: broadcast::Receiver<ConnectionEvent>) -> Self {
        let inner = futures_util::stream::unfold(receiver, |mut receiver| async move {
            match receiver.recv().await {
                Ok(event) => Some((event, receiver)),
                Err(broadcast::error::RecvError::Lagged(missed)) => {
                    Some((ConnectionEvent::Lagged { missed }, receiver))
                }
                Err(broadcast::error::RecvError::Closed) => None,
            }
        });
        Self {
            inner: Box::pin(inner),
        }
    }

    /// The next event, or `None` once the client is gone.
    pub async fn recv(&mut self) -> Option<ConnectionEvent> {
        futures_util::StreamExt::next(self).await
    }
}

impl Stream for Events {
    type Item = ConnectionEvent;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        self.inner.as_mut().poll_next(cx)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn lagging_subscriber_sees_lagged_then_recent_events() {
        let (tx, rx) = broadcast::channel(2);
        let mut events = Events::new(rx);
        for n in 0..5u64 {
            tx.send(ConnectionEvent::NotificationsLost { total: n })
                .unwrap();
        }
        assert_eq!(
            events.recv().await,
            Some(ConnectionEvent::Lagged { missed: 3 })
        );
        assert_eq!(
            events.recv().await,
            Some(ConnectionEvent::NotificationsLost { total: 3 })
        );
        assert_eq!(
            events.recv().await,
            Some(ConnectionEvent::NotificationsLost { total: 4 })
        );
        drop(tx);
        assert_eq!(events.recv().await, None);
    }
}

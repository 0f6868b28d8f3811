//! [`EventStream`]: what the server pushed and what happened to the connection, as one typed
//! stream of [`Event`]s.
//!
//! Nothing is dropped silently: notifications come typed; notifications the application did not
//! take in time are reported where they were lost ([`Event::NotificationsLost`]); frames that
//! could not be understood ([`Event::Unknown`]), responses nobody waited for
//! ([`Event::UnsolicitedResponse`]) and late replies of expired requests
//! ([`Event::LateResponse`]) are reported; a dropped connection is reported
//! ([`Event::Disconnected`]: notifications the server pushed meanwhile are lost, resynchronise)
//! and so is the new, re-authenticated one ([`Event::Reconnected`]).

use crate::api::Notification;
use crate::framing::Framing;
use crate::protocol::Pushed;
use futures_util::Stream;
use serde_json::Value;
use std::fmt;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use transport_core::ws::{
    ConnectionEvent, ConnectionState, Events, NotificationItem, Notifications,
};

/// One item of an [`EventStream`].
// Like `Notification` itself: events are handled one at a time, boxing would only make matching
// clumsier.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Event {
    /// A notification from the server.
    Notification(Notification),
    /// `missed` notifications were dropped at this point because the application did not keep
    /// up (the client's buffer was full; see
    /// [`OverflowPolicy`](transport_core::ws::OverflowPolicy)).
    NotificationsLost {
        /// How many.
        missed: u64,
    },
    /// The connection ended; requests pending on it failed. Reported as soon as it happens,
    /// possibly before notifications the old connection had already delivered. Notifications
    /// the server pushes until [`Event::Reconnected`] cannot reach this client.
    Disconnected {
        /// Why it ended.
        reason: String,
        /// How many pending requests were failed.
        failed_requests: usize,
    },
    /// A new connection is ready: the handshake (`RequestPing`, then
    /// `RequestAuthenticationByApplication` when the client has credentials) succeeded again.
    /// It sits exactly where the gap is: notifications before it came from earlier
    /// connections, notifications after it from the new one. Resynchronise here (for example
    /// with `RequestGetConversationsFull`): what the server pushed in between is lost.
    Reconnected,
    /// The application keepalive (`RequestPing`) got no answer in time; a reconnect follows.
    KeepaliveFailed {
        /// Why.
        error: String,
    },
    /// A frame the client could not use: it does not fit the framing, its wire name is
    /// unknown, or a notification's body did not decode.
    Unknown {
        /// The wire name, when the framing could split the frame.
        wire_name: Option<String>,
        /// The body, when the framing could split the frame.
        body: Option<Value>,
        /// Why it was not understood.
        reason: String,
    },
    /// A response that no pending request expected; it was not delivered to any caller.
    UnsolicitedResponse {
        /// The queues it was offered to.
        keys: String,
    },
    /// The late reply of a request that had already timed out; it was not delivered.
    LateResponse {
        /// Its queue.
        key: String,
    },
    /// The client stopped for good (shut down, fatal close, refused authentication, out of
    /// reconnect attempts); the stream ends after this.
    Closed {
        /// Why.
        reason: String,
    },
    /// This stream fell behind the connection events and missed `missed` of them (the
    /// notifications themselves are counted by [`Event::NotificationsLost`]).
    EventsLost {
        /// How many.
        missed: u64,
    },
}

/// The stream of [`Event`]s of a [`Client`](crate::Client), from
/// [`Client::events`](crate::Client::events). It ends once the client is closed.
pub struct EventStream {
    events: Events,
    events_done: bool,
    notifications: Notifications<Pushed>,
    framing: Arc<dyn Framing>,
}

impl fmt::Debug for EventStream {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("EventStream").finish_non_exhaustive()
    }
}

impl EventStream {
    pub(crate) fn new(
        events: Events,
        notifications: Notifications<Pushed>,
        framing: Arc<dyn Framing>,
    ) -> Self {
        Self {
            events,
            events_done: false,
            notifications,
            framing,
        }
    }

    /// The next event, or `None` once the client is closed.
    pub async fn recv(&mut self) -> Option<Event> {
        futures_util::StreamExt::next(self).await
    }

    /// The next notification, skipping every other event; `None` once the client is closed.
    pub async fn next_notification(&mut self) -> Option<Notification> {
        loop {
            if let Event::Notification(notification) = self.recv().await? {
                return Some(notification);
            }
        }
    }

    fn translate(&mut self, event: ConnectionEvent) -> Option<Event> {
        Some(match event {
            ConnectionEvent::StateChanged(ConnectionState::Closed { reason }) => Event::Closed {
                reason: reason.to_string(),
            },
            ConnectionEvent::Disconnected {
                reason,
                failed_requests,
            } => Event::Disconnected {
                reason,
                failed_requests,
            },
            ConnectionEvent::KeepaliveFailed { error, .. } => Event::KeepaliveFailed { error },
            ConnectionEvent::UnknownFrame { reason, frame } => match self.framing.decode(&frame) {
                Ok(decoded) => Event::Unknown {
                    wire_name: Some(decoded.wire_name),
                    body: Some(decoded.body),
                    reason,
                },
                Err(_) => Event::Unknown {
                    wire_name: None,
                    body: None,
                    reason,
                },
            },
            ConnectionEvent::UnsolicitedResponse { keys } => Event::UnsolicitedResponse { keys },
            ConnectionEvent::LateResponse { key } => Event::LateResponse { key },
            ConnectionEvent::Lagged { missed } => Event::EventsLost { missed },
            // State changes in between (a new connection is marked in the notification
            // stream itself), failed attempts (followed by a retry or by `Closed`) and the
            // overflow alarm (the stream itself carries the exact counts).
            _ => return None,
        })
    }
}

impl Stream for EventStream {
    type Item = Event;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Event>> {
        let this = &mut *self;
        // Connection events first: a `Disconnected` is reported as soon as it happens.
        while !this.events_done {
            match Pin::new(&mut this.events).poll_next(cx) {
                Poll::Ready(Some(event)) => {
                    if let Some(event) = this.translate(event) {
                        return Poll::Ready(Some(event));
                    }
                }
                Poll::Ready(None) => this.events_done = true,
                Poll::Pending => break,
            }
        }
        loop {
            return match Pin::new(&mut this.notifications).poll_next(cx) {
                Poll::Ready(Some(NotificationItem::Notification(Pushed::Notification(
                    notification,
                )))) => Poll::Ready(Some(Event::Notification(notification))),
                Poll::Ready(Some(NotificationItem::Notification(Pushed::Reconnected))) => {
                    Poll::Ready(Some(Event::Reconnected))
                }
                Poll::Ready(Some(NotificationItem::Lagged { missed })) => {
                    Poll::Ready(Some(Event::NotificationsLost { missed }))
                }
                Poll::Ready(Some(_)) => continue,
                Poll::Ready(None) => Poll::Ready(None),
                Poll::Pending => Poll::Pending,
            };
        }
    }
}

//! [`IncomingMessages`]: what the server pushes on the authenticated socket (messages, "queue
//! empty"), as a stream of [`Incoming`] items that acknowledge themselves per [`AckMode`].

use super::codec::{ServerRequest, ServerRequestKind};
use super::protocol::{AckMode, ServerPush, SignalProtocol, response_frame};
use crate::error::{Error, Result};
use bytes::Bytes;
use futures_util::Stream;
use std::fmt;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Weak};
use std::task::{Context, Poll};
use transport_core::ws::{NotificationItem, Notifications, WsClient};

/// The header carrying the server's delivery time (milliseconds since the epoch).
pub const TIMESTAMP_HEADER: &str = "x-signal-timestamp";

/// One item of the [`IncomingMessages`] stream.
#[derive(Debug)]
#[non_exhaustive]
pub enum Incoming {
    /// `PUT /api/v1/message`: one message (an `Envelope` protobuf).
    Message(IncomingEnvelope),
    /// `PUT /api/v1/queue/empty`: every message stored while the device was offline has been
    /// delivered; what follows arrives live.
    QueueEmpty,
    /// A server request this crate does not know (a newer server), kept whole.
    Other(OtherServerRequest),
    /// `missed` server requests were dropped here because the application did not keep up
    /// with the stream (see [`OverflowPolicy`](transport_core::ws::OverflowPolicy)). With
    /// [`AckMode::OnDelivery`] and [`AckMode::Manual`] they were not acknowledged, so the
    /// server delivers the messages among them again on the next connection
    /// ([`SignalClient::reconnect`](crate::SignalClient::reconnect) starts one); with
    /// [`AckMode::Immediate`] they are lost.
    Lost {
        /// How many were dropped at this point of the stream.
        missed: u64,
    },
}

/// The acknowledgement of one server request: a `200` (or other) response frame with the
/// request's id, valid only on the connection the request arrived on.
struct Ack {
    client: Weak<WsClient<SignalProtocol>>,
    id: Option<u64>,
    connection: u64,
    sent: AtomicBool,
}

impl Ack {
    fn new(client: Weak<WsClient<SignalProtocol>>, push: &ServerPush) -> Self {
        Self {
            client,
            id: push.request.id(),
            connection: push.connection,
            sent: AtomicBool::new(push.acked),
        }
    }

    fn is_sent(&self) -> bool {
        self.sent.load(Ordering::Acquire)
    }

    async fn respond(&self, status: u16, message: &str) -> Result<()> {
        if self.sent.swap(true, Ordering::AcqRel) {
            return Ok(());
        }
        let result = match self.target(status, message) {
            Ok((client, frame)) => client.send_frame(frame).await.map_err(Error::Transport),
            Err(error) => Err(error),
        };
        if result.is_err() {
            self.sent.store(false, Ordering::Release);
        }
        result
    }

    /// Queues the answer without waiting (in order with everything queued before).
    fn try_respond(&self, status: u16, message: &str) -> transport_core::Result<()> {
        if self.sent.swap(true, Ordering::AcqRel) {
            return Ok(());
        }
        let result = match self.target(status, message) {
            Ok((client, frame)) => client.try_send_frame(frame),
            Err(Error::Transport(error)) => Err(error),
            Err(other) => Err(transport_core::Error::Protocol(other.to_string())),
        };
        if result.is_err() {
            self.sent.store(false, Ordering::Release);
        }
        result
    }

    /// The client and the answer frame, if the answer can still be given.
    fn target(
        &self,
        status: u16,
        message: &str,
    ) -> Result<(Arc<WsClient<SignalProtocol>>, transport_core::ws::WsFrame)> {
        let Some(id) = self.id else {
            return Err(Error::Transport(transport_core::Error::Protocol(
                "the server request has no id to answer".to_owned(),
            )));
        };
        let Some(client) = self.client.upgrade() else {
            return Err(Error::Transport(transport_core::Error::Shutdown));
        };
        if client.protocol().connection() != self.connection {
            return Err(Error::Transport(transport_core::Error::ConnectionLost {
                reason: "the request arrived on an earlier connection; the server delivers \
                         unacknowledged messages again"
                    .to_owned(),
            }));
        }
        Ok((client, response_frame(id, status, message)))
    }
}

/// `PUT /api/v1/message`: one message from the server.
///
/// Acknowledge it with [`ack`](Self::ack) in [`AckMode::Manual`]; in the other modes it is
/// acknowledged for you (and `ack` does nothing more).
#[non_exhaustive]
pub struct IncomingEnvelope {
    /// The serialized `Envelope` protobuf (possibly empty if the server sent none; it must
    /// still be acknowledged, or it comes back forever).
    pub envelope: Bytes,
    /// The server's delivery time (`X-Signal-Timestamp`, milliseconds since the epoch).
    pub server_timestamp: Option<u64>,
    /// The server request's id.
    pub request_id: Option<u64>,
    ack: Ack,
}

impl fmt::Debug for IncomingEnvelope {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("IncomingEnvelope")
            .field("envelope_len", &self.envelope.len())
            .field("server_timestamp", &self.server_timestamp)
            .field("request_id", &self.request_id)
            .field("acked", &self.ack.is_sent())
            .finish()
    }
}

impl IncomingEnvelope {
    /// Acknowledges the message (`200 OK`): the server deletes it. Does nothing if it was
    /// acknowledged already.
    ///
    /// # Errors
    ///
    /// [`Error::Transport`] with [`ConnectionLost`](transport_core::Error::ConnectionLost)
    /// when the connection the message arrived on is gone (the server delivers it again on
    /// the new one), `Shutdown` when the client is gone, or the engine's send error.
    pub async fn ack(&self) -> Result<()> {
        self.ack.respond(200, "OK").await
    }

    /// True once the acknowledgement was handed to the connection.
    pub fn is_acked(&self) -> bool {
        self.ack.is_sent()
    }
}

/// A server request this crate does not know, with its raw parts.
#[non_exhaustive]
pub struct OtherServerRequest {
    /// The verb.
    pub verb: String,
    /// The path.
    pub path: String,
    /// The headers as `name:value` strings.
    pub headers: Vec<String>,
    /// The body.
    pub body: Option<Bytes>,
    ack: Ack,
}

impl fmt::Debug for OtherServerRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("OtherServerRequest")
            .field("verb", &self.verb)
            .field("path", &self.path)
            .field("body_len", &self.body.as_ref().map(Bytes::len))
            .field("answered", &self.ack.is_sent())
            .finish_non_exhaustive()
    }
}

impl OtherServerRequest {
    /// Answers the request with `status` (the acknowledgement modes answer `200`). Does
    /// nothing if it was answered already.
    ///
    /// # Errors
    ///
    /// As [`IncomingEnvelope::ack`].
    pub async fn respond(&self, status: u16, message: &str) -> Result<()> {
        self.ack.respond(status, message).await
    }
}

/// The stream of what the server pushes on the authenticated socket, from
/// [`SignalClient::incoming`](crate::SignalClient::incoming).
///
/// Acknowledgements follow the client's [`AckMode`]: with [`AckMode::OnDelivery`] (the
/// default) each item is acknowledged as the stream hands it out, never before; a message
/// dropped because the application fell behind is never acknowledged and the stream says so
/// with [`Incoming::Lost`]. Acknowledgements are queued on the connection the item arrived on
/// as it is handed out, in order with the calls the application makes afterwards; an item from
/// a connection that is gone is not acknowledged (the server delivers it again). The stream
/// ends when the client is closed for good.
pub struct IncomingMessages {
    inner: Notifications<ServerPush>,
    client: Weak<WsClient<SignalProtocol>>,
    mode: AckMode,
    runtime: Option<tokio::runtime::Handle>,
}

impl fmt::Debug for IncomingMessages {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("IncomingMessages")
            .field("ack_mode", &self.mode)
            .finish_non_exhaustive()
    }
}

impl IncomingMessages {
    pub(crate) fn new(
        inner: Notifications<ServerPush>,
        client: &Arc<WsClient<SignalProtocol>>,
    ) -> Self {
        Self {
            inner,
            mode: client.protocol().ack_mode(),
            client: Arc::downgrade(client),
            runtime: tokio::runtime::Handle::try_current().ok(),
        }
    }

    /// The next item, or `None` once the client is closed and everything was handed out.
    pub async fn recv(&mut self) -> Option<Incoming> {
        futures_util::StreamExt::next(self).await
    }

    /// Turns an engine notification into an item and, per the mode, acknowledges it now that
    /// it is being handed out.
    fn deliver(&self, push: ServerPush) -> Incoming {
        let ack = Ack::new(self.client.clone(), &push);
        let ServerPush { request, .. } = push;
        let message_like = !matches!(request.kind(), ServerRequestKind::QueueEmpty);
        let ack_now = match self.mode {
            AckMode::Immediate => false,
            AckMode::OnDelivery => true,
            AckMode::Manual => !message_like,
        };
        if ack_now && !ack.is_sent() {
            self.ack_now(&ack);
        }
        item(request, ack)
    }

    /// Acknowledges `ack` now: queued at once, in order with what the application sends next;
    /// if the outgoing queue is full, from a background task.
    fn ack_now(&self, ack: &Ack) {
        match ack.try_respond(200, "OK") {
            Ok(()) => {}
            Err(transport_core::Error::WebSocket(_)) => self.ack_in_background(ack),
            Err(error) => {
                tracing::debug!(%error, "server request not acknowledged; the server will deliver it again");
            }
        }
    }

    fn ack_in_background(&self, ack: &Ack) {
        let background = Ack {
            client: ack.client.clone(),
            id: ack.id,
            connection: ack.connection,
            sent: AtomicBool::new(false),
        };
        // The item reports itself acknowledged from the moment the ack is on its way.
        ack.sent.store(true, Ordering::Release);
        let task = async move {
            if let Err(error) = background.respond(200, "OK").await {
                tracing::debug!(%error, "server request not acknowledged; the server will deliver it again");
            }
        };
        match self
            .runtime
            .clone()
            .or_else(|| tokio::runtime::Handle::try_current().ok())
        {
            Some(runtime) => {
                runtime.spawn(task);
            }
            None => tracing::warn!(
                "no tokio runtime to acknowledge a server request; the server will deliver it again"
            ),
        }
    }
}

fn item(request: ServerRequest, ack: Ack) -> Incoming {
    match request.kind() {
        ServerRequestKind::Message(envelope) => Incoming::Message(IncomingEnvelope {
            envelope,
            server_timestamp: timestamp(&request.0.headers),
            request_id: request.id(),
            ack,
        }),
        ServerRequestKind::QueueEmpty => Incoming::QueueEmpty,
        _ => {
            let ServerRequest(raw) = request;
            Incoming::Other(OtherServerRequest {
                verb: raw.verb.unwrap_or_default(),
                path: raw.path.unwrap_or_default(),
                headers: raw.headers,
                body: raw.body,
                ack,
            })
        }
    }
}

/// The last `X-Signal-Timestamp` header that parses.
fn timestamp(headers: &[String]) -> Option<u64> {
    headers
        .iter()
        .filter_map(|line| {
            let (name, value) = line.split_once(':')?;
            name.trim()
                .eq_ignore_ascii_case(TIMESTAMP_HEADER)
                .then(|| value.trim().parse().ok())
                .flatten()
        })
        .next_back()
}

impl Stream for IncomingMessages {
    type Item = Incoming;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        loop {
            let item = match Pin::new(&mut self.inner).poll_next(cx) {
                Poll::Pending => return Poll::Pending,
                Poll::Ready(None) => return Poll::Ready(None),
                Poll::Ready(Some(item)) => item,
            };
            match item {
                NotificationItem::Notification(push) => {
                    return Poll::Ready(Some(self.deliver(push)));
                }
                NotificationItem::Lagged { missed } => {
                    return Poll::Ready(Some(Incoming::Lost { missed }));
                }
                // A kind of item this version does not know: nothing to hand out.
                _ => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_last_parsable_timestamp_header_wins() {
        let headers = vec![
            "X-Signal-Timestamp: 1700000000000".to_owned(),
            "content-type:application/x-protobuf".to_owned(),
            "x-signal-timestamp:not a number".to_owned(),
            "garbage".to_owned(),
        ];
        assert_eq!(timestamp(&headers), Some(1_700_000_000_000));
        let headers = vec![
            "x-signal-timestamp:1".to_owned(),
            "x-signal-timestamp: 2 ".to_owned(),
        ];
        assert_eq!(timestamp(&headers), Some(2));
        assert_eq!(timestamp(&[]), None);
    }
}

//! [`WsClient`]: the public face of the WebSocket RPC engine.

use crate::error::{Error, Result};
use crate::ws::batch::{BatchChannel, Carried};
use crate::ws::config::WsConfig;
use crate::ws::engine::{Shared, supervise};
use crate::ws::event::Events;
use crate::ws::frame::WsFrame;
use crate::ws::inbox::Notifications;
use crate::ws::protocol::Protocol;
use crate::ws::state::ConnectionState;
use std::collections::VecDeque;
use std::fmt;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::Duration;
use tokio::sync::oneshot;

/// A WebSocket RPC client for protocol `P`: correlated requests, a notification stream,
/// keepalive and automatic reconnection.
///
/// Cheap to clone (an `Arc` inside); every clone drives the same connection. When the last
/// clone is dropped the client shuts down in the background.
///
/// # Tasks and guarantees
///
/// - one **reader** task decodes frames, completes pending requests, queues protocol replies
///   (acks) and pushes notifications into a bounded buffer. It never runs application code and
///   never waits for the application, so server pings are always answered promptly;
/// - one **writer** task sends frames in batches (control frames such as acks first) and pings
///   every [`WsConfig::ping_interval`];
/// - a **supervisor** task owns the state machine (see [`ConnectionState`]): connect, run the
///   protocol's handshake, ready, and on loss back off (exponential, jittered) and reconnect,
///   until shut down, closed with a fatal code, or out of attempts.
///
/// When a connection ends, **every pending request fails at once** with
/// [`Error::ConnectionLost`] (none waits for its timeout). Requests issued while the client is
/// not ready wait for it within their timeout, or fail fast with [`Error::NotConnected`], per
/// [`WsConfig::when_disconnected`].
///
/// # Notifications and overflow
///
/// Notifications are buffered (up to [`WsConfig::notification_buffer`]) for the stream from
/// [`WsClient::notifications`]. When the application falls behind and the buffer is full, the
/// [`OverflowPolicy`](crate::ws::OverflowPolicy) drops the oldest (default) or the newest
/// notification; the loss is never silent: the stream yields
/// [`NotificationItem::Lagged`](crate::ws::NotificationItem::Lagged) with the count where the
/// gap is, and [`ConnectionEvent::NotificationsLost`](crate::ws::ConnectionEvent) is published.
/// Protocol replies (acks) are sent by the reader when the frame arrives, whether or not the
/// notification is later dropped; a protocol that must ack only after processing returns no
/// reply from `decode` and acks with [`WsClient::send_frame`].
pub struct WsClient<P: Protocol> {
    handle: Arc<Handle<P>>,
}

/// Shuts the engine down when the last client clone goes away.
struct Handle<P: Protocol> {
    shared: Arc<Shared<P>>,
}

impl<P: Protocol> Drop for Handle<P> {
    fn drop(&mut self) {
        self.shared.request_shutdown();
    }
}

impl<P: Protocol> Clone for WsClient<P> {
    fn clone(&self) -> Self {
        Self {
            handle: Arc::clone(&self.handle),
        }
    }
}

impl<P: Protocol> fmt::Debug for WsClient<P> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("WsClient")
            .field("url", &self.shared().config.connect.redacted_url())
            .field("state", &self.state())
            .field("pending", &self.pending_len())
            .finish_non_exhaustive()
    }
}

impl<P: Protocol> WsClient<P> {
    /// Connects, runs the protocol's handshake and returns once the client is ready.
    ///
    /// Must be called inside a tokio runtime: the client spawns its tasks there.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInput`] for an invalid configuration (before any I/O); otherwise the
    /// error of the first connection attempt (connect, upgrade or handshake), or — with
    /// [`WsConfig::retry_initial_connect`] — of the last attempt before the reconnect policy
    /// gave up.
    pub async fn connect(config: WsConfig, protocol: P) -> Result<Self> {
        config.validate()?;
        let shared = Arc::new(Shared::new(config, protocol));
        let (first_tx, first_rx) = oneshot::channel();
        tokio::spawn(supervise(Arc::clone(&shared), Some(first_tx)));
        let client = Self {
            handle: Arc::new(Handle { shared }),
        };
        match first_rx.await {
            Ok(Ok(())) => Ok(client),
            Ok(Err(error)) => Err(error),
            Err(_) => Err(Error::Shutdown),
        }
    }

    fn shared(&self) -> &Shared<P> {
        &self.handle.shared
    }

    /// The protocol (for protocol state learned in the handshake, such as the own user id).
    pub fn protocol(&self) -> &P {
        &self.shared().protocol
    }

    /// The configuration.
    pub fn config(&self) -> &WsConfig {
        &self.shared().config
    }

    /// Sends `request` and waits for its reply, within [`WsConfig::request_timeout`].
    ///
    /// # Errors
    ///
    /// - the protocol's encoding error (before any I/O);
    /// - [`Error::Timeout`] when no reply came in time (a late reply is dropped and reported as
    ///   [`ConnectionEvent::LateResponse`](crate::ws::ConnectionEvent::LateResponse));
    /// - [`Error::ConnectionLost`] when the connection ended while the request was pending;
    /// - [`Error::NotConnected`] when not ready and configured to fail fast;
    /// - [`Error::Shutdown`], [`Error::Closed`] (fatal close code) or [`Error::Handshake`]
    ///   (fatal handshake failure) once the client is closed for good;
    /// - [`Error::InvalidInput`] if the protocol encodes `request` as a one-way message.
    pub async fn request(&self, request: P::Request) -> Result<P::Response> {
        let timeout = self.shared().config.request_timeout;
        self.shared().request(request, timeout).await
    }

    /// Like [`WsClient::request`] with its own time limit.
    ///
    /// # Errors
    ///
    /// As [`WsClient::request`].
    pub async fn request_with_timeout(
        &self,
        request: P::Request,
        timeout: Duration,
    ) -> Result<P::Response> {
        self.shared().request(request, timeout).await
    }

    /// Sends many requests pipelined and yields their results as they complete, each with the
    /// index of its request in `requests`.
    ///
    /// The requests are encoded and handed to the writer in chunks (one lock and one wake-up
    /// per chunk instead of per request), as fast as the outgoing queue
    /// ([`WsConfig::send_queue`]) has room; the replies flow into one channel, so there is no
    /// future, reply channel or wake-up per request. Every request yields exactly one result:
    /// its reply or the error that stopped it (the same errors as [`WsClient::request`], each
    /// within [`WsConfig::request_timeout`] of being queued).
    ///
    /// Dropping the stream stops submitting the rest; requests already sent stay registered
    /// until answered or expired, so replies keep reaching the right callers.
    ///
    /// ```no_run
    /// # use transport_core::ws::{Protocol, WsClient};
    /// # async fn run<P: Protocol<Request = String>>(client: WsClient<P>) {
    /// use futures_util::StreamExt;
    ///
    /// let texts: Vec<String> = (0..1000).map(|i| format!("message {i}")).collect();
    /// let mut results = client.request_all(texts);
    /// while let Some((index, result)) = results.next().await {
    ///     if let Err(error) = result {
    ///         eprintln!("request {index} failed: {error}");
    ///     }
    /// }
    /// # }
    /// ```
    pub fn request_all<I>(&self, requests: I) -> BatchResults<P::Response>
    where
        I: IntoIterator<Item = P::Request>,
        I::IntoIter: Send + 'static,
        P::Request: 'static,
    {
        let channel = BatchChannel::new();
        let shared = Arc::clone(&self.handle.shared);
        let timeout = shared.config.request_timeout;
        let requests = requests.into_iter();
        let finish = FinishOnDrop(Arc::clone(&channel));
        let submitter = tokio::spawn(async move {
            shared.submit_all(requests, timeout, &finish.0).await;
            drop(finish);
        });
        BatchResults {
            channel,
            buffer: VecDeque::new(),
            submitter,
        }
    }

    /// Sends `request` without needing its reply. One-way messages return once queued for the
    /// writer; if the protocol expects a reply, this waits for it (so correlation stays
    /// aligned) and discards it.
    ///
    /// # Errors
    ///
    /// As [`WsClient::request`].
    pub async fn send(&self, request: P::Request) -> Result<()> {
        let timeout = self.shared().config.request_timeout;
        self.shared().send(request, timeout).await
    }

    /// Queues a raw frame (for example an ack sent after the application processed a
    /// notification). Returns once the writer has it.
    ///
    /// # Errors
    ///
    /// [`Error::NotConnected`], [`Error::Timeout`] or a closed-client error, as for requests.
    pub async fn send_frame(&self, frame: WsFrame) -> Result<()> {
        let timeout = self.shared().config.request_timeout;
        self.shared().send_frame(frame, timeout).await
    }

    /// Queues a raw frame on the ready connection without waiting, in order with the requests
    /// and frames queued before it: for acknowledgements sent from code that cannot wait (a
    /// `Stream::poll_next`). The frame goes out on the connection that is ready now, never on a
    /// later one.
    ///
    /// # Errors
    ///
    /// [`Error::NotConnected`] when no connection is ready, [`Error::WebSocket`] when the
    /// outgoing queue is full, or the closed client's error ([`Error::Shutdown`], …).
    pub fn try_send_frame(&self, frame: WsFrame) -> Result<()> {
        self.shared().try_send_frame(frame)
    }

    /// The notification stream. It can be taken once; later calls return `None`.
    pub fn notifications(&self) -> Option<Notifications<P::Notification>> {
        let shared = self.shared();
        if shared.notifications_taken.swap(true, Ordering::AcqRel) {
            None
        } else {
            Some(Notifications::new(Arc::clone(&shared.inbox)))
        }
    }

    /// A new subscription to connection events (from now on).
    pub fn events(&self) -> Events {
        Events::new(self.shared().subscribe_events())
    }

    /// The current connection state.
    pub fn state(&self) -> ConnectionState {
        self.shared().state()
    }

    /// Waits until the state satisfies `condition` and returns that state (useful to wait for
    /// `Ready` after a reconnect, or for `Closed`).
    pub async fn wait_for_state(
        &self,
        condition: impl FnMut(&ConnectionState) -> bool,
    ) -> ConnectionState {
        let mut rx = self.shared().subscribe_state();
        match rx.wait_for(condition).await {
            Ok(state) => state.clone(),
            Err(_) => self.state(),
        }
    }

    /// The number of requests waiting for a reply.
    pub fn pending_len(&self) -> usize {
        self.shared().pending_len()
    }

    /// Notifications dropped so far because the application did not keep up.
    pub fn notifications_lost(&self) -> u64 {
        self.shared().inbox.lost_total()
    }

    /// Drops the current connection (if ready) and reconnects: pending requests fail with
    /// [`Error::ConnectionLost`]. Protocols use it to resynchronise, for example after replies
    /// can no longer be correlated.
    pub fn reconnect(&self) {
        self.shared().request_reconnect();
    }

    /// Shuts down: pending requests fail with [`Error::Shutdown`], the connection is closed
    /// with code 1000 (waiting at most [`WsConfig::close_timeout`] for the server's reply), no
    /// reconnect follows, and the notification stream ends. Later requests fail with
    /// [`Error::Shutdown`]. Returns once the client is closed.
    pub async fn shutdown(&self) {
        self.shared().request_shutdown();
        self.wait_for_state(ConnectionState::is_closed).await;
    }
}

/// Marks a batch's submission finished however the submitter ends (done, aborted, or a
/// panic in the caller's iterator), so the results stream always ends.
struct FinishOnDrop<R>(Arc<BatchChannel<R>>);

impl<R> Drop for FinishOnDrop<R> {
    fn drop(&mut self) {
        self.0.finish();
    }
}

/// The results of [`WsClient::request_all`]: `(index of the request, its result)` in
/// completion order, ending after the last one.
///
/// Dropping it stops submitting the requests not yet sent.
pub struct BatchResults<R> {
    channel: Arc<BatchChannel<R>>,
    /// Results taken from the channel in one step, handed out one by one.
    buffer: VecDeque<(usize, Carried<R>)>,
    submitter: tokio::task::JoinHandle<()>,
}

impl<R> BatchResults<R> {
    /// The next result, or `None` after the last.
    pub async fn recv(&mut self) -> Option<(usize, Result<R>)> {
        std::future::poll_fn(|cx| self.poll_next_result(cx)).await
    }

    fn poll_next_result(
        &mut self,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Option<(usize, Result<R>)>> {
        loop {
            if let Some((index, result)) = self.buffer.pop_front() {
                return std::task::Poll::Ready(Some((index, result.map_err(|e| *e))));
            }
            match self.channel.poll_take(cx, &mut self.buffer) {
                std::task::Poll::Ready(true) => {}
                std::task::Poll::Ready(false) => return std::task::Poll::Ready(None),
                std::task::Poll::Pending => return std::task::Poll::Pending,
            }
        }
    }
}

// Nothing in it is ever pinned in place (the buffer is moved freely).
impl<R> Unpin for BatchResults<R> {}

impl<R> futures_util::Stream for BatchResults<R> {
    type Item = (usize, Result<R>);

    fn poll_next(
        self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Option<Self::Item>> {
        self.get_mut().poll_next_result(cx)
    }
}

impl<R> Drop for BatchResults<R> {
    fn drop(&mut self) {
        self.channel.abandon();
        self.submitter.abort();
    }
}

impl<R> fmt::Debug for BatchResults<R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("BatchResults").finish_non_exhaustive()
    }
}

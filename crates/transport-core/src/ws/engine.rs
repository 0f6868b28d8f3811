//! The engine behind [`WsClient`](crate::ws::WsClient): shared state, the supervisor task
//! (connect → handshake → ready → backing off), the reader task and the writer task.
//!
//! Invariants:
//! - the state is `Ready` exactly while a link (the writer's queue) is installed; both change
//!   together under the core lock, and so does the pending store's sweep on disconnect;
//! - a request is registered in the pending store *before* its frame reaches the writer, and
//!   registration and queueing happen under one lock, so the wire order equals the
//!   registration order (FIFO correlation depends on it);
//! - outgoing user frames wait in a queue under the same lock; the writer swaps the whole
//!   queue out in one step and writes it as one batch (one flush), which is what makes
//!   pipelined requests cheap. The queue is bounded by a FIFO semaphore of free slots:
//!   `free slots + queued frames = send_queue` at all times (the writer and the teardown
//!   return the slots of the frames they remove);
//! - request deadlines live in the pending store; one expiry task per connection (not one
//!   timer per request) fails expired requests with [`Error::Timeout`]. Pending entries exist
//!   only while a connection is ready, and are all failed when it ends, so none can hang;
//! - the reader never awaits user code: it decodes, completes pendings, pushes notifications
//!   into a buffer that never waits, and queues protocol replies for the writer.

use crate::error::{Error, Result};
use crate::ws::batch::{BatchChannel, BatchRun, BatchSlot};
use crate::ws::config::{WhenDisconnected, WsConfig};
use crate::ws::connect::{
    ENDED_WITHOUT_CLOSE, Stream, WsConnection, close_parts, connect, io_error,
};
use crate::ws::event::ConnectionEvent;
use crate::ws::frame::WsFrame;
use crate::ws::inbox::{Inbox, Pushed};
use crate::ws::pending::{Claim, Entry, PendingStore};
use crate::ws::protocol::{HandshakeIo, Inbound, Keys, Outgoing, Protocol};
use crate::ws::state::{ConnectionState, Failure, Machine};
use futures_util::stream::{SplitSink, SplitStream};
use futures_util::{FutureExt, SinkExt, StreamExt};
use std::collections::VecDeque;
use std::fmt;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::Duration;
use tokio::sync::{Notify, Semaphore, broadcast, mpsc, oneshot, watch};
use tokio::time::Instant;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::tungstenite::protocol::CloseFrame;
use tokio_tungstenite::tungstenite::protocol::frame::coding::CloseCode;

/// Where a response goes: one waiting caller, or one slot of a pipelined batch.
pub(crate) enum Reply<R> {
    /// A single [`WsClient::request`](crate::ws::WsClient::request) caller.
    One(oneshot::Sender<Result<R>>),
    /// One request of a [`WsClient::request_all`](crate::ws::WsClient::request_all) batch.
    Batch(BatchSlot<R>),
}

impl<R> Reply<R> {
    /// Delivers the result; false if nobody is listening any more.
    pub(crate) fn send(self, result: Result<R>) -> bool {
        match self {
            Self::One(tx) => tx.send(result).is_ok(),
            Self::Batch(slot) => slot.deliver(result),
        }
    }
}

/// Requests of a batch encoded and registered under one lock at a time.
const BATCH_CHUNK: usize = 256;
type Store<P> =
    PendingStore<<P as Protocol>::Key, <P as Protocol>::Response, Reply<<P as Protocol>::Response>>;
type PendingEntry<P> = Entry<<P as Protocol>::Response, Reply<<P as Protocol>::Response>>;

/// Frames the writer sends before user frames (acks, replies) and the closing handshake.
const CONTROL_QUEUE: usize = 1024;
/// Incoming messages handled per wake-up of the reader before it looks at its timer again.
const READ_BURST: usize = 256;
/// User frames fed between two looks at the control queue.
const CONTROL_CHECK_EVERY: usize = 64;

/// The outgoing side of a ready connection.
struct Link {
    id: u64,
    /// User frames for the writer, in registration order (at most `send_queue`).
    queue: VecDeque<WsFrame>,
}

/// State that changes together, under one lock.
struct Core<P: Protocol> {
    pending: Store<P>,
    link: Option<Link>,
    closed: Option<crate::ws::state::CloseReason>,
}

/// Everything the client handles and the tasks share.
pub(crate) struct Shared<P: Protocol> {
    pub(crate) protocol: P,
    pub(crate) config: WsConfig,
    seq: AtomicU64,
    core: Mutex<Core<P>>,
    state: watch::Sender<ConnectionState>,
    events: broadcast::Sender<ConnectionEvent>,
    pub(crate) inbox: Arc<Inbox<P::Notification>>,
    pub(crate) notifications_taken: AtomicBool,
    shutdown: watch::Sender<bool>,
    reconnect: Notify,
    /// Wakes the writer: the outgoing queue became non-empty.
    writer_wake: Notify,
    /// Free slots of the outgoing queue (FIFO: waiting senders get them in order).
    slots: Semaphore,
    /// Wakes the expiry task: a request with an earlier deadline than all others arrived.
    timer: Notify,
}

/// Removes a request from the pending store when its caller stops waiting (timeout or a
/// dropped future), tainting its key.
pub(crate) struct CancelGuard<'a, P: Protocol> {
    shared: &'a Shared<P>,
    key: Option<P::Key>,
    seq: u64,
}

impl<P: Protocol> CancelGuard<'_, P> {
    fn disarm(&mut self) {
        self.key = None;
    }
}

impl<P: Protocol> Drop for CancelGuard<'_, P> {
    fn drop(&mut self) {
        if let Some(key) = self.key.take() {
            self.shared.lock().pending.cancel(&key, self.seq);
        }
    }
}

impl<P: Protocol> Shared<P> {
    pub(crate) fn new(config: WsConfig, protocol: P) -> Self {
        let (state, _) = watch::channel(ConnectionState::Connecting { attempt: 1 });
        let (events, _) = broadcast::channel(config.event_buffer.max(1));
        let (shutdown, _) = watch::channel(false);
        let slots = Semaphore::new(config.send_queue.min(Semaphore::MAX_PERMITS));
        Self {
            inbox: Arc::new(Inbox::new(config.notification_buffer, config.overflow)),
            core: Mutex::new(Core {
                pending: PendingStore::new(config.late_reply_memory),
                link: None,
                closed: None,
            }),
            protocol,
            config,
            seq: AtomicU64::new(1),
            state,
            events,
            notifications_taken: AtomicBool::new(false),
            shutdown,
            reconnect: Notify::new(),
            writer_wake: Notify::new(),
            slots,
            timer: Notify::new(),
        }
    }

    fn lock(&self) -> MutexGuard<'_, Core<P>> {
        // A protocol matcher that panicked must not take the client down with it.
        self.core.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn emit(&self, event: ConnectionEvent) {
        // No subscriber is fine.
        let _ = self.events.send(event);
    }

    fn publish(&self, state: ConnectionState) {
        tracing::debug!(%state, "WebSocket client state");
        self.state.send_replace(state.clone());
        self.emit(ConnectionEvent::StateChanged(state));
    }

    pub(crate) fn state(&self) -> ConnectionState {
        self.state.borrow().clone()
    }

    pub(crate) fn subscribe_state(&self) -> watch::Receiver<ConnectionState> {
        self.state.subscribe()
    }

    pub(crate) fn subscribe_events(&self) -> broadcast::Receiver<ConnectionEvent> {
        self.events.subscribe()
    }

    pub(crate) fn pending_len(&self) -> usize {
        self.lock().pending.len()
    }

    pub(crate) fn request_shutdown(&self) {
        self.shutdown.send_replace(true);
    }

    pub(crate) fn request_reconnect(&self) {
        self.reconnect.notify_waiters();
    }

    fn next_seq(&self) -> u64 {
        self.seq.fetch_add(1, Ordering::Relaxed)
    }

    /// Encodes and sends `request`, waits for its reply.
    pub(crate) async fn request(
        &self,
        request: P::Request,
        timeout: Duration,
    ) -> Result<P::Response> {
        let deadline = deadline_after(timeout);
        let seq = self.next_seq();
        let outgoing = self.protocol.encode(request, seq)?;
        if !outgoing.expects_reply {
            return Err(Error::invalid_input(
                "request",
                "the protocol sends this message one-way (no reply is expected); use send()",
            ));
        }
        self.round_trip(outgoing, seq, deadline, timeout).await
    }

    /// Sends `request`; if the protocol expects a reply, waits for it (keeping correlation
    /// aligned) and discards it.
    pub(crate) async fn send(&self, request: P::Request, timeout: Duration) -> Result<()> {
        let deadline = deadline_after(timeout);
        let seq = self.next_seq();
        let outgoing = self.protocol.encode(request, seq)?;
        if outgoing.expects_reply {
            self.round_trip(outgoing, seq, deadline, timeout).await?;
        } else {
            self.submit(None, outgoing.frame, deadline, timeout).await?;
        }
        Ok(())
    }

    /// Queues a frame as it is (a deferred ack, a raw message).
    pub(crate) async fn send_frame(&self, frame: WsFrame, timeout: Duration) -> Result<()> {
        let deadline = deadline_after(timeout);
        self.submit(None, frame, deadline, timeout).await?;
        Ok(())
    }

    /// Queues a frame on the ready connection without waiting.
    pub(crate) fn try_send_frame(&self, frame: WsFrame) -> Result<()> {
        let mut core = self.lock();
        let core = &mut *core;
        if let Some(reason) = &core.closed {
            return Err(reason.to_error());
        }
        let Some(link) = core.link.as_mut() else {
            return Err(Error::NotConnected {
                state: self.state().to_string(),
            });
        };
        let Ok(permit) = self.slots.try_acquire() else {
            return Err(Error::WebSocket("the outgoing queue is full".to_owned()));
        };
        // The slot now belongs to the queued frame.
        permit.forget();
        if link.queue.is_empty() {
            self.writer_wake.notify_one();
        }
        link.queue.push_back(frame);
        Ok(())
    }

    async fn round_trip(
        &self,
        outgoing: Outgoing<P>,
        seq: u64,
        deadline: Instant,
        timeout: Duration,
    ) -> Result<P::Response> {
        let (tx, rx) = oneshot::channel();
        let entry = Entry {
            seq,
            deadline,
            timeout,
            matcher: outgoing.matcher,
            reply: Reply::One(tx),
        };
        let mut guard = self
            .submit(
                Some((outgoing.key, entry)),
                outgoing.frame,
                deadline,
                timeout,
            )
            .await?;
        // The engine answers: the response, a timeout (expiry task), or a connection error.
        let result = rx.await;
        guard.disarm();
        match result {
            Ok(result) => result,
            Err(_) => Err(Error::ConnectionLost {
                reason: "the request was dropped by the engine".to_owned(),
            }),
        }
    }

    /// Registers `entry` (if any) and queues `frame` for the writer of the ready connection,
    /// waiting for readiness or queue space as configured.
    async fn submit(
        &self,
        mut entry: Option<(P::Key, PendingEntry<P>)>,
        frame: WsFrame,
        deadline: Instant,
        timeout: Duration,
    ) -> Result<CancelGuard<'_, P>> {
        let mut frame = Some(frame);
        // A queue slot acquired while waiting (returned to the semaphore if unused).
        let mut slot = None;
        loop {
            let need_slot = {
                let mut core = self.lock();
                let core = &mut *core;
                if let Some(reason) = &core.closed {
                    return Err(reason.to_error());
                }
                match &mut core.link {
                    Some(link) => {
                        let acquired = slot.take().or_else(|| self.slots.try_acquire().ok());
                        match acquired {
                            Some(permit) => {
                                // The slot now belongs to the queued frame.
                                permit.forget();
                                let (guard, earliest) =
                                    self.register(&mut core.pending, entry.take());
                                if link.queue.is_empty() {
                                    self.writer_wake.notify_one();
                                }
                                if let Some(frame) = frame.take() {
                                    link.queue.push_back(frame);
                                }
                                if earliest {
                                    self.timer.notify_one();
                                }
                                return Ok(guard);
                            }
                            None => true,
                        }
                    }
                    None => false,
                }
            };
            // An unused slot goes back before waiting for the next connection.
            drop(slot.take());
            // The slow paths are boxed: they are rare, and keeping them out of the request
            // future keeps every request small.
            slot = Box::pin(self.wait_for_room(need_slot, deadline, timeout)).await?;
        }
    }

    /// Submits a pipelined batch: encodes `requests` a chunk at a time and registers and queues
    /// each chunk under one lock, as far as the outgoing queue has room, waiting for room or
    /// readiness like single requests do. Every request gets exactly one result on `results`
    /// (its reply, or the error that stopped it). Stops early when `results` is abandoned (the
    /// consumer went away); requests already sent stay registered until answered or expired,
    /// so correlation stays aligned.
    pub(crate) async fn submit_all(
        &self,
        requests: impl Iterator<Item = P::Request>,
        timeout: Duration,
        results: &Arc<BatchChannel<P::Response>>,
    ) {
        let mut requests = requests.enumerate();
        let mut chunk: VecDeque<(usize, Outgoing<P>, u64)> = VecDeque::with_capacity(BATCH_CHUNK);
        let mut slot: Option<tokio::sync::SemaphorePermit<'_>> = None;
        loop {
            if results.is_abandoned() {
                return;
            }
            // Sequence numbers for the whole chunk in one step (those left unused by a short
            // chunk are skipped: they only need to be unique and increasing).
            let mut seq = self.seq.fetch_add(BATCH_CHUNK as u64, Ordering::Relaxed);
            for (index, request) in requests.by_ref().take(BATCH_CHUNK) {
                seq += 1;
                let seq = seq - 1;
                match self.protocol.encode(request, seq) {
                    Ok(outgoing) if outgoing.expects_reply => {
                        chunk.push_back((index, outgoing, seq))
                    }
                    Ok(_) => {
                        results.send(
                            index,
                            Err(Error::invalid_input(
                                "request",
                                "the protocol sends this message one-way; a batch needs replies",
                            )),
                        );
                    }
                    Err(error) => results.send(index, Err(error)),
                }
            }
            if chunk.is_empty() {
                return;
            }
            let deadline = deadline_after(timeout);
            while !chunk.is_empty() {
                let need_slot = {
                    let mut core = self.lock();
                    let core = &mut *core;
                    if let Some(reason) = &core.closed {
                        for (index, _, _) in chunk.drain(..) {
                            results.send(index, Err(reason.to_error()));
                        }
                        return;
                    }
                    match &mut core.link {
                        Some(link) => {
                            let was_empty = link.queue.is_empty();
                            let mut earliest = false;
                            // Slots for as much of the chunk as fits: a slot acquired while
                            // waiting, plus one semaphore operation for the rest.
                            let mut room = usize::from(slot.take().map(|p| p.forget()).is_some());
                            let want = chunk.len().saturating_sub(room);
                            let free = self.slots.available_permits().min(want);
                            if let Ok(n) = u32::try_from(free)
                                && n > 0
                                && let Ok(permits) = self.slots.try_acquire_many(n)
                            {
                                permits.forget();
                                room += free;
                            }
                            let room = room.min(chunk.len());
                            results.open_slots(room);
                            for (index, outgoing, seq) in chunk.drain(..room) {
                                let entry = Entry {
                                    seq,
                                    deadline,
                                    timeout,
                                    matcher: outgoing.matcher,
                                    reply: Reply::Batch(results.slot(index)),
                                };
                                earliest |= core.pending.insert(outgoing.key, entry);
                                link.queue.push_back(outgoing.frame);
                            }
                            if was_empty && !link.queue.is_empty() {
                                self.writer_wake.notify_one();
                            }
                            if earliest {
                                self.timer.notify_one();
                            }
                            true
                        }
                        None => false,
                    }
                };
                if chunk.is_empty() {
                    break;
                }
                match Box::pin(self.wait_for_room(need_slot, deadline, timeout)).await {
                    Ok(permit) => slot = permit,
                    Err(error) => {
                        for (index, _, _) in chunk.drain(..) {
                            results.send(index, Err(replicate(&error)));
                        }
                    }
                }
            }
        }
    }

    /// Waits for a free queue slot (`need_slot`) or for the connection to be ready.
    async fn wait_for_room(
        &self,
        need_slot: bool,
        deadline: Instant,
        timeout: Duration,
    ) -> Result<Option<tokio::sync::SemaphorePermit<'_>>> {
        if !need_slot {
            self.wait_ready(deadline, timeout).await?;
            return Ok(None);
        }
        match tokio::time::timeout_at(deadline, self.slots.acquire()).await {
            Ok(Ok(permit)) => Ok(Some(permit)),
            Ok(Err(_)) => Err(Error::Shutdown),
            Err(_) => Err(Error::Timeout {
                what: "WebSocket send (outgoing queue full)".to_owned(),
                after: timeout,
            }),
        }
    }

    /// Registers `entry`; returns its cancel guard and whether its deadline is now the
    /// earliest.
    fn register(
        &self,
        pending: &mut Store<P>,
        entry: Option<(P::Key, PendingEntry<P>)>,
    ) -> (CancelGuard<'_, P>, bool) {
        match entry {
            Some((key, entry)) => {
                let seq = entry.seq;
                let earliest = pending.insert(key.clone(), entry);
                let guard = CancelGuard {
                    shared: self,
                    key: Some(key),
                    seq,
                };
                (guard, earliest)
            }
            None => {
                let guard = CancelGuard {
                    shared: self,
                    key: None,
                    seq: 0,
                };
                (guard, false)
            }
        }
    }

    /// Moves the outgoing queue of link `link_id` into `batch` (which must be empty) and frees
    /// its slots.
    fn take_outgoing(&self, link_id: u64, batch: &mut VecDeque<WsFrame>) {
        {
            let mut core = self.lock();
            if let Some(link) = core.link.as_mut().filter(|link| link.id == link_id) {
                std::mem::swap(&mut link.queue, batch);
            }
        }
        self.slots.add_permits(batch.len());
    }

    /// Fails every request whose deadline has passed.
    fn expire(&self) {
        let expired = self.lock().pending.expire(Instant::now());
        for (key, entry) in expired {
            let _ = entry.reply.send(Err(Error::Timeout {
                what: format!("WebSocket request {key:?} (seq {})", entry.seq),
                after: entry.timeout,
            }));
        }
    }

    async fn wait_ready(&self, deadline: Instant, timeout: Duration) -> Result<()> {
        let mut rx = self.state.subscribe();
        let current = rx.borrow_and_update().clone();
        match current {
            ConnectionState::Ready => {
                // Not expected (the link and the state change together); let the supervisor
                // run rather than spin.
                tokio::task::yield_now().await;
                return Ok(());
            }
            ConnectionState::Closed { reason } => return Err(reason.to_error()),
            other => {
                if self.config.when_disconnected == WhenDisconnected::FailFast {
                    return Err(Error::NotConnected {
                        state: other.to_string(),
                    });
                }
            }
        }
        let ready = rx.wait_for(|s| s.is_ready() || s.is_closed());
        match tokio::time::timeout_at(deadline, ready).await {
            Ok(Ok(_)) => Ok(()),
            Ok(Err(_)) => Err(Error::Shutdown),
            Err(_) => Err(Error::Timeout {
                what: format!(
                    "WebSocket request (waiting for the connection: {})",
                    self.state()
                ),
                after: timeout,
            }),
        }
    }

    /// Handles one incoming data frame. Responses are only decoded and collected in
    /// `completions`; [`Shared::complete`] settles them. Returns false when the connection is
    /// going away.
    async fn dispatch(
        &self,
        frame: WsFrame,
        control: &mpsc::Sender<Control>,
        completions: &mut Completions<P>,
    ) -> bool {
        match self.protocol.decode(frame) {
            Inbound::Response { keys, response } => {
                completions.decoded.push((keys, response));
            }
            Inbound::Notification {
                notification,
                reply,
            } => {
                // Responses read before this notification complete first.
                self.complete(completions);
                if let Some(reply) = reply
                    && control.send(Control::Frame(reply)).await.is_err()
                {
                    return false;
                }
                if let Pushed::Lost {
                    first_of_streak: true,
                    total,
                } = self.inbox.push(notification)
                {
                    tracing::warn!(
                        total,
                        "WebSocket notifications dropped: the application is not keeping up"
                    );
                    self.emit(ConnectionEvent::NotificationsLost { total });
                }
            }
            Inbound::Unknown { reason, frame } => {
                self.complete(completions);
                tracing::debug!(%reason, len = frame.len(), "unknown WebSocket frame");
                self.emit(ConnectionEvent::UnknownFrame { reason, frame });
            }
            Inbound::Ignore => {}
        }
        true
    }

    /// Settles the responses collected in `completions`: claims them all under one lock of
    /// the pending store, then delivers them in order (results of one batch together).
    fn complete(&self, completions: &mut Completions<P>) {
        if completions.decoded.is_empty() {
            return;
        }
        {
            let mut core = self.lock();
            for (keys, response) in completions.decoded.drain(..) {
                match core.pending.claim(&keys, &response) {
                    // A reply for the batch run being collected joins it right here (a push to
                    // a buffer: nothing is woken under the lock), saving the detour through
                    // `claimed`; everything else is settled after the lock.
                    Claim::Entry(Entry {
                        reply: Reply::Batch(slot),
                        ..
                    }) if completions.run.takes(&slot) => {
                        completions.run.push(slot, Ok(response));
                    }
                    claim => completions.claimed.push((claim, keys, response)),
                }
            }
        }
        // Replies to batches whose results stream was dropped.
        let mut dropped = 0;
        for (claim, keys, response) in completions.claimed.drain(..) {
            match claim {
                Claim::Entry(entry) => match entry.reply {
                    Reply::Batch(slot) => dropped += completions.run.push(slot, Ok(response)),
                    Reply::One(tx) => {
                        if tx.send(Ok(response)).is_err() {
                            // The caller gave up between our lookup and now.
                            self.emit(ConnectionEvent::LateResponse {
                                key: format!("{:?}", keys.first()),
                            });
                        }
                    }
                },
                Claim::Late(key) => {
                    self.emit(ConnectionEvent::LateResponse {
                        key: format!("{key:?}"),
                    });
                }
                Claim::Unclaimed => {
                    self.emit(ConnectionEvent::UnsolicitedResponse {
                        keys: format!("{keys:?}"),
                    });
                }
            }
        }
        dropped += completions.run.flush();
        if dropped > 0 {
            tracing::debug!(dropped, "replies to an abandoned batch dropped");
            self.emit(ConnectionEvent::LateResponse {
                key: format!("{dropped} replies of a batch whose results were dropped"),
            });
        }
    }
}

/// Responses of one read burst on their way to their callers (buffers reused across bursts).
struct Completions<P: Protocol> {
    decoded: Vec<(Keys<P::Key>, P::Response)>,
    claimed: Vec<Claimed<P>>,
    run: BatchRun<P::Response>,
}

/// A response, its keys, and who gets it.
type Claimed<P> = (
    ClaimOf<P>,
    Keys<<P as Protocol>::Key>,
    <P as Protocol>::Response,
);

type ClaimOf<P> =
    Claim<<P as Protocol>::Key, <P as Protocol>::Response, Reply<<P as Protocol>::Response>>;

impl<P: Protocol> Completions<P> {
    fn new() -> Self {
        Self {
            decoded: Vec::new(),
            claimed: Vec::new(),
            run: BatchRun::new(),
        }
    }
}

/// Something for the writer besides user frames.
enum Control {
    Frame(WsFrame),
    Close(u16, String),
}

/// How a ready connection ended.
#[derive(Debug, Clone, PartialEq, Eq)]
enum End {
    ServerClosed { code: u16, reason: String },
    Lost(String),
    IdleTimeout(Duration),
    KeepaliveFailed(String),
    WriteFailed(String),
    Requested,
    Shutdown,
}

impl fmt::Display for End {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::ServerClosed { code, reason } if reason.is_empty() => {
                write!(f, "the server closed the connection with code {code}")
            }
            Self::ServerClosed { code, reason } => {
                write!(
                    f,
                    "the server closed the connection with code {code}: {reason}"
                )
            }
            Self::Lost(reason) => f.write_str(reason),
            Self::IdleTimeout(after) => write!(f, "nothing received for {after:?}"),
            Self::KeepaliveFailed(reason) => write!(f, "keepalive failed: {reason}"),
            Self::WriteFailed(reason) => write!(f, "write failed: {reason}"),
            Self::Requested => f.write_str("reconnect requested"),
            Self::Shutdown => f.write_str("client shut down"),
        }
    }
}

/// The reason inside a `ConnectionLost`, or the error's message.
fn reason_of(error: Error) -> String {
    match error {
        Error::ConnectionLost { reason } => reason,
        other => other.to_string(),
    }
}

async fn shutdown_requested(rx: &mut watch::Receiver<bool>) {
    // An error means the sender is gone, which also means shut down.
    let _ = rx.wait_for(|requested| *requested).await;
}

enum Attempt {
    Ready(Box<WsConnection>, Vec<WsFrame>),
    Failed(Error),
    Shutdown,
}

/// Connects and runs the handshake.
async fn attempt<P: Protocol>(
    shared: &Shared<P>,
    machine: &mut Machine,
    shutdown: &mut watch::Receiver<bool>,
) -> Attempt {
    shared.publish(machine.state().clone());
    let connected = tokio::select! {
        biased;
        () = shutdown_requested(shutdown) => return Attempt::Shutdown,
        result = connect(&shared.config.connect) => result,
    };
    let mut conn = match connected {
        Ok(conn) => conn,
        Err(error) => return Attempt::Failed(error),
    };
    machine.connected();
    shared.publish(machine.state().clone());
    let timeout = shared.config.handshake_timeout;
    let mut io = HandshakeIo::new(&mut conn, &shared.seq, timeout);
    let handshake = tokio::time::timeout(timeout, shared.protocol.handshake(&mut io));
    let result = tokio::select! {
        biased;
        () = shutdown_requested(shutdown) => return Attempt::Shutdown,
        result = handshake => result,
    };
    let deferred = io.into_deferred();
    match result {
        Ok(Ok(())) => Attempt::Ready(Box::new(conn), deferred),
        Ok(Err(error)) => Attempt::Failed(error),
        Err(_) => Attempt::Failed(Error::Timeout {
            what: "WebSocket handshake".to_owned(),
            after: timeout,
        }),
    }
}

fn classify_attempt<P: Protocol>(protocol: &P, error: &Error) -> Failure {
    match error {
        Error::Closed { code, reason } if protocol.is_fatal_close(*code) => Failure::FatalClose {
            code: *code,
            reason: reason.clone(),
        },
        Error::Closed { .. } => Failure::Transient(error.to_string()),
        _ if protocol.is_fatal_handshake_error(error) => Failure::Fatal(error.to_string()),
        _ => Failure::Transient(error.to_string()),
    }
}

fn attempt_number(state: &ConnectionState) -> u32 {
    match state {
        ConnectionState::Connecting { attempt }
        | ConnectionState::Handshaking { attempt }
        | ConnectionState::BackingOff { attempt, .. } => *attempt,
        _ => 0,
    }
}

/// The supervisor: owns the state machine for the client's whole life.
pub(crate) async fn supervise<P: Protocol>(
    shared: Arc<Shared<P>>,
    mut first: Option<oneshot::Sender<Result<()>>>,
) {
    let mut machine = Machine::new(shared.config.reconnect);
    let mut shutdown = shared.shutdown.subscribe();
    let mut link_ids = 0u64;
    let mut last_error: Option<Error> = None;
    loop {
        let number = attempt_number(machine.state());
        match attempt(&shared, &mut machine, &mut shutdown).await {
            Attempt::Shutdown => break,
            Attempt::Ready(conn, deferred) => {
                link_ids += 1;
                last_error = None;
                let shut = run_connection(
                    &shared,
                    &mut machine,
                    *conn,
                    deferred,
                    link_ids,
                    &mut first,
                    &mut shutdown,
                )
                .await;
                if shut {
                    break;
                }
            }
            Attempt::Failed(error) => {
                let mut failure = classify_attempt(&shared.protocol, &error);
                if first.is_some() && !shared.config.retry_initial_connect {
                    failure = Failure::Fatal(error.to_string());
                }
                let fatal = !matches!(failure, Failure::Transient(_));
                tracing::debug!(attempt = number, fatal, %error, "WebSocket connection attempt failed");
                shared.emit(ConnectionEvent::AttemptFailed {
                    attempt: number,
                    error: error.to_string(),
                    fatal,
                });
                let backoff = shared.config.reconnect.backoff;
                machine.failed(failure, |n| backoff.delay(n));
                if !machine.state().is_closed() {
                    shared.publish(machine.state().clone());
                }
                last_error = Some(error);
            }
        }
        match machine.state().clone() {
            ConnectionState::Closed { .. } => break,
            ConnectionState::BackingOff { delay, .. } => {
                tokio::select! {
                    biased;
                    () = shutdown_requested(&mut shutdown) => break,
                    () = tokio::time::sleep(delay) => {}
                }
                machine.delay_elapsed();
            }
            _ => {}
        }
    }
    // Terminal: record the reason, fail whatever is left, end the notification stream.
    machine.shutdown();
    let reason = match machine.state() {
        ConnectionState::Closed { reason } => reason.clone(),
        _ => crate::ws::state::CloseReason::Shutdown,
    };
    let drained = {
        let mut core = shared.lock();
        if let Some(link) = core.link.take() {
            shared.slots.add_permits(link.queue.len());
        }
        core.closed = Some(reason.clone());
        if !shared.state().is_closed() {
            shared.publish(machine.state().clone());
        }
        core.pending.drain()
    };
    for entry in drained {
        let _ = entry.reply.send(Err(reason.to_error()));
    }
    shared.inbox.close();
    if let Some(first) = first.take() {
        let error = match (last_error, &reason) {
            (_, crate::ws::state::CloseReason::FatalClose { code, reason }) => Error::Closed {
                code: *code,
                reason: reason.clone(),
            },
            (Some(error), _) => error,
            (None, reason) => reason.to_error(),
        };
        let _ = first.send(Err(error));
    }
}

/// Runs one ready connection until it ends; tears it down. Returns true if the client shut
/// down.
#[allow(clippy::too_many_arguments)]
async fn run_connection<P: Protocol>(
    shared: &Arc<Shared<P>>,
    machine: &mut Machine,
    conn: WsConnection,
    deferred: Vec<WsFrame>,
    link_id: u64,
    first: &mut Option<oneshot::Sender<Result<()>>>,
    shutdown: &mut watch::Receiver<bool>,
) -> bool {
    let config = &shared.config;
    let (sink, stream) = conn.into_stream().split();
    let (control_tx, control_rx) = mpsc::channel(CONTROL_QUEUE);
    let (end_tx, mut end_rx) = mpsc::channel(8);
    let writer = tokio::spawn(write_loop(
        Arc::clone(shared),
        link_id,
        sink,
        control_rx,
        config.ping_interval,
        end_tx.clone(),
    ));
    let expiry = tokio::spawn(expiry_loop(Arc::clone(shared)));
    let mut reader = tokio::spawn(read_loop(
        Arc::clone(shared),
        stream,
        deferred,
        control_tx.clone(),
        end_tx.clone(),
    ));
    let keepalive = match config.app_keepalive_interval {
        Some(interval) if shared.protocol.keepalive().is_some() => Some(tokio::spawn(
            keepalive_loop(Arc::clone(shared), interval, end_tx.clone()),
        )),
        _ => None,
    };
    drop(end_tx);
    {
        let mut core = shared.lock();
        machine.ready();
        core.link = Some(Link {
            id: link_id,
            queue: VecDeque::new(),
        });
        shared.publish(machine.state().clone());
    }
    if let Some(first) = first.take() {
        let _ = first.send(Ok(()));
    }
    let reconnect = shared.reconnect.notified();
    let end = tokio::select! {
        biased;
        () = shutdown_requested(shutdown) => End::Shutdown,
        () = reconnect => End::Requested,
        end = end_rx.recv() => end.unwrap_or_else(|| End::Lost("the connection tasks ended".to_owned())),
    };
    let failure = match &end {
        End::Shutdown => None,
        End::ServerClosed { code, reason } if shared.protocol.is_fatal_close(*code) => {
            Some(Failure::FatalClose {
                code: *code,
                reason: reason.clone(),
            })
        }
        other => Some(Failure::Transient(other.to_string())),
    };
    // Fail every pending request at once, in the same step as the state change. Events go
    // out in order: what ended, then the new state.
    let drained = {
        let mut core = shared.lock();
        if let Some(link) = core.link.take() {
            // Frames never written give their slots back.
            shared.slots.add_permits(link.queue.len());
        }
        let drained = core.pending.drain();
        tracing::debug!(reason = %end, failed_requests = drained.len(), "WebSocket connection ended");
        shared.emit(ConnectionEvent::Disconnected {
            reason: end.to_string(),
            failed_requests: drained.len(),
        });
        let backoff = config.reconnect.backoff;
        match failure {
            Some(Failure::FatalClose { code, reason }) => {
                tracing::warn!(code, "WebSocket closed by the server with a fatal code");
                shared.emit(ConnectionEvent::FatalClose {
                    code,
                    reason: reason.clone(),
                });
                machine.failed(Failure::FatalClose { code, reason }, |n| backoff.delay(n));
            }
            Some(failure) => {
                machine.failed(failure, |n| backoff.delay(n));
            }
            None => machine.shutdown(),
        }
        if let ConnectionState::Closed { reason } = machine.state() {
            core.closed = Some(reason.clone());
        }
        shared.publish(machine.state().clone());
        drained
    };
    expiry.abort();
    for entry in drained {
        let error = if end == End::Shutdown {
            Error::Shutdown
        } else {
            Error::ConnectionLost {
                reason: end.to_string(),
            }
        };
        let _ = entry.reply.send(Err(error));
    }
    if let Some(keepalive) = keepalive {
        keepalive.abort();
    }
    // Let the closing handshake finish (bounded): ours on shutdown, the server's otherwise.
    let graceful = match &end {
        End::Shutdown => control_tx
            .try_send(Control::Close(1000, String::new()))
            .is_ok(),
        End::ServerClosed { .. } => true,
        _ => false,
    };
    drop(control_tx);
    if graceful {
        let _ = tokio::time::timeout(config.close_timeout, &mut reader).await;
    }
    reader.abort();
    writer.abort();
    shared.protocol.on_disconnect();
    end == End::Shutdown
}

async fn read_loop<P: Protocol>(
    shared: Arc<Shared<P>>,
    mut stream: SplitStream<Stream>,
    deferred: Vec<WsFrame>,
    control: mpsc::Sender<Control>,
    end: mpsc::Sender<End>,
) {
    let mut completions = Completions::new();
    for frame in deferred {
        if !shared.dispatch(frame, &control, &mut completions).await {
            return;
        }
    }
    shared.complete(&mut completions);
    let idle = shared.config.idle_timeout;
    let mut last_received = Instant::now();
    let far = Duration::from_secs(86_400 * 365);
    let idle_timer = tokio::time::sleep(idle.unwrap_or(far));
    tokio::pin!(idle_timer);
    let reason = 'read: loop {
        tokio::select! {
            biased;
            message = stream.next() => {
                // One clock reading per burst: the messages already buffered arrived together.
                last_received = Instant::now();
                let mut message = message;
                let mut burst = 0;
                loop {
                    match message {
                        Some(Ok(message @ (Message::Text(_) | Message::Binary(_)))) => {
                            if let Some(frame) = WsFrame::from_message(message)
                                && !shared.dispatch(frame, &control, &mut completions).await
                            {
                                return;
                            }
                        }
                        Some(Ok(Message::Close(frame))) => {
                            shared.complete(&mut completions);
                            let (code, reason) = close_parts(frame.as_ref());
                            let _ = end.try_send(End::ServerClosed { code, reason });
                            // Reading on flushes tungstenite's close reply; then the stream ends.
                            while let Some(Ok(_)) = stream.next().await {}
                            return;
                        }
                        // Pings are answered by tungstenite on the next read; pongs only count
                        // as traffic.
                        Some(Ok(_)) => {}
                        Some(Err(error)) => {
                            shared.complete(&mut completions);
                            break 'read End::Lost(reason_of(io_error(error)));
                        }
                        None => {
                            shared.complete(&mut completions);
                            break 'read End::Lost(ENDED_WITHOUT_CLOSE.to_owned());
                        }
                    }
                    burst += 1;
                    if burst == READ_BURST {
                        break;
                    }
                    // The next message if it is already here (otherwise back to waiting, which
                    // registers this task's waker again).
                    match stream.next().now_or_never() {
                        Some(next) => message = next,
                        None => break,
                    }
                }
                shared.complete(&mut completions);
            }
            () = &mut idle_timer, if idle.is_some() => {
                let limit = idle.unwrap_or(far);
                let due = last_received + limit;
                if Instant::now() >= due {
                    break End::IdleTimeout(limit);
                }
                idle_timer.as_mut().reset(due);
            }
        }
    };
    let _ = end.try_send(reason);
}

async fn next_tick(ping: &mut Option<tokio::time::Interval>) {
    match ping {
        Some(interval) => {
            interval.tick().await;
        }
        None => std::future::pending::<()>().await,
    }
}

type WsSink = SplitSink<Stream, Message>;
type WriteResult<T> = std::result::Result<T, tokio_tungstenite::tungstenite::Error>;

/// Feeds the control frames that are ready. Returns true once the close frame was sent (the
/// writer is done).
async fn feed_control(
    sink: &mut WsSink,
    control: &mut mpsc::Receiver<Control>,
) -> WriteResult<bool> {
    while let Ok(item) = control.try_recv() {
        match item {
            Control::Frame(frame) => sink.feed(frame.into_message()).await?,
            Control::Close(code, reason) => {
                send_close(sink, code, reason).await?;
                return Ok(true);
            }
        }
    }
    Ok(false)
}

async fn send_close(sink: &mut WsSink, code: u16, reason: String) -> WriteResult<()> {
    let frame = CloseFrame {
        code: CloseCode::from(code),
        reason: reason.into(),
    };
    sink.send(Message::Close(Some(frame))).await
}

/// The writer: control frames (acks, replies, the close) first, then the user queue as one
/// batch, one flush per batch; pings on the interval.
async fn write_loop<P: Protocol>(
    shared: Arc<Shared<P>>,
    link_id: u64,
    mut sink: WsSink,
    mut control: mpsc::Receiver<Control>,
    ping_interval: Option<Duration>,
    end: mpsc::Sender<End>,
) {
    let mut ping = ping_interval.map(|period| {
        let mut interval = tokio::time::interval_at(Instant::now() + period, period);
        interval.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        interval
    });
    let mut batch = VecDeque::new();
    let result: WriteResult<()> = async {
        loop {
            tokio::select! {
                biased;
                item = control.recv() => match item {
                    Some(Control::Frame(frame)) => sink.feed(frame.into_message()).await?,
                    Some(Control::Close(code, reason)) => return send_close(&mut sink, code, reason).await,
                    None => return Ok(()),
                },
                () = shared.writer_wake.notified() => {}
                () = next_tick(&mut ping) => sink.feed(Message::Ping(bytes::Bytes::new())).await?,
            }
            if feed_control(&mut sink, &mut control).await? {
                return Ok(());
            }
            shared.take_outgoing(link_id, &mut batch);
            let mut fed = 0usize;
            while let Some(frame) = batch.pop_front() {
                sink.feed(frame.into_message()).await?;
                fed += 1;
                if fed.is_multiple_of(CONTROL_CHECK_EVERY) && feed_control(&mut sink, &mut control).await? {
                    return Ok(());
                }
            }
            sink.flush().await?;
        }
    }
    .await;
    if let Err(error) = result {
        let _ = end.try_send(End::WriteFailed(reason_of(io_error(error))));
    }
}

/// Fails requests whose deadline passed: one timer for the whole connection, moved forward
/// when a request with an earlier deadline arrives.
async fn expiry_loop<P: Protocol>(shared: Arc<Shared<P>>) {
    loop {
        let next = shared.lock().pending.next_deadline();
        let earlier = shared.timer.notified();
        match next {
            Some(at) => {
                tokio::select! {
                    biased;
                    () = earlier => continue,
                    () = tokio::time::sleep_until(at) => {}
                }
            }
            None => {
                earlier.await;
                continue;
            }
        }
        shared.expire();
    }
}

/// `timeout` from now, saturating far in the future.
/// The same error again, for every request of a batch that one failure stopped (errors are not
/// `Clone`: their sources may not be).
fn replicate(error: &Error) -> Error {
    match error {
        Error::Timeout { what, after } => Error::Timeout {
            what: what.clone(),
            after: *after,
        },
        Error::NotConnected { state } => Error::NotConnected {
            state: state.clone(),
        },
        Error::Closed { code, reason } => Error::Closed {
            code: *code,
            reason: reason.clone(),
        },
        Error::Handshake(message) => Error::Handshake(message.clone()),
        Error::Shutdown => Error::Shutdown,
        other => Error::ConnectionLost {
            reason: other.to_string(),
        },
    }
}

fn deadline_after(timeout: Duration) -> Instant {
    let now = Instant::now();
    now.checked_add(timeout)
        .unwrap_or_else(|| now + Duration::from_secs(86_400 * 365 * 30))
}

async fn keepalive_loop<P: Protocol>(
    shared: Arc<Shared<P>>,
    interval: Duration,
    end: mpsc::Sender<End>,
) {
    loop {
        tokio::time::sleep(interval).await;
        let Some(request) = shared.protocol.keepalive() else {
            return;
        };
        match shared.request(request, shared.config.request_timeout).await {
            Ok(_) => {}
            Err(error) if error.is_timeout() => {
                shared.emit(ConnectionEvent::KeepaliveFailed {
                    error: error.to_string(),
                    interval,
                });
                let _ = end.try_send(End::KeepaliveFailed(error.to_string()));
                return;
            }
            // Connection lost or shut down: the supervisor is already on it.
            Err(_) => return,
        }
    }
}

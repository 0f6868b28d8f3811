//! The [`Dispatcher`]: per-chat ordered, cross-chat concurrent handling of notifications.

use super::context::{EventContext, MessageContext};
use super::filter::{Command, Filter, Kind};
use crate::client::Client;
use crate::error::{Error, Result};
use crate::update::{Delivery, Update, Updates};
use futures_util::FutureExt;
use futures_util::future::BoxFuture;
use std::collections::BTreeMap;
use std::fmt;
use std::future::Future;
use std::panic::AssertUnwindSafe;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use tokio::sync::{Semaphore, mpsc};
use tokio::task::JoinSet;

type MessageHandler = Arc<dyn Fn(MessageContext) -> BoxFuture<'static, Result<()>> + Send + Sync>;
type EventHandler = Arc<dyn Fn(EventContext) -> BoxFuture<'static, Result<()>> + Send + Sync>;
type ErrorHandler = Arc<dyn Fn(DispatchError) + Send + Sync>;

enum Route {
    Message(Filter, MessageHandler),
    Event(Option<Kind>, EventHandler),
}

/// Something that went wrong while dispatching; the dispatcher goes on.
#[derive(Debug)]
#[non_exhaustive]
pub enum DispatchError {
    /// A handler returned an error.
    Handler {
        /// The notification's method.
        method: String,
        /// Its chat, if it names one.
        chat: Option<String>,
        /// The error.
        error: Error,
    },
    /// A handler panicked (the panic was caught; the chat's queue goes on).
    Panicked {
        /// The notification's method.
        method: String,
        /// Its chat, if it names one.
        chat: Option<String>,
    },
    /// Acknowledging a notification after its handler failed.
    Ack {
        /// The notification id.
        id: u32,
        /// The error.
        error: Error,
    },
    /// Notifications were lost because the dispatcher fell behind the client's buffer.
    Lost {
        /// How many.
        missed: u64,
    },
    /// A frame from the server could not be read at all.
    Unreadable {
        /// Why.
        reason: String,
    },
}

impl fmt::Display for DispatchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Handler {
                method,
                chat,
                error,
            } => write!(f, "handler for `{method}` (chat {chat:?}) failed: {error}"),
            Self::Panicked { method, chat } => {
                write!(f, "handler for `{method}` (chat {chat:?}) panicked")
            }
            Self::Ack { id, error } => write!(f, "cannot acknowledge notification {id}: {error}"),
            Self::Lost { missed } => write!(f, "{missed} notifications lost (buffer overflow)"),
            Self::Unreadable { reason } => write!(f, "unreadable frame: {reason}"),
        }
    }
}

impl std::error::Error for DispatchError {}

/// Counts of what a dispatcher did, returned by [`Dispatcher::run`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Summary {
    /// Notifications a handler took (whatever it returned).
    pub handled: u64,
    /// Handlers that returned an error or panicked.
    pub failed: u64,
    /// The bot's own messages, skipped.
    pub skipped_own: u64,
    /// Notifications no route matched.
    pub unmatched: u64,
    /// Notifications lost before the dispatcher saw them.
    pub lost: u64,
    /// Frames that could not be read.
    pub unreadable: u64,
}

#[derive(Default)]
struct Counters {
    handled: AtomicU64,
    failed: AtomicU64,
    skipped_own: AtomicU64,
    unmatched: AtomicU64,
    lost: AtomicU64,
    unreadable: AtomicU64,
}

impl Counters {
    fn summary(&self) -> Summary {
        let get = |c: &AtomicU64| c.load(Ordering::Acquire);
        Summary {
            handled: get(&self.handled),
            failed: get(&self.failed),
            skipped_own: get(&self.skipped_own),
            unmatched: get(&self.unmatched),
            lost: get(&self.lost),
            unreadable: get(&self.unreadable),
        }
    }
}

/// Configures a [`Dispatcher`].
#[must_use]
pub struct DispatcherBuilder {
    client: Client,
    routes: Vec<Route>,
    on_error: Option<ErrorHandler>,
    skip_own: bool,
    concurrency: usize,
}

impl fmt::Debug for DispatcherBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DispatcherBuilder")
            .field("routes", &self.routes.len())
            .field("skip_own", &self.skip_own)
            .field("concurrency", &self.concurrency)
            .finish_non_exhaustive()
    }
}

impl DispatcherBuilder {
    /// Handles messages (`sendMessage` notifications) that pass `filter`. Routes are tried in
    /// the order they were added; the first match handles the notification.
    pub fn on_message<F, Fut>(mut self, filter: Filter, handler: F) -> Self
    where
        F: Fn(MessageContext) -> Fut + Send + Sync + 'static,
        Fut: Future<Output = Result<()>> + Send + 'static,
    {
        let handler: MessageHandler = Arc::new(move |cx| handler(cx).boxed());
        self.routes.push(Route::Message(filter, handler));
        self
    }

    /// Handles notifications of `kind` (for [`Kind::Message`], every message not taken by an
    /// earlier message route).
    pub fn on<F, Fut>(mut self, kind: Kind, handler: F) -> Self
    where
        F: Fn(EventContext) -> Fut + Send + Sync + 'static,
        Fut: Future<Output = Result<()>> + Send + 'static,
    {
        let handler: EventHandler = Arc::new(move |cx| handler(cx).boxed());
        self.routes.push(Route::Event(Some(kind), handler));
        self
    }

    /// Handles every notification not taken by an earlier route.
    pub fn on_any<F, Fut>(mut self, handler: F) -> Self
    where
        F: Fn(EventContext) -> Fut + Send + Sync + 'static,
        Fut: Future<Output = Result<()>> + Send + 'static,
    {
        let handler: EventHandler = Arc::new(move |cx| handler(cx).boxed());
        self.routes.push(Route::Event(None, handler));
        self
    }

    /// Receives every [`DispatchError`] (they are also logged with `tracing`).
    pub fn on_error(mut self, handler: impl Fn(DispatchError) + Send + Sync + 'static) -> Self {
        self.on_error = Some(Arc::new(handler));
        self
    }

    /// Skip the bot's own messages (default true).
    pub fn skip_own_messages(mut self, skip: bool) -> Self {
        self.skip_own = skip;
        self
    }

    /// The most handlers running at once, across chats (default 64; at least 1).
    pub fn concurrency(mut self, limit: usize) -> Self {
        self.concurrency = limit.max(1);
        self
    }

    /// The dispatcher.
    pub fn build(self) -> Dispatcher {
        Dispatcher {
            shared: Arc::new(Shared {
                client: self.client,
                routes: self.routes,
                on_error: self.on_error,
                skip_own: self.skip_own,
                permits: Semaphore::new(self.concurrency),
                counters: Counters::default(),
            }),
        }
    }
}

struct Shared {
    client: Client,
    routes: Vec<Route>,
    on_error: Option<ErrorHandler>,
    skip_own: bool,
    permits: Semaphore,
    counters: Counters,
}

impl Shared {
    fn report(&self, error: DispatchError) {
        tracing::warn!(%error, "dispatcher");
        if let Some(on_error) = &self.on_error {
            on_error(error);
        }
    }

    /// Handles one delivery (on its chat's worker).
    async fn handle(&self, delivery: Arc<Delivery>) {
        let outcome = match self.route(&delivery) {
            Some(run) => {
                self.counters.handled.fetch_add(1, Ordering::AcqRel);
                let _permit = self.permits.acquire().await;
                Some(AssertUnwindSafe(run).catch_unwind().await)
            }
            None => None,
        };
        let chat = delivery.chat_key().map(str::to_owned);
        let failed = match outcome {
            Some(Ok(Err(error))) => {
                self.report(DispatchError::Handler {
                    method: delivery.method.clone(),
                    chat,
                    error,
                });
                true
            }
            Some(Err(_panic)) => {
                self.report(DispatchError::Panicked {
                    method: delivery.method.clone(),
                    chat,
                });
                true
            }
            _ => false,
        };
        if failed {
            self.counters.failed.fetch_add(1, Ordering::AcqRel);
        }
        if let Err(error) = self.client.ack(&delivery).await {
            self.report(DispatchError::Ack {
                id: delivery.id,
                error,
            });
        }
    }

    /// The handler future for `delivery`, or `None` when it is skipped or unmatched.
    fn route(&self, delivery: &Arc<Delivery>) -> Option<BoxFuture<'static, Result<()>>> {
        let kind = Kind::of(delivery);
        let message = delivery.message();
        if let Some(message) = message
            && self.skip_own
            && self.client.is_me(&message.author.id)
        {
            self.counters.skipped_own.fetch_add(1, Ordering::AcqRel);
            return None;
        }
        for route in &self.routes {
            match (route, message) {
                (Route::Message(filter, handler), Some(message)) if filter.matches(message) => {
                    return Some(handler(MessageContext {
                        client: self.client.clone(),
                        message: Arc::new(message.clone()),
                        command: message.text().and_then(Command::parse),
                        delivery: Arc::clone(delivery),
                    }));
                }
                (Route::Event(wanted, handler), _) if wanted.is_none_or(|k| k == kind) => {
                    return Some(handler(EventContext {
                        client: self.client.clone(),
                        delivery: Arc::clone(delivery),
                    }));
                }
                _ => {}
            }
        }
        tracing::debug!(method = %delivery.method, "no handler for notification");
        self.counters.unmatched.fetch_add(1, Ordering::AcqRel);
        None
    }
}

/// One chat's queue.
struct Worker {
    sender: mpsc::UnboundedSender<Arc<Delivery>>,
    /// Deliveries sent and not yet fully handled.
    in_flight: Arc<AtomicUsize>,
}

/// Queues with no work left are dropped once this many exist.
const SWEEP_AT: usize = 256;

/// Routes notifications to handlers; see the [module docs](super).
pub struct Dispatcher {
    shared: Arc<Shared>,
}

impl fmt::Debug for Dispatcher {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Dispatcher")
            .field("routes", &self.shared.routes.len())
            .field("summary", &self.shared.counters.summary())
            .finish_non_exhaustive()
    }
}

impl Dispatcher {
    /// A builder for a dispatcher of `client`'s notifications.
    pub fn builder(client: Client) -> DispatcherBuilder {
        DispatcherBuilder {
            client,
            routes: Vec::new(),
            on_error: None,
            skip_own: true,
            concurrency: 64,
        }
    }

    /// Takes the client's update stream and dispatches until it ends (the client shut down
    /// or closed for good), then waits for the running handlers.
    ///
    /// # Errors
    ///
    /// A transport `InvalidInput` when the client's update stream was already taken.
    pub async fn run(self) -> Result<Summary> {
        self.run_until(std::future::pending::<()>()).await
    }

    /// Like [`Dispatcher::run`], but also stops taking notifications once `stop` completes
    /// (the handlers already queued still run).
    ///
    /// # Errors
    ///
    /// As [`Dispatcher::run`].
    pub async fn run_until(self, stop: impl Future<Output = ()>) -> Result<Summary> {
        let updates = self.shared.client.updates().ok_or_else(|| {
            transport_core::Error::invalid_input(
                "updates",
                "the client's update stream was already taken",
            )
        })?;
        self.run_stream(updates, stop).await
    }

    async fn run_stream(
        self,
        mut updates: Updates,
        stop: impl Future<Output = ()>,
    ) -> Result<Summary> {
        let shared = self.shared;
        let mut workers: BTreeMap<Option<String>, Worker> = BTreeMap::new();
        let mut tasks = JoinSet::new();
        tokio::pin!(stop);
        loop {
            let update = tokio::select! {
                biased;
                () = &mut stop => break,
                update = updates.recv() => update,
            };
            let Some(update) = update else { break };
            match update {
                Update::Notification(delivery) => {
                    let delivery: Arc<Delivery> = Arc::from(delivery);
                    let key = delivery.chat_key().map(str::to_owned);
                    if workers.len() >= SWEEP_AT {
                        workers.retain(|_, w| w.in_flight.load(Ordering::Acquire) > 0);
                    }
                    let worker = workers
                        .entry(key)
                        .or_insert_with(|| spawn_worker(&shared, &mut tasks));
                    worker.in_flight.fetch_add(1, Ordering::AcqRel);
                    if let Err(failed) = worker.sender.send(delivery) {
                        // Its worker ended (only possible if it panicked outside a handler):
                        // a fresh one takes over the queue rather than dropping the delivery.
                        *worker = spawn_worker(&shared, &mut tasks);
                        worker.in_flight.fetch_add(1, Ordering::AcqRel);
                        let _ = worker.sender.send(failed.0);
                    }
                }
                Update::Lost { missed } => {
                    shared.counters.lost.fetch_add(missed, Ordering::AcqRel);
                    shared.report(DispatchError::Lost { missed });
                }
                Update::Unreadable { reason, .. } => {
                    shared.counters.unreadable.fetch_add(1, Ordering::AcqRel);
                    shared.report(DispatchError::Unreadable { reason });
                }
            }
            // Reap finished workers without waiting.
            while let Some(joined) = tasks.try_join_next() {
                drop(joined);
            }
        }
        // No more input: every queue drains, then its worker ends.
        drop(workers);
        while tasks.join_next().await.is_some() {}
        Ok(shared.counters.summary())
    }
}

fn spawn_worker(shared: &Arc<Shared>, tasks: &mut JoinSet<()>) -> Worker {
    let (sender, mut receiver) = mpsc::unbounded_channel::<Arc<Delivery>>();
    let in_flight = Arc::new(AtomicUsize::new(0));
    let shared = Arc::clone(shared);
    let counter = Arc::clone(&in_flight);
    tasks.spawn(async move {
        while let Some(delivery) = receiver.recv().await {
            shared.handle(delivery).await;
            counter.fetch_sub(1, Ordering::AcqRel);
        }
    });
    Worker { sender, in_flight }
}

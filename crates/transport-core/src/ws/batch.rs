//! The result channel of a pipelined batch ([`WsClient::request_all`](crate::ws::WsClient::request_all)).
//!
//! Every request of a batch gets exactly one result. The reader completes requests one
//! response at a time; the consumer takes results in bulk. A general-purpose channel pays a
//! few atomic operations per item on both sides and wakes the consumer per item; this one
//! appends under a mutex (uncontended on a current-thread runtime, briefly contended on a
//! multi-threaded one), wakes the consumer only when it is waiting, and lets the consumer
//! swap out everything that arrived in one step.
//!
//! Completion is counted, not inferred from dropped senders: the submitter announces each
//! slot it registers ([`BatchChannel::open_slots`]) and says when it is done
//! ([`BatchChannel::finish`]); the stream ends once it is done and every open slot delivered.
//! A slot dropped without a result (the engine went away) delivers an error from its `Drop`,
//! so the stream can neither hang nor lose a request.

use crate::error::{Error, Result};
use std::collections::VecDeque;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::task::{Context, Poll, Waker};

/// A result as the channel carries it: the error boxed, so an item is a few words (errors are
/// rare; `Error` itself is 72 bytes, and every item is moved several times on its way).
pub(crate) type Carried<R> = std::result::Result<R, Box<Error>>;

struct State<R> {
    /// Results not yet taken by the consumer.
    ready: VecDeque<(usize, Carried<R>)>,
    /// The consumer, when it waits for results.
    waker: Option<Waker>,
    /// Slots registered and not yet delivered.
    open: usize,
    /// The submitter has registered (or failed) every request.
    finished: bool,
    /// The consumer went away: results are dropped.
    abandoned: bool,
}

/// The shared side of one batch.
pub(crate) struct BatchChannel<R> {
    state: Mutex<State<R>>,
}

impl<R> BatchChannel<R> {
    pub(crate) fn new() -> Arc<Self> {
        Arc::new(Self {
            state: Mutex::new(State {
                ready: VecDeque::new(),
                waker: None,
                open: 0,
                finished: false,
                abandoned: false,
            }),
        })
    }

    fn lock(&self) -> MutexGuard<'_, State<R>> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Delivers one result that needs no slot (a request that failed before it was sent).
    pub(crate) fn send(&self, index: usize, result: Result<R>) {
        // No slot to close; dropped if the consumer went away.
        let _ = self.settle(0, std::iter::once((index, result.map_err(Box::new))));
    }

    /// Announces `n` slots about to be registered; each must deliver once.
    pub(crate) fn open_slots(self: &Arc<Self>, n: usize) {
        self.lock().open += n;
    }

    /// A slot for request `index` (one of those announced by [`BatchChannel::open_slots`]).
    pub(crate) fn slot(self: &Arc<Self>, index: usize) -> BatchSlot<R> {
        BatchSlot {
            index,
            channel: Some(Arc::clone(self)),
        }
    }

    /// The submitter is done: no more slots or results will be added by it.
    pub(crate) fn finish(&self) {
        let mut state = self.lock();
        state.finished = true;
        wake(&mut state);
    }

    /// True once the consumer went away.
    pub(crate) fn is_abandoned(&self) -> bool {
        self.lock().abandoned
    }

    /// The consumer went away: drop what is queued and everything that comes later.
    pub(crate) fn abandon(&self) {
        let mut state = self.lock();
        state.abandoned = true;
        state.ready = VecDeque::new();
        state.waker = None;
    }

    /// Closes `count` open slots with `results`; false (results dropped) if the consumer went
    /// away.
    fn settle(&self, count: usize, results: impl Iterator<Item = (usize, Carried<R>)>) -> bool {
        let mut state = self.lock();
        state.open = state.open.saturating_sub(count);
        if state.abandoned {
            return false;
        }
        state.ready.extend(results);
        wake(&mut state);
        true
    }

    /// Moves every ready result into `into` (which the consumer drains without locking), or
    /// says the batch is complete, or registers the consumer's waker. `into` is empty when
    /// called, so the two queues are swapped (no result is copied; the producer goes on with
    /// the consumer's drained buffer).
    pub(crate) fn poll_take(
        &self,
        cx: &mut Context<'_>,
        into: &mut VecDeque<(usize, Carried<R>)>,
    ) -> Poll<bool> {
        let mut state = self.lock();
        if !state.ready.is_empty() {
            if into.is_empty() {
                std::mem::swap(&mut state.ready, into);
            } else {
                into.extend(state.ready.drain(..));
            }
            return Poll::Ready(true);
        }
        if state.finished && state.open == 0 {
            return Poll::Ready(false);
        }
        match &state.waker {
            Some(waker) if waker.will_wake(cx.waker()) => {}
            _ => state.waker = Some(cx.waker().clone()),
        }
        Poll::Pending
    }
}

fn wake<R>(state: &mut State<R>) {
    if let Some(waker) = state.waker.take() {
        waker.wake();
    }
}

/// Where the reply of one request of a batch goes. Delivers exactly once: its result, or (if
/// dropped unused) a `ConnectionLost` error.
pub(crate) struct BatchSlot<R> {
    index: usize,
    channel: Option<Arc<BatchChannel<R>>>,
}

impl<R> BatchSlot<R> {
    /// Delivers the result; false if the consumer went away.
    pub(crate) fn deliver(mut self, result: Result<R>) -> bool {
        match self.channel.take() {
            Some(channel) => deliver(&channel, self.index, result),
            None => false,
        }
    }
}

/// Results for slots of one batch, delivered under one lock (the reader completes a whole
/// read burst at a time, and consecutive responses usually belong to the same batch).
pub(crate) struct BatchRun<R> {
    channel: Option<Arc<BatchChannel<R>>>,
    results: Vec<(usize, Carried<R>)>,
}

impl<R> BatchRun<R> {
    pub(crate) fn new() -> Self {
        Self {
            channel: None,
            results: Vec::new(),
        }
    }

    /// True if `slot` can join the run without delivering it first (the run is empty or of
    /// the same batch).
    pub(crate) fn takes(&self, slot: &BatchSlot<R>) -> bool {
        match (&self.channel, &slot.channel) {
            (None, _) => true,
            (Some(current), Some(channel)) => Arc::ptr_eq(current, channel),
            (Some(_), None) => false,
        }
    }

    /// Adds `slot`'s result. If `slot` belongs to another batch than the run so far, the run
    /// is delivered first. Returns how many results were dropped because their consumer went
    /// away (as [`BatchRun::flush`]).
    pub(crate) fn push(&mut self, mut slot: BatchSlot<R>, result: Result<R>) -> usize {
        let Some(channel) = slot.channel.take() else {
            return 0;
        };
        let dropped = match &self.channel {
            Some(current) if !Arc::ptr_eq(current, &channel) => self.flush(),
            _ => 0,
        };
        if self.channel.is_none() {
            self.channel = Some(channel);
        }
        self.results.push((slot.index, result.map_err(Box::new)));
        dropped
    }

    /// Delivers the run. Returns how many of its results were dropped because the batch's
    /// consumer went away (0 if they were delivered or the run was empty).
    pub(crate) fn flush(&mut self) -> usize {
        let Some(channel) = self.channel.take() else {
            return 0;
        };
        let count = self.results.len();
        if channel.settle(count, self.results.drain(..)) {
            0
        } else {
            count
        }
    }
}

fn deliver<R>(channel: &BatchChannel<R>, index: usize, result: Result<R>) -> bool {
    channel.settle(1, std::iter::once((index, result.map_err(Box::new))))
}

impl<R> Drop for BatchSlot<R> {
    fn drop(&mut self) {
        if let Some(channel) = self.channel.take() {
            deliver(
                &channel,
                self.index,
                Err(Error::ConnectionLost {
                    reason: "the request was dropped by the engine".to_owned(),
                }),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::future::poll_fn;

    async fn next(
        channel: &BatchChannel<u32>,
        buffer: &mut VecDeque<(usize, Carried<u32>)>,
    ) -> Option<(usize, Result<u32>)> {
        loop {
            if let Some((index, result)) = buffer.pop_front() {
                return Some((index, result.map_err(|e| *e)));
            }
            if !poll_fn(|cx| channel.poll_take(cx, buffer)).await {
                return None;
            }
        }
    }

    #[tokio::test]
    async fn every_slot_delivers_once_and_the_stream_ends_after_the_last() {
        let channel = BatchChannel::new();
        channel.open_slots(3);
        let (a, b, c) = (channel.slot(0), channel.slot(1), channel.slot(2));
        channel.send(3, Err(Error::invalid_input("request", "bad")));
        channel.finish();
        assert!(b.deliver(Ok(10)));
        // Dropped without a result: an error is delivered in its place.
        drop(c);
        let mut buffer = VecDeque::new();
        let mut seen = Vec::new();
        for _ in 0..3 {
            let (index, result) = next(&channel, &mut buffer).await.unwrap();
            seen.push((index, result.ok()));
        }
        seen.sort();
        assert_eq!(seen, [(1, Some(10)), (2, None), (3, None)]);
        // Slot 0 is still open: the stream has not ended. Deliver it from another task.
        let handle = tokio::spawn(async move { a.deliver(Ok(7)) });
        assert_eq!(
            next(&channel, &mut buffer).await.map(|(i, r)| (i, r.ok())),
            Some((0, Some(7)))
        );
        assert!(handle.await.unwrap());
        assert!(next(&channel, &mut buffer).await.is_none());
    }

    #[tokio::test]
    async fn a_run_delivers_consecutive_results_of_one_batch_together() {
        let (first, second) = (BatchChannel::<u32>::new(), BatchChannel::<u32>::new());
        first.open_slots(2);
        second.open_slots(1);
        let mut run = BatchRun::new();
        assert_eq!(run.push(first.slot(0), Ok(1)), 0);
        assert_eq!(run.push(first.slot(1), Ok(2)), 0);
        assert!(
            first.lock().ready.is_empty(),
            "nothing delivered before the run ends"
        );
        // Another batch: the first run is delivered.
        assert_eq!(run.push(second.slot(0), Ok(3)), 0);
        assert_eq!(first.lock().ready.len(), 2);
        assert_eq!(first.lock().open, 0);
        second.abandon();
        assert_eq!(run.flush(), 1, "the abandoned batch's result is dropped");
        assert_eq!(run.flush(), 0);
        assert_eq!(second.lock().open, 0);
    }

    #[tokio::test]
    async fn an_abandoned_batch_drops_results() {
        let channel = BatchChannel::<u32>::new();
        channel.open_slots(1);
        let slot = channel.slot(0);
        channel.abandon();
        assert!(channel.is_abandoned());
        assert!(!slot.deliver(Ok(1)));
        assert!(channel.lock().ready.is_empty());
    }
}

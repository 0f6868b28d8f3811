//! The notification buffer between the reader (which never waits) and the application.

use crate::ws::config::OverflowPolicy;
use futures_util::Stream;
use std::collections::VecDeque;
use std::fmt;
use std::pin::Pin;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::task::{Context, Poll, Waker};

/// One item of the [`Notifications`] stream.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum NotificationItem<N> {
    /// A notification from the server.
    Notification(N),
    /// `missed` notifications were dropped here because the buffer was full (see
    /// [`OverflowPolicy`]).
    Lagged {
        /// How many were lost at this point of the stream.
        missed: u64,
    },
}

enum Slot<N> {
    Item(N),
    Lagged(u64),
}

struct State<N> {
    slots: VecDeque<Slot<N>>,
    /// Notifications (not markers) in `slots`.
    items: usize,
    capacity: usize,
    policy: OverflowPolicy,
    waker: Option<Waker>,
    closed: bool,
    lost_total: u64,
    /// True while notifications are being lost and none was delivered since.
    losing: bool,
}

/// What a push did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Pushed {
    /// Buffered without loss.
    Queued,
    /// One notification was lost; `first_of_streak` when the previous push lost none.
    Lost { first_of_streak: bool, total: u64 },
}

/// A bounded queue with an explicit, visible overflow policy.
pub(crate) struct Inbox<N> {
    state: Mutex<State<N>>,
}

impl<N> Inbox<N> {
    pub(crate) fn new(capacity: usize, policy: OverflowPolicy) -> Self {
        Self {
            state: Mutex::new(State {
                slots: VecDeque::new(),
                items: 0,
                capacity: capacity.max(1),
                policy,
                waker: None,
                closed: false,
                lost_total: 0,
                losing: false,
            }),
        }
    }

    fn lock(&self) -> MutexGuard<'_, State<N>> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Adds a notification; never waits.
    pub(crate) fn push(&self, notification: N) -> Pushed {
        let (pushed, waker) = {
            let mut s = self.lock();
            let pushed = if s.items < s.capacity {
                s.slots.push_back(Slot::Item(notification));
                s.items += 1;
                s.losing = false;
                Pushed::Queued
            } else {
                match s.policy {
                    OverflowPolicy::DropNewest => {
                        drop(notification);
                        match s.slots.back_mut() {
                            Some(Slot::Lagged(n)) => *n += 1,
                            _ => s.slots.push_back(Slot::Lagged(1)),
                        }
                    }
                    OverflowPolicy::DropOldest => {
                        // The gap is at the front: drop the oldest item (after any marker) and
                        // count it in the front marker.
                        let mut missed = 1u64;
                        while let Some(front) = s.slots.pop_front() {
                            match front {
                                Slot::Lagged(n) => missed += n,
                                Slot::Item(_) => {
                                    s.items -= 1;
                                    break;
                                }
                            }
                        }
                        s.slots.push_front(Slot::Lagged(missed));
                        s.slots.push_back(Slot::Item(notification));
                        s.items += 1;
                    }
                }
                s.lost_total += 1;
                let first_of_streak = !s.losing;
                s.losing = true;
                Pushed::Lost {
                    first_of_streak,
                    total: s.lost_total,
                }
            };
            (pushed, s.waker.take())
        };
        if let Some(waker) = waker {
            waker.wake();
        }
        pushed
    }

    /// Ends the stream once the buffered items are taken.
    pub(crate) fn close(&self) {
        let waker = {
            let mut s = self.lock();
            s.closed = true;
            s.waker.take()
        };
        if let Some(waker) = waker {
            waker.wake();
        }
    }

    /// Notifications lost so far.
    pub(crate) fn lost_total(&self) -> u64 {
        self.lock().lost_total
    }

    fn poll_next(&self, cx: &mut Context<'_>) -> Poll<Option<NotificationItem<N>>> {
        let mut s = self.lock();
        match s.slots.pop_front() {
            Some(Slot::Item(n)) => {
                s.items -= 1;
                Poll::Ready(Some(NotificationItem::Notification(n)))
            }
            Some(Slot::Lagged(missed)) => Poll::Ready(Some(NotificationItem::Lagged { missed })),
            None if s.closed => Poll::Ready(None),
            None => {
                match &mut s.waker {
                    Some(w) if w.will_wake(cx.waker()) => {}
                    slot => *slot = Some(cx.waker().clone()),
                }
                Poll::Pending
            }
        }
    }
}

/// The stream of notifications of a [`WsClient`](crate::ws::WsClient), taken once with
/// [`WsClient::notifications`](crate::ws::WsClient::notifications).
///
/// Buffered up to [`WsConfig::notification_buffer`](crate::ws::WsConfig::notification_buffer)
/// items; when the application falls behind, the [`OverflowPolicy`] drops notifications and
/// the stream says so with [`NotificationItem::Lagged`] where the gap is. The reader task never
/// waits for this stream, so a slow or blocked consumer cannot delay pongs, acks or responses.
/// The stream ends after the client closed for good.
pub struct Notifications<N> {
    inbox: Arc<Inbox<N>>,
}

impl<N> fmt::Debug for Notifications<N> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Notifications").finish_non_exhaustive()
    }
}

impl<N> Notifications<N> {
    pub(crate) fn new(inbox: Arc<Inbox<N>>) -> Self {
        Self { inbox }
    }

    /// The next item, or `None` once the client is closed and the buffer is empty.
    pub async fn recv(&mut self) -> Option<NotificationItem<N>> {
        std::future::poll_fn(|cx| self.inbox.poll_next(cx)).await
    }
}

impl<N> Stream for Notifications<N> {
    type Item = NotificationItem<N>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        self.inbox.poll_next(cx)
    }
}

/// A bounded, never-waiting channel with an explicit overflow policy: the sending side of
/// [`notification_channel`]. For protocols that run their own session loop over the raw
/// connection layer and need the same visible-loss buffer as [`WsClient`](crate::ws::WsClient).
pub struct NotificationSender<N> {
    inbox: Arc<Inbox<N>>,
}

impl<N> fmt::Debug for NotificationSender<N> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("NotificationSender")
            .field("lost_total", &self.inbox.lost_total())
            .finish_non_exhaustive()
    }
}

impl<N> NotificationSender<N> {
    /// Adds an item; never waits. Returns false if an item was lost to make room (the stream
    /// reports the gap as [`NotificationItem::Lagged`]).
    pub fn push(&self, item: N) -> bool {
        self.inbox.push(item) == Pushed::Queued
    }

    /// Ends the stream once the buffered items are taken.
    pub fn close(&self) {
        self.inbox.close();
    }

    /// Items lost so far.
    pub fn lost_total(&self) -> u64 {
        self.inbox.lost_total()
    }
}

impl<N> Drop for NotificationSender<N> {
    fn drop(&mut self) {
        self.inbox.close();
    }
}

/// A channel of at most `capacity` buffered items whose sender never waits: when the receiver
/// falls behind, `policy` drops items and the [`Notifications`] stream yields
/// [`NotificationItem::Lagged`] where the gap is. The stream ends when the sender is dropped or
/// closed (after the buffered items).
///
/// ```
/// use transport_core::ws::{NotificationItem, OverflowPolicy, notification_channel};
///
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() {
/// let (tx, mut rx) = notification_channel(2, OverflowPolicy::DropOldest);
/// assert!(tx.push(1));
/// assert!(tx.push(2));
/// assert!(!tx.push(3)); // 1 is dropped
/// drop(tx);
/// assert_eq!(rx.recv().await, Some(NotificationItem::Lagged { missed: 1 }));
/// assert_eq!(rx.recv().await, Some(NotificationItem::Notification(2)));
/// assert_eq!(rx.recv().await, Some(NotificationItem::Notification(3)));
/// assert_eq!(rx.recv().await, None);
/// # }
/// ```
pub fn notification_channel<N>(
    capacity: usize,
    policy: OverflowPolicy,
) -> (NotificationSender<N>, Notifications<N>) {
    let inbox = Arc::new(Inbox::new(capacity, policy));
    (
        NotificationSender {
            inbox: Arc::clone(&inbox),
        },
        Notifications::new(inbox),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use futures_util::StreamExt;

    /// Closes the inbox and collects everything it still holds (no runtime needed).
    fn drain(inbox: &Arc<Inbox<u32>>) -> Vec<NotificationItem<u32>> {
        inbox.close();
        let mut stream = Notifications::new(Arc::clone(inbox));
        let mut cx = Context::from_waker(Waker::noop());
        let mut out = Vec::new();
        while let Poll::Ready(Some(item)) = stream.poll_next_unpin(&mut cx) {
            out.push(item);
        }
        out
    }

    use NotificationItem::{Lagged, Notification as N};

    #[test]
    fn below_capacity_nothing_is_lost() {
        let inbox = Arc::new(Inbox::new(3, OverflowPolicy::DropOldest));
        assert_eq!(inbox.push(1), Pushed::Queued);
        assert_eq!(inbox.push(2), Pushed::Queued);
        assert_eq!(drain(&inbox), [N(1), N(2)]);
        assert_eq!(inbox.lost_total(), 0);
    }

    #[test]
    fn drop_oldest_reports_the_gap_first() {
        let inbox = Arc::new(Inbox::new(2, OverflowPolicy::DropOldest));
        inbox.push(1);
        inbox.push(2);
        assert_eq!(
            inbox.push(3),
            Pushed::Lost {
                first_of_streak: true,
                total: 1
            }
        );
        assert_eq!(
            inbox.push(4),
            Pushed::Lost {
                first_of_streak: false,
                total: 2
            }
        );
        assert_eq!(drain(&inbox), [Lagged { missed: 2 }, N(3), N(4)]);
        assert_eq!(inbox.lost_total(), 2);
    }

    #[test]
    fn drop_newest_reports_the_gap_where_it_is() {
        let inbox = Arc::new(Inbox::new(2, OverflowPolicy::DropNewest));
        inbox.push(1);
        inbox.push(2);
        inbox.push(3);
        inbox.push(4);
        assert_eq!(drain(&inbox), [N(1), N(2), Lagged { missed: 2 }]);
    }

    #[test]
    fn drop_newest_gap_sits_between_the_kept_items() {
        let inbox = Arc::new(Inbox::new(2, OverflowPolicy::DropNewest));
        inbox.push(1);
        inbox.push(2);
        inbox.push(3); // lost
        let mut stream = Notifications::new(Arc::clone(&inbox));
        let mut cx = Context::from_waker(Waker::noop());
        assert_eq!(stream.poll_next_unpin(&mut cx), Poll::Ready(Some(N(1))));
        assert_eq!(inbox.push(4), Pushed::Queued);
        assert_eq!(drain(&inbox), [N(2), Lagged { missed: 1 }, N(4)]);
    }

    #[test]
    fn a_delivery_ends_the_loss_streak() {
        let inbox = Arc::new(Inbox::new(1, OverflowPolicy::DropOldest));
        inbox.push(1);
        assert!(matches!(
            inbox.push(2),
            Pushed::Lost {
                first_of_streak: true,
                ..
            }
        ));
        let mut stream = Notifications::new(Arc::clone(&inbox));
        let mut cx = Context::from_waker(Waker::noop());
        assert_eq!(
            stream.poll_next_unpin(&mut cx),
            Poll::Ready(Some(Lagged { missed: 1 }))
        );
        assert_eq!(stream.poll_next_unpin(&mut cx), Poll::Ready(Some(N(2))));
        assert_eq!(stream.poll_next_unpin(&mut cx), Poll::Pending);
        assert_eq!(inbox.push(3), Pushed::Queued);
        assert_eq!(
            inbox.push(4),
            Pushed::Lost {
                first_of_streak: true,
                total: 2
            }
        );
    }

    #[tokio::test]
    async fn recv_wakes_on_push_and_ends_on_close() {
        let inbox = Arc::new(Inbox::new(4, OverflowPolicy::DropOldest));
        let mut stream = Notifications::new(Arc::clone(&inbox));
        let pusher = Arc::clone(&inbox);
        let task = tokio::spawn(async move {
            tokio::task::yield_now().await;
            pusher.push(7);
            pusher.close();
        });
        assert_eq!(stream.recv().await, Some(N(7)));
        assert_eq!(stream.next().await, None);
        task.await.unwrap();
    }
}

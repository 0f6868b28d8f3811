//! [`Progress`] of a large transfer and the [`Transfer`] handle that reports it.

use std::collections::BTreeSet;
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::{Mutex, PoisonError};
use std::task::{Context, Poll};
use tokio::sync::watch;

/// How far a transfer is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct Progress {
    /// Bytes of the message moved so far (payload bytes of its chunks written to or read
    /// from the connection; chunks sent again after a resumption count once). The message is
    /// a little larger than the file it carries (msgpack envelope and metadata).
    pub transferred: u64,
    /// The size of the message, when known (an upload knows it; a download learns it at the
    /// end).
    pub total: Option<u64>,
}

impl Progress {
    /// The fraction done, when the total is known.
    pub fn fraction(&self) -> Option<f64> {
        self.total
            .filter(|&total| total > 0)
            .map(|total| self.transferred as f64 / total as f64)
    }
}

/// Shared between the session driver (which counts) and a [`Transfer`] (which reports).
pub(crate) struct ProgressState {
    tx: watch::Sender<Progress>,
    seen: Mutex<BTreeSet<u32>>,
}

impl fmt::Debug for ProgressState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ProgressState")
            .field("progress", &*self.tx.borrow())
            .finish()
    }
}

impl ProgressState {
    pub(crate) fn new(total: Option<u64>) -> (Self, watch::Receiver<Progress>) {
        let (tx, rx) = watch::channel(Progress {
            transferred: 0,
            total,
        });
        (
            Self {
                tx,
                seen: Mutex::new(BTreeSet::new()),
            },
            rx,
        )
    }

    /// The message's size became known.
    pub(crate) fn set_total(&self, total: u64) {
        self.tx.send_modify(|p| p.total = Some(total));
    }

    /// Counts chunk `serial` with `bytes` payload bytes (once).
    pub(crate) fn add(&self, serial: u32, bytes: u64) {
        let new = self
            .seen
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(serial);
        if new {
            self.tx.send_modify(|p| p.transferred += bytes);
        }
    }

    /// The transfer finished: everything counted, the total is what was moved (at least
    /// `size`, the size known at the end).
    pub(crate) fn finish(&self, size: u64) {
        self.tx.send_modify(|p| {
            let total = p.total.unwrap_or(0).max(p.transferred).max(size);
            p.transferred = total;
            p.total = Some(total);
        });
    }
}

type BoxFuture<T> = Pin<Box<dyn Future<Output = T> + Send>>;

/// A large transfer in flight (a file upload, a blob download): a future of its result that
/// also reports [`Progress`].
///
/// ```no_run
/// # async fn run(client: threema_arp::ArpClient) -> threema_arp::Result<()> {
/// use threema_arp::model::ReceiverRef;
///
/// let transfer = client.send_file(ReceiverRef::contact("ECHOECHO"), "a.bin", "application/octet-stream", vec![0u8; 1 << 20])?;
/// let mut progress = transfer.progress();
/// tokio::spawn(async move {
///     while progress.changed().await.is_ok() {
///         println!("{:?}", progress.borrow().fraction());
///     }
/// });
/// let message_id = transfer.await?;
/// # Ok(())
/// # }
/// ```
pub struct Transfer<T> {
    progress: watch::Receiver<Progress>,
    result: BoxFuture<crate::Result<T>>,
}

impl<T> fmt::Debug for Transfer<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Transfer")
            .field("progress", &*self.progress.borrow())
            .finish_non_exhaustive()
    }
}

impl<T> Transfer<T> {
    pub(crate) fn new(
        progress: watch::Receiver<Progress>,
        result: impl Future<Output = crate::Result<T>> + Send + 'static,
    ) -> Self {
        Self {
            progress,
            result: Box::pin(result),
        }
    }

    /// A receiver of the progress (call `changed().await`, then `borrow()`).
    pub fn progress(&self) -> watch::Receiver<Progress> {
        self.progress.clone()
    }
}

impl<T> Future for Transfer<T> {
    type Output = crate::Result<T>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        self.result.as_mut().poll(cx)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn chunks_count_once_and_finish_sets_the_total() {
        let (state, rx) = ProgressState::new(Some(10));
        state.add(0, 4);
        state.add(1, 4);
        state.add(1, 4); // resent after a resumption
        assert_eq!(rx.borrow().transferred, 8);
        assert_eq!(rx.borrow().fraction(), Some(0.8));
        state.finish(10);
        assert_eq!(
            *rx.borrow(),
            Progress {
                transferred: 10,
                total: Some(10)
            }
        );
        let transfer = Transfer::new(rx, async { Ok(5u8) });
        assert_eq!(transfer.progress().borrow().transferred, 10);
        assert_eq!(transfer.await.unwrap(), 5);
        assert_eq!(Progress::default().fraction(), None);
    }
}

//! [`AckTracker`]: `id` → acknowledgement futures (spec concept `ack`).

use crate::api::Frame;
use crate::codec::Ack;
use rand::Rng;
use rand::distributions::Alphanumeric;
use std::collections::BTreeMap;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
use tokio::sync::oneshot;

/// Why an acknowledgement request did not succeed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum AckError {
    /// The peer processed the message and reported an error code (`ack.success == false`).
    #[error("{message} failed: {}", code.as_deref().unwrap_or("no error code"))]
    Rejected {
        /// The message that was acknowledged (`"create/contact"`).
        message: String,
        /// The error code (`"invalidIdentity"`, `"internalError"`, …).
        code: Option<String>,
    },
    /// The acknowledging message could not be decoded.
    #[error("the reply to {message} could not be decoded: {reason}")]
    InvalidReply {
        /// The message that was acknowledged.
        message: String,
        /// The decode error.
        reason: String,
    },
    /// The session was reset (full reconnect): the message was discarded with the chunk
    /// cache and will never be acknowledged. It may or may not have been processed.
    #[error("{message} was lost: the session was reset before it was acknowledged")]
    SessionReset {
        /// The message.
        message: String,
    },
    /// The session was closed.
    #[error("the session was closed before {message} was acknowledged")]
    Closed {
        /// The message.
        message: String,
    },
}

/// What an acknowledgement future resolves to: the confirming frame (a typed reply such as
/// `create/contact`, or `update/confirm`), or why there is none.
pub type AckResult = Result<Frame, AckError>;

/// A future that resolves when the peer acknowledges a message.
#[derive(Debug)]
pub struct AckFuture {
    id: String,
    message: String,
    receiver: oneshot::Receiver<AckResult>,
}

impl AckFuture {
    /// The `id` the message was sent with.
    pub fn id(&self) -> &str {
        &self.id
    }
}

impl Future for AckFuture {
    type Output = AckResult;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<AckResult> {
        let this = &mut *self;
        Pin::new(&mut this.receiver).poll(cx).map(|result| {
            result.unwrap_or_else(|_| {
                Err(AckError::Closed {
                    message: this.message.clone(),
                })
            })
        })
    }
}

#[derive(Debug)]
struct Pending {
    message: String,
    sender: oneshot::Sender<AckResult>,
    /// False while the message waits for the handshake of a new connection.
    sent: bool,
}

/// The pending acknowledgement requests of a session.
#[derive(Debug, Default)]
pub struct AckTracker {
    pending: BTreeMap<String, Pending>,
}

impl AckTracker {
    /// No pending requests.
    pub fn new() -> Self {
        Self::default()
    }

    /// Registers an acknowledgement request for message `name` under a fresh random id of
    /// 6 alphanumeric characters (as Threema Web does), unique among pending requests.
    pub fn register(&mut self, name: &str, sent: bool) -> AckFuture {
        let mut rng = rand::thread_rng();
        let id = loop {
            let id: String = (0..6)
                .map(|_| char::from(rng.sample(Alphanumeric)))
                .collect();
            if !self.pending.contains_key(&id) {
                break id;
            }
        };
        self.insert(id, name, sent)
    }

    /// Registers an acknowledgement request under a chosen id; `None` if that id is pending.
    pub fn register_with_id(&mut self, id: &str, name: &str, sent: bool) -> Option<AckFuture> {
        if id.is_empty() || self.pending.contains_key(id) {
            return None;
        }
        Some(self.insert(id.to_owned(), name, sent))
    }

    fn insert(&mut self, id: String, name: &str, sent: bool) -> AckFuture {
        let (sender, receiver) = oneshot::channel();
        self.pending.insert(
            id.clone(),
            Pending {
                message: name.to_owned(),
                sender,
                sent,
            },
        );
        AckFuture {
            id,
            message: name.to_owned(),
            receiver,
        }
    }

    /// Forgets a pending request without resolving it (its message was never sent).
    pub fn cancel(&mut self, id: &str) -> bool {
        self.pending.remove(id).is_some()
    }

    /// The number of pending requests.
    pub fn len(&self) -> usize {
        self.pending.len()
    }

    /// True if nothing is pending (the app need not be woken up for acknowledgements).
    pub fn is_empty(&self) -> bool {
        self.pending.is_empty()
    }

    /// True if `id` is pending.
    pub fn is_pending(&self, id: &str) -> bool {
        self.pending.contains_key(id)
    }

    /// Resolves the request `ack.id` with `reply` (the decoded confirming frame, or the
    /// decode error). Returns the frame back if nobody is waiting for it (no such pending
    /// id, or the future was dropped), so that the caller can deliver it elsewhere.
    pub fn resolve(&mut self, ack: &Ack, reply: Result<Frame, String>) -> Option<Frame> {
        let Some(pending) = self.pending.remove(&ack.id) else {
            return reply.ok();
        };
        let result = match reply {
            Err(reason) => Err(AckError::InvalidReply {
                message: pending.message,
                reason,
            }),
            Ok(_) if !ack.success => Err(AckError::Rejected {
                message: pending.message,
                code: ack.error.clone(),
            }),
            Ok(frame) => Ok(frame),
        };
        match pending.sender.send(result) {
            Ok(()) => None,
            Err(result) => result.ok(),
        }
    }

    /// Marks every pending request as sent (the held messages went out).
    pub fn mark_all_sent(&mut self) {
        for pending in self.pending.values_mut() {
            pending.sent = true;
        }
    }

    /// Fails the requests whose messages were sent on a connection whose cache was
    /// discarded; requests still held survive.
    pub fn fail_sent(&mut self) -> usize {
        let ids: Vec<String> = self
            .pending
            .iter()
            .filter(|(_, pending)| pending.sent)
            .map(|(id, _)| id.clone())
            .collect();
        for id in &ids {
            if let Some(pending) = self.pending.remove(id) {
                let message = pending.message;
                let _ = pending.sender.send(Err(AckError::SessionReset { message }));
            }
        }
        ids.len()
    }

    /// Fails every pending request: the session was closed.
    pub fn close(&mut self) {
        for (_, pending) in std::mem::take(&mut self.pending) {
            let message = pending.message;
            let _ = pending.sender.send(Err(AckError::Closed { message }));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::{ArpMessage, UpdateConfirm};

    fn confirm() -> Frame {
        Frame::new(UpdateConfirm::new())
    }

    #[tokio::test]
    async fn resolves_success_failure_and_invalid_replies() {
        let mut acks = AckTracker::new();
        let ok = acks.register("request/keyPersisted", true);
        let rejected = acks.register("delete/group", true);
        let invalid = acks.register("request/blob", true);
        assert_eq!(ok.id().len(), 6);
        assert_eq!(acks.len(), 3);
        let ok_id = ok.id().to_owned();
        assert_eq!(acks.resolve(&Ack::success(&ok_id), Ok(confirm())), None);
        assert_eq!(
            acks.resolve(&Ack::failure(rejected.id(), "notAllowed"), Ok(confirm())),
            None
        );
        assert_eq!(
            acks.resolve(&Ack::success(invalid.id()), Err("bad".into())),
            None
        );
        assert!(matches!(
            ok.await.unwrap().message,
            ArpMessage::UpdateConfirm(_)
        ));
        assert_eq!(
            rejected.await.unwrap_err(),
            AckError::Rejected {
                message: "delete/group".into(),
                code: Some("notAllowed".into())
            }
        );
        assert!(matches!(invalid.await, Err(AckError::InvalidReply { .. })));
        assert!(acks.is_empty());
    }

    #[tokio::test]
    async fn unknown_ids_and_dropped_futures_hand_the_frame_back() {
        let mut acks = AckTracker::new();
        assert_eq!(
            acks.resolve(&Ack::success("nope"), Ok(confirm())),
            Some(confirm())
        );
        let dropped = acks
            .register_with_id("abc", "request/profile", true)
            .unwrap();
        assert!(
            acks.register_with_id("abc", "request/profile", true)
                .is_none()
        );
        drop(dropped);
        assert_eq!(
            acks.resolve(&Ack::success("abc"), Ok(confirm())),
            Some(confirm())
        );
    }

    #[tokio::test]
    async fn a_reset_fails_sent_requests_and_keeps_held_ones() {
        let mut acks = AckTracker::new();
        let sent = acks.register("create/textMessage", true);
        let held = acks.register("create/textMessage", false);
        assert_eq!(acks.fail_sent(), 1);
        assert!(matches!(sent.await, Err(AckError::SessionReset { .. })));
        assert!(acks.is_pending(held.id()));
        acks.close();
        assert_eq!(
            held.await.unwrap_err().to_string(),
            "the session was closed before create/textMessage was acknowledged"
        );
    }
}

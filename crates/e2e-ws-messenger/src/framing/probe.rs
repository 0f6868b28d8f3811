//! [`FramingProbe`]: the sans-IO part of detecting the framing at connect.

use super::{Framing, WsFrame, builtin_candidates};
use crate::api::requests::{RequestPing, ResponsePong};
use crate::api::{Response, WireMessage};
use std::fmt;

/// One probe attempt: `RequestPing` packed in candidate `index`.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct ProbeAttempt {
    /// The candidate's position.
    pub index: usize,
    /// Its description.
    pub framing: String,
    /// The frame to send.
    pub frame: WsFrame,
}

/// Opt-in framing detection, without I/O: for each candidate in turn, the connection sends
/// [`next_attempt`](Self::next_attempt)'s frame and feeds what comes back to
/// [`is_pong`](Self::is_pong); the first candidate answered with a `ResponsePong` is the
/// framing. The caller reconnects between attempts if the server closes the socket.
///
/// Off by default: it sends frames in wrong framings to a production server.
pub struct FramingProbe {
    candidates: Vec<Box<dyn Framing>>,
    next: usize,
}

impl FramingProbe {
    /// Probes the [`builtin_candidates`].
    pub fn new() -> Self {
        Self::with_candidates(builtin_candidates())
    }

    /// Probes these candidates, in this order.
    pub fn with_candidates(candidates: Vec<Box<dyn Framing>>) -> Self {
        Self {
            candidates,
            next: 0,
        }
    }

    /// The next attempt, or `None` when every candidate was tried. Candidates that cannot
    /// encode the ping are skipped.
    pub fn next_attempt(&mut self, ping: &RequestPing) -> Option<ProbeAttempt> {
        let body = serde_json::to_value(ping).ok()?;
        while self.next < self.candidates.len() {
            let index = self.next;
            self.next += 1;
            let candidate = &self.candidates[index];
            if let Ok(frame) = candidate.encode(RequestPing::WIRE_NAME, &body) {
                return Some(ProbeAttempt {
                    index,
                    framing: candidate.describe(),
                    frame,
                });
            }
        }
        None
    }

    /// True if `reply` is a `ResponsePong` in the framing of `attempt`.
    pub fn is_pong(&self, attempt: &ProbeAttempt, reply: &WsFrame) -> bool {
        let Some(candidate) = self.candidates.get(attempt.index) else {
            return false;
        };
        candidate.decode(reply).is_ok_and(|decoded| {
            decoded.wire_name == ResponsePong::WIRE_NAME
                && matches!(
                    Response::from_wire(&decoded.wire_name, decoded.body),
                    Ok(Response::Pong(_))
                )
        })
    }

    /// The candidate an attempt used, to configure it.
    pub fn into_framing(mut self, attempt: &ProbeAttempt) -> Option<Box<dyn Framing>> {
        (attempt.index < self.candidates.len()).then(|| self.candidates.swap_remove(attempt.index))
    }
}

impl Default for FramingProbe {
    fn default() -> Self {
        Self::new()
    }
}

impl fmt::Debug for FramingProbe {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "FramingProbe({} of {} candidates tried)",
            self.next,
            self.candidates.len()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::framing::{Framing, NamePrefix, WrapperArray};
    use crate::model::Timestamp;
    use serde_json::json;

    /// A fake server that only understands `framing`: it answers a ping in that framing and
    /// ignores anything else.
    fn server_reply(framing: &dyn Framing, frame: &WsFrame) -> Option<WsFrame> {
        let decoded = framing.decode(frame).ok()?;
        (decoded.wire_name == "RequestPing").then(|| {
            framing
                .encode("ResponsePong", &json!({"serverVersion": "7.14"}))
                .expect("encodes")
        })
    }

    #[test]
    fn finds_the_servers_framing() {
        let server = NamePrefix::new("\n");
        let ping = RequestPing::new("7.14", Timestamp::from_millis(1_732_795_223_926));
        let mut probe = FramingProbe::new();
        let mut tried = 0;
        let found = loop {
            let attempt = probe.next_attempt(&ping).expect("a candidate fits");
            tried += 1;
            if server_reply(&server, &attempt.frame)
                .is_some_and(|reply| probe.is_pong(&attempt, &reply))
            {
                break attempt;
            }
        };
        assert_eq!(found.framing, server.describe());
        assert_eq!(tried, 28);
        let framing = probe.into_framing(&found).unwrap();
        assert_eq!(framing.describe(), server.describe());
    }

    #[test]
    fn a_reply_in_another_framing_or_of_another_type_is_not_a_pong() {
        let ping = RequestPing::new("7.14", Timestamp::from_millis(1));
        let mut probe = FramingProbe::with_candidates(vec![Box::new(WrapperArray)]);
        let attempt = probe.next_attempt(&ping).unwrap();
        let typing = WrapperArray
            .encode("NotificationTyping", &json!({}))
            .unwrap();
        assert!(!probe.is_pong(&attempt, &typing));
        let bad_pong = WrapperArray
            .encode("ResponsePong", &json!({"serverVersion": 7}))
            .unwrap();
        assert!(!probe.is_pong(&attempt, &bad_pong));
        let other = NamePrefix::new(" ")
            .encode("ResponsePong", &json!({"serverVersion": "7"}))
            .unwrap();
        assert!(!probe.is_pong(&attempt, &other));
        assert!(probe.next_attempt(&ping).is_none());
    }
}

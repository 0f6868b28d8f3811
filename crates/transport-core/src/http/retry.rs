//! [`RetryPolicy`]: when and how long to wait before trying a request again.

use super::RawResponse;
use crate::backoff::Backoff;
use crate::error::Error;
use std::fmt;
use std::sync::Arc;
use std::time::Duration;

/// The outcome of one attempt, as the retry classifier sees it.
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub enum Attempt<'a> {
    /// The server answered (any status).
    Response(&'a RawResponse),
    /// No usable answer: connection error, timeout, broken body.
    Error(&'a Error),
}

/// What the classifier says about an attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum RetryDecision {
    /// Try again after the backoff delay (or the response's `Retry-After`, which wins).
    Retry,
    /// Try again after exactly this delay (still subject to the policy's limits).
    RetryAfter(Duration),
    /// Do not try again; the attempt's outcome is final.
    Stop,
}

/// Decides whether an attempt is worth repeating. Crates override it for protocol-specific
/// cases (e.g. a 429 that means "daily quota used up" is not retried).
pub type Classifier = Arc<dyn Fn(&Attempt<'_>) -> RetryDecision + Send + Sync>;

/// Observes every retry: (attempt number that failed, delay before the next one, reason).
pub type RetryObserver = Arc<dyn Fn(u32, Duration, &str) + Send + Sync>;

/// The default classification: connection errors, timeouts and broken bodies, and the statuses
/// 429, 502, 503 and 504 are retried; everything else is final.
pub fn default_classifier(attempt: &Attempt<'_>) -> RetryDecision {
    match attempt {
        Attempt::Response(r) => match r.status.as_u16() {
            429 | 502 | 503 | 504 => RetryDecision::Retry,
            _ => RetryDecision::Stop,
        },
        Attempt::Error(Error::Connect { .. } | Error::Timeout { .. } | Error::Request { .. }) => {
            RetryDecision::Retry
        }
        Attempt::Error(_) => RetryDecision::Stop,
    }
}

/// How a client retries.
///
/// - At most `max_attempts` attempts in total (the first one included).
/// - Delays grow exponentially with full jitter ([`Backoff`]) up to the backoff's cap.
/// - A `Retry-After` from the server (delta-seconds or HTTP-date) replaces the computed delay.
///   If it asks for longer than [`max_retry_after`](Self::with_max_retry_after), the client
///   does not wait: it returns the error, which carries the server's delay.
/// - No retry starts once `max_elapsed` would be exceeded.
/// - Only idempotent requests are retried after the server answered or the request timed out
///   ([`Endpoint::idempotent`](super::Endpoint::idempotent)); a connection that could not be
///   established is retried for every method, since nothing was sent.
///
/// ```
/// use std::time::Duration;
/// use transport_core::Backoff;
/// use transport_core::http::RetryPolicy;
///
/// let policy = RetryPolicy::new(4, Backoff::new(Duration::from_millis(200), Duration::from_secs(5)))
///     .with_max_elapsed(Some(Duration::from_secs(30)));
/// assert_eq!(policy.max_attempts(), 4);
/// assert_eq!(RetryPolicy::none().max_attempts(), 1);
/// ```
#[derive(Clone)]
pub struct RetryPolicy {
    max_attempts: u32,
    backoff: Backoff,
    max_elapsed: Option<Duration>,
    max_retry_after: Duration,
    classifier: Classifier,
    observer: Option<RetryObserver>,
}

impl RetryPolicy {
    /// At most `max_attempts` attempts (at least one) with delays from `backoff`.
    pub fn new(max_attempts: u32, backoff: Backoff) -> Self {
        Self {
            max_attempts: max_attempts.max(1),
            backoff,
            max_elapsed: None,
            max_retry_after: Duration::from_secs(60),
            classifier: Arc::new(default_classifier),
            observer: None,
        }
    }

    /// Never retry.
    pub fn none() -> Self {
        Self::new(1, Backoff::default())
    }

    /// Stops retrying once this much time has passed since the first attempt.
    #[must_use]
    pub fn with_max_elapsed(mut self, max_elapsed: Option<Duration>) -> Self {
        self.max_elapsed = max_elapsed;
        self
    }

    /// The longest `Retry-After` the client waits for by itself (default 60 s).
    #[must_use]
    pub fn with_max_retry_after(mut self, max_retry_after: Duration) -> Self {
        self.max_retry_after = max_retry_after;
        self
    }

    /// Replaces the classifier (see [`default_classifier`]).
    #[must_use]
    pub fn with_classifier(
        mut self,
        classifier: impl Fn(&Attempt<'_>) -> RetryDecision + Send + Sync + 'static,
    ) -> Self {
        self.classifier = Arc::new(classifier);
        self
    }

    /// Calls `observer` before every retry with the failed attempt's number, the delay and the
    /// reason (for metrics; retries are also logged as `tracing` events).
    #[must_use]
    pub fn with_observer(
        mut self,
        observer: impl Fn(u32, Duration, &str) + Send + Sync + 'static,
    ) -> Self {
        self.observer = Some(Arc::new(observer));
        self
    }

    /// The most attempts, the first included.
    pub fn max_attempts(&self) -> u32 {
        self.max_attempts
    }

    /// The backoff.
    pub fn backoff(&self) -> Backoff {
        self.backoff
    }

    /// The limit on total time, if any.
    pub fn max_elapsed(&self) -> Option<Duration> {
        self.max_elapsed
    }

    /// The longest `Retry-After` waited for.
    pub fn max_retry_after(&self) -> Duration {
        self.max_retry_after
    }

    /// What this policy's classifier says about an attempt (lets crates unit-test their
    /// classifier without a server).
    pub fn classify(&self, attempt: &Attempt<'_>) -> RetryDecision {
        (self.classifier)(attempt)
    }

    pub(crate) fn observe(&self, attempt: u32, delay: Duration, reason: &str) {
        if let Some(observer) = &self.observer {
            observer(attempt, delay, reason);
        }
    }

    /// The delay before attempt `next` (from 2), given the server's `Retry-After` and the
    /// classifier's decision; `None` means "do not retry".
    pub(crate) fn delay(
        &self,
        next: u32,
        decision: RetryDecision,
        retry_after: Option<Duration>,
    ) -> Option<Duration> {
        let delay = match (decision, retry_after) {
            (RetryDecision::Stop, _) => return None,
            (_, Some(server)) => server,
            (RetryDecision::RetryAfter(d), None) => d,
            (RetryDecision::Retry, None) => self.backoff.delay(next - 1),
        };
        (delay <= self.max_retry_after).then_some(delay)
    }
}

impl Default for RetryPolicy {
    /// Three attempts, 250 ms doubling up to 10 s with full jitter, at most 60 s in total.
    fn default() -> Self {
        Self::new(
            3,
            Backoff::new(Duration::from_millis(250), Duration::from_secs(10)),
        )
        .with_max_elapsed(Some(Duration::from_secs(60)))
    }
}

impl fmt::Debug for RetryPolicy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RetryPolicy")
            .field("max_attempts", &self.max_attempts)
            .field("backoff", &self.backoff)
            .field("max_elapsed", &self.max_elapsed)
            .field("max_retry_after", &self.max_retry_after)
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::backoff::Jitter;

    #[test]
    fn retry_after_wins_and_is_capped() {
        let p = RetryPolicy::new(
            5,
            Backoff::new(Duration::from_secs(1), Duration::from_secs(8)).with_jitter(Jitter::None),
        )
        .with_max_retry_after(Duration::from_secs(30));
        assert_eq!(
            p.delay(2, RetryDecision::Retry, None),
            Some(Duration::from_secs(1))
        );
        assert_eq!(
            p.delay(4, RetryDecision::Retry, None),
            Some(Duration::from_secs(4))
        );
        assert_eq!(
            p.delay(2, RetryDecision::Retry, Some(Duration::from_secs(7))),
            Some(Duration::from_secs(7))
        );
        assert_eq!(
            p.delay(2, RetryDecision::Retry, Some(Duration::from_secs(31))),
            None
        );
        assert_eq!(
            p.delay(2, RetryDecision::RetryAfter(Duration::from_secs(2)), None),
            Some(Duration::from_secs(2))
        );
        assert_eq!(
            p.delay(2, RetryDecision::Stop, Some(Duration::from_secs(1))),
            None
        );
    }

    #[test]
    fn default_classification() {
        let resp = |s: u16| {
            RawResponse::new(
                http::StatusCode::from_u16(s).unwrap(),
                http::HeaderMap::new(),
                bytes::Bytes::new(),
                "GET",
                "/",
            )
        };
        for s in [429, 502, 503, 504] {
            assert_eq!(
                default_classifier(&Attempt::Response(&resp(s))),
                RetryDecision::Retry,
                "{s}"
            );
        }
        for s in [200, 400, 401, 404, 500, 501] {
            assert_eq!(
                default_classifier(&Attempt::Response(&resp(s))),
                RetryDecision::Stop,
                "{s}"
            );
        }
        let timeout = Error::Timeout {
            what: "x".into(),
            after: Duration::from_secs(1),
        };
        assert_eq!(
            default_classifier(&Attempt::Error(&timeout)),
            RetryDecision::Retry
        );
        let invalid = Error::invalid_input("x", "y");
        assert_eq!(
            default_classifier(&Attempt::Error(&invalid)),
            RetryDecision::Stop
        );
        assert_eq!(RetryPolicy::new(0, Backoff::default()).max_attempts(), 1);
    }
}

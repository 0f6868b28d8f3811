//! [`RetryPolicy`]: when and how long to wait before trying a request again.

use super::RawResponse;
use crate::backoff::Backoff;
use crate::error::{Error, Result};
use crate::rate_limit::RateLimiter;
use std::fmt;
use std::future::Future;
use std::sync::Arc;
use std::time::Duration;
use tokio::time::Instant;

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

/// One call driven by [`RetryPolicy::run`]: what it is (for logs), whether it may be repeated
/// after the server saw it, and the rate limiting it is subject to.
///
/// The HTTP client builds one per request; a protocol crate that carries the same requests over
/// another transport (Signal's WebSocket) builds its own, so both transports retry alike.
#[derive(Clone, Copy)]
#[non_exhaustive]
pub struct RetryCall<'a> {
    /// The request, for logs (`GET /v1/keepalive`).
    pub what: &'a (dyn fmt::Display + Sync),
    /// Whether the request may be repeated after the server answered or it timed out.
    pub idempotent: bool,
    /// A shared rate limiter: acquired before every attempt, put into cooldown by a
    /// rate-limit status with `Retry-After`.
    pub limiter: Option<&'a RateLimiter>,
    /// The statuses that mean "rate limited" (default 429).
    pub rate_limit_statuses: &'a [u16],
}

impl<'a> RetryCall<'a> {
    /// A call without a limiter; 429 is its rate-limit status.
    pub fn new(what: &'a (dyn fmt::Display + Sync), idempotent: bool) -> Self {
        Self {
            what,
            idempotent,
            limiter: None,
            rate_limit_statuses: &[429],
        }
    }

    /// Sets the shared rate limiter.
    #[must_use]
    pub fn with_limiter(mut self, limiter: Option<&'a RateLimiter>) -> Self {
        self.limiter = limiter;
        self
    }

    /// Sets the rate-limit statuses.
    #[must_use]
    pub fn with_rate_limit_statuses(mut self, statuses: &'a [u16]) -> Self {
        self.rate_limit_statuses = statuses;
        self
    }
}

impl fmt::Debug for RetryCall<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RetryCall")
            .field("what", &format_args!("{}", self.what))
            .field("idempotent", &self.idempotent)
            .field("limiter", &self.limiter.is_some())
            .field("rate_limit_statuses", &self.rate_limit_statuses)
            .finish()
    }
}

impl RetryPolicy {
    /// Drives the retry loop of one call over any transport: `attempt` performs one attempt
    /// and returns the raw response (any status) or a transport error; this method acquires the
    /// limiter, classifies the outcome, honours `Retry-After`, and returns the last outcome once
    /// the policy stops.
    ///
    /// Rules (the same as [`HttpClient`](super::HttpClient)'s): only `idempotent` calls are
    /// repeated after the server answered or the attempt timed out; an error that proves nothing
    /// reached the server ([`Error::Connect`], [`Error::NotConnected`]) is retried for every
    /// call; a server `Retry-After` replaces the backoff delay and is waited for only up to
    /// [`max_retry_after`](Self::max_retry_after); no retry starts past
    /// [`max_elapsed`](Self::max_elapsed). A rate-limit status with `Retry-After` puts the
    /// limiter into cooldown for everyone sharing it.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> transport_core::Result<()> {
    /// use bytes::Bytes;
    /// use transport_core::http::{HeaderMap, RawResponse, RetryCall, RetryPolicy, StatusCode};
    ///
    /// let mut statuses = vec![200u16, 503].into_iter().rev();
    /// let response = RetryPolicy::default()
    ///     .run(RetryCall::new(&"GET /thing", true), || {
    ///         let status = statuses.next().unwrap_or(500);
    ///         async move {
    ///             let status = StatusCode::from_u16(status).expect("a status");
    ///             Ok(RawResponse::new(status, HeaderMap::new(), Bytes::new(), "GET", "/thing"))
    ///         }
    ///     })
    ///     .await?;
    /// assert_eq!(response.status.as_u16(), 200);
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    ///
    /// The error of the last attempt, or the limiter's error when it is configured to fail
    /// fast.
    pub async fn run<F, Fut>(&self, call: RetryCall<'_>, mut attempt: F) -> Result<RawResponse>
    where
        F: FnMut() -> Fut,
        Fut: Future<Output = Result<RawResponse>>,
    {
        let started = Instant::now();
        let mut number = 1u32;
        loop {
            if let Some(limiter) = call.limiter {
                limiter.acquire().await?;
            }
            let outcome = attempt().await;
            let (decision, retry_after, never_sent, reason) = match &outcome {
                Ok(response) => {
                    let retry_after = response.retry_after();
                    let limited = call.rate_limit_statuses.contains(&response.status.as_u16());
                    if let (true, Some(limiter), Some(after)) = (limited, call.limiter, retry_after)
                    {
                        // Everyone sharing the limiter waits, not just this caller.
                        limiter.cooldown(after);
                    }
                    let reason = format!("HTTP {}", response.status.as_u16());
                    (
                        self.classify(&Attempt::Response(response)),
                        retry_after,
                        false,
                        reason,
                    )
                }
                Err(error) => {
                    let never_sent =
                        matches!(error, Error::Connect { .. } | Error::NotConnected { .. });
                    (
                        self.classify(&Attempt::Error(error)),
                        None,
                        never_sent,
                        error.to_string(),
                    )
                }
            };
            let next = number + 1;
            let allowed = (call.idempotent || never_sent) && next <= self.max_attempts;
            let delay = if allowed {
                self.delay(next, decision, retry_after)
            } else {
                None
            };
            let delay = delay.filter(|d| {
                self.max_elapsed
                    .is_none_or(|max| started.elapsed() + *d <= max)
            });
            match delay {
                Some(delay) if decision != RetryDecision::Stop => {
                    tracing::warn!(request = %call.what, attempt = number, ?delay, %reason, "retrying request");
                    self.observe(number, delay, &reason);
                    tokio::time::sleep(delay).await;
                    number = next;
                }
                _ => return outcome,
            }
        }
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

    fn canned(status: u16, retry_after: Option<&str>) -> RawResponse {
        let mut headers = http::HeaderMap::new();
        if let Some(after) = retry_after {
            headers.insert("retry-after", after.parse().unwrap());
        }
        RawResponse::new(
            http::StatusCode::from_u16(status).unwrap(),
            headers,
            bytes::Bytes::new(),
            "GET",
            "/x",
        )
    }

    fn fixed(attempts: u32) -> RetryPolicy {
        RetryPolicy::new(
            attempts,
            Backoff::new(Duration::from_secs(1), Duration::from_secs(8)).with_jitter(Jitter::None),
        )
    }

    /// Runs `policy` over a scripted transport; returns the outcome and the attempts made.
    async fn script(
        policy: &RetryPolicy,
        call: RetryCall<'_>,
        outcomes: Vec<Result<RawResponse>>,
    ) -> (Result<RawResponse>, usize) {
        let mut outcomes = outcomes.into_iter();
        let mut made = 0usize;
        let result = policy
            .run(call, || {
                made += 1;
                let next = outcomes.next().unwrap_or_else(|| Ok(canned(599, None)));
                async move { next }
            })
            .await;
        (result, made)
    }

    #[tokio::test(start_paused = true)]
    async fn run_honours_retry_after_and_puts_the_limiter_in_cooldown() {
        let limiter = RateLimiter::builder()
            .rate(1000, Duration::from_secs(1))
            .burst(100)
            .build();
        let call = RetryCall::new(&"GET /x", true).with_limiter(Some(&limiter));
        let started = Instant::now();
        let (result, made) = script(
            &fixed(3),
            call,
            vec![Ok(canned(429, Some("5"))), Ok(canned(200, None))],
        )
        .await;
        assert_eq!(result.unwrap().status.as_u16(), 200);
        assert_eq!(made, 2);
        assert_eq!(started.elapsed(), Duration::from_secs(5));
        // The cooldown was set: at the moment of the 429, nobody could have gone for 5 s.
        let (result, _) = script(
            &fixed(1),
            RetryCall::new(&"GET /x", true).with_limiter(Some(&limiter)),
            vec![Ok(canned(429, Some("7")))],
        )
        .await;
        assert_eq!(result.unwrap().status.as_u16(), 429);
        assert!(limiter.try_acquire().is_err());
        // A 429 that is not a rate-limit status of the call leaves the limiter alone.
        let limiter = RateLimiter::builder()
            .rate(1000, Duration::from_secs(1))
            .burst(100)
            .build();
        let call = RetryCall::new(&"GET /x", true)
            .with_limiter(Some(&limiter))
            .with_rate_limit_statuses(&[413]);
        let (result, made) = script(&fixed(1), call, vec![Ok(canned(429, Some("30")))]).await;
        assert_eq!(result.unwrap().status.as_u16(), 429);
        assert_eq!(made, 1);
        assert!(limiter.try_acquire().is_ok());
    }

    #[tokio::test(start_paused = true)]
    async fn run_repeats_what_the_server_saw_only_when_idempotent() {
        let lost = || Error::ConnectionLost {
            reason: "dropped".into(),
        };
        // Not idempotent: a 503 or a lost connection is final (the server may have acted).
        let call = RetryCall::new(&"POST /x", false);
        let (result, made) = script(&fixed(3), call, vec![Ok(canned(503, None))]).await;
        assert_eq!(result.unwrap().status.as_u16(), 503);
        assert_eq!(made, 1);
        let retry_lost = fixed(3).with_classifier(|a| match a {
            Attempt::Error(Error::ConnectionLost { .. }) => RetryDecision::Retry,
            other => default_classifier(other),
        });
        let (result, made) = script(&retry_lost, call, vec![Err(lost())]).await;
        assert!(matches!(result, Err(Error::ConnectionLost { .. })));
        assert_eq!(made, 1);
        // Nothing reached the server: retried whatever the method.
        let not_connected = Error::NotConnected {
            state: "connecting".into(),
        };
        let refused = Error::Connect {
            target: "ws://127.0.0.1:1/".into(),
            message: "refused".into(),
            source: None,
        };
        let always = fixed(3).with_classifier(|_| RetryDecision::Retry);
        let (result, made) = script(
            &always,
            call,
            vec![Err(not_connected), Err(refused), Ok(canned(200, None))],
        )
        .await;
        assert_eq!(result.unwrap().status.as_u16(), 200);
        assert_eq!(made, 3);
        // Idempotent: the lost connection is retried when the classifier says so.
        let call = RetryCall::new(&"GET /x", true);
        let (result, made) =
            script(&retry_lost, call, vec![Err(lost()), Ok(canned(204, None))]).await;
        assert_eq!(result.unwrap().status.as_u16(), 204);
        assert_eq!(made, 2);
    }

    #[tokio::test(start_paused = true)]
    async fn run_stops_at_the_limits() {
        let call = RetryCall::new(&"GET /x", true);
        // The server asks for longer than the policy waits: returned at once.
        let started = Instant::now();
        let (result, made) = script(
            &fixed(3).with_max_retry_after(Duration::from_secs(10)),
            call,
            vec![Ok(canned(429, Some("11")))],
        )
        .await;
        assert_eq!(result.unwrap().retry_after(), Some(Duration::from_secs(11)));
        assert_eq!((made, started.elapsed()), (1, Duration::ZERO));
        // Attempts run out: 1 s, then 2 s of backoff, then the last outcome.
        let started = Instant::now();
        let (result, made) = script(
            &fixed(3),
            call,
            vec![
                Ok(canned(503, None)),
                Ok(canned(503, None)),
                Ok(canned(502, None)),
            ],
        )
        .await;
        assert_eq!(result.unwrap().status.as_u16(), 502);
        assert_eq!((made, started.elapsed()), (3, Duration::from_secs(3)));
        // The elapsed budget: no retry would start past 2 s.
        let (result, made) = script(
            &fixed(5).with_max_elapsed(Some(Duration::from_secs(2))),
            call,
            vec![
                Ok(canned(503, None)),
                Ok(canned(503, None)),
                Ok(canned(200, None)),
            ],
        )
        .await;
        assert_eq!(result.unwrap().status.as_u16(), 503);
        assert_eq!(made, 2);
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

//! [`RateLimiter`]: a client-side rate (GCRA with burst), a windowed quota, and server-driven
//! cooldowns, shared by cloning.

use crate::error::{Error, RateLimitScope, Result};
use std::fmt;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;
use tokio::time::Instant;

/// What a limiter does when a request may not go yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum WhenLimited {
    /// Wait until the request may go (the default).
    #[default]
    Wait,
    /// Fail at once with [`Error::RateLimited`], saying how long the wait would be.
    FailFast,
}

/// A client-side rate limiter.
///
/// Three limits, all optional and combined:
///
/// - a **rate** with a **burst** (GCRA, the "virtual scheduling" form of a token bucket):
///   `n` requests per period on average, up to `burst` at once;
/// - a **quota**: at most `limit` requests per fixed window (e.g. 10,000 per day), the window
///   starting with the first request;
/// - a **cooldown** set from outside, typically after the server answered 429 with
///   `Retry-After`: every caller sharing the limiter waits until it is over.
///
/// Waiting callers are served in arrival order (FIFO) and hold no capacity while they wait, so
/// dropping a waiting future never leaks or deadlocks anything. Clones share one state.
/// All waiting is done with `tokio::time`.
///
/// ```
/// # #[tokio::main(flavor = "current_thread", start_paused = true)]
/// # async fn main() -> transport_core::Result<()> {
/// use std::time::Duration;
/// use transport_core::RateLimiter;
///
/// let limiter = RateLimiter::builder()
///     .rate(10, Duration::from_secs(1))
///     .burst(2)
///     .quota(10_000, Duration::from_secs(24 * 3600))
///     .build();
/// limiter.acquire().await?;
/// assert_eq!(limiter.used_in_window(), 1);
/// # Ok(())
/// # }
/// ```
#[derive(Clone)]
pub struct RateLimiter {
    inner: Arc<Inner>,
}

struct Inner {
    rate: Option<Rate>,
    quota: Option<Quota>,
    when_limited: WhenLimited,
    // FIFO queue of callers: tokio's mutex is fair. The holder is the only one computing and
    // sleeping; everyone behind it waits in order.
    queue: tokio::sync::Mutex<()>,
    state: Mutex<State>,
}

#[derive(Debug, Clone, Copy)]
struct Rate {
    /// Time between two requests at the sustained rate.
    interval: Duration,
    /// How far ahead of schedule a request may go (burst − 1 intervals).
    tolerance: Duration,
}

#[derive(Debug, Clone, Copy)]
struct Quota {
    limit: u64,
    window: Duration,
}

#[derive(Debug, Default)]
struct State {
    /// GCRA theoretical arrival time of the next request.
    tat: Option<Instant>,
    window_start: Option<Instant>,
    window_used: u64,
    cooldown_until: Option<Instant>,
}

/// Builds a [`RateLimiter`].
#[derive(Debug, Clone, Default)]
#[must_use]
pub struct RateLimiterBuilder {
    rate: Option<(u32, Duration)>,
    burst: u32,
    quota: Option<Quota>,
    when_limited: WhenLimited,
}

impl RateLimiterBuilder {
    /// At most `requests` per `period` on average.
    pub fn rate(mut self, requests: u32, period: Duration) -> Self {
        self.rate = Some((requests.max(1), period));
        self
    }

    /// Up to `burst` requests may go at once (default 1: no burst).
    pub fn burst(mut self, burst: u32) -> Self {
        self.burst = burst;
        self
    }

    /// At most `limit` requests per `window`.
    pub fn quota(mut self, limit: u64, window: Duration) -> Self {
        self.quota = Some(Quota { limit, window });
        self
    }

    /// Wait (default) or fail fast when limited.
    pub fn when_limited(mut self, when_limited: WhenLimited) -> Self {
        self.when_limited = when_limited;
        self
    }

    /// The limiter.
    pub fn build(self) -> RateLimiter {
        let rate = self.rate.map(|(requests, period)| {
            let interval = period / requests;
            Rate {
                interval,
                tolerance: interval * self.burst.max(1).saturating_sub(1),
            }
        });
        RateLimiter {
            inner: Arc::new(Inner {
                rate,
                quota: self.quota,
                when_limited: self.when_limited,
                queue: tokio::sync::Mutex::new(()),
                state: Mutex::new(State::default()),
            }),
        }
    }
}

impl RateLimiter {
    /// A builder with no limits set.
    pub fn builder() -> RateLimiterBuilder {
        RateLimiterBuilder::default()
    }

    /// Waits until one request may go, and counts it.
    ///
    /// # Errors
    ///
    /// [`Error::RateLimited`] when the limiter is set to [`WhenLimited::FailFast`] and the
    /// request may not go now; `retry_after` says when it could.
    pub async fn acquire(&self) -> Result<()> {
        let _turn = self.inner.queue.lock().await;
        loop {
            let now = Instant::now();
            match self.try_take(now) {
                Ok(()) => return Ok(()),
                Err((scope, wait)) => {
                    if self.inner.when_limited == WhenLimited::FailFast {
                        return Err(Error::RateLimited {
                            scope,
                            retry_after: Some(wait),
                            message: None,
                        });
                    }
                    tracing::debug!(?scope, ?wait, "rate limiter: waiting");
                    tokio::time::sleep(wait).await;
                }
            }
        }
    }

    /// Takes one request's capacity if it is available now, without waiting or queueing.
    ///
    /// # Errors
    ///
    /// [`Error::RateLimited`] with the time until capacity is available.
    pub fn try_acquire(&self) -> Result<()> {
        self.try_take(Instant::now())
            .map_err(|(scope, wait)| Error::RateLimited {
                scope,
                retry_after: Some(wait),
                message: None,
            })
    }

    /// Makes every caller wait at least `duration` from now (e.g. after HTTP 429 with
    /// `Retry-After`). A shorter cooldown never shortens a longer one already set.
    pub fn cooldown(&self, duration: Duration) {
        let until = Instant::now() + duration;
        let mut state = self.state();
        state.cooldown_until = Some(state.cooldown_until.map_or(until, |u| u.max(until)));
    }

    /// Requests counted in the current quota window (0 without a quota).
    pub fn used_in_window(&self) -> u64 {
        let now = Instant::now();
        let state = self.state();
        match (self.inner.quota, state.window_start) {
            (Some(q), Some(start)) if now < start + q.window => state.window_used,
            _ => 0,
        }
    }

    fn state(&self) -> std::sync::MutexGuard<'_, State> {
        // The state is plain data updated atomically under the lock; a panic elsewhere cannot
        // leave it half-written, so a poisoned lock is still usable.
        self.inner
            .state
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    }

    /// Takes capacity at `now`, or says which limit applies and for how long.
    fn try_take(&self, now: Instant) -> std::result::Result<(), (RateLimitScope, Duration)> {
        let mut state = self.state();
        let mut wait = (RateLimitScope::Server, Duration::ZERO);
        let mut consider = |scope, until: Instant| {
            if until > now && until - now > wait.1 {
                wait = (scope, until - now);
            }
        };
        if let Some(until) = state.cooldown_until {
            consider(RateLimitScope::Server, until);
        }
        if let Some(rate) = self.inner.rate {
            let tat = state.tat.unwrap_or(now).max(now);
            if let Some(allowed_at) = tat.checked_sub(rate.tolerance) {
                consider(RateLimitScope::ClientRate, allowed_at);
            }
        }
        if let Some(quota) = self.inner.quota {
            if let Some(start) = state.window_start {
                let end = start + quota.window;
                if now < end && state.window_used >= quota.limit {
                    consider(RateLimitScope::ClientQuota, end);
                }
            } else if quota.limit == 0 {
                consider(RateLimitScope::ClientQuota, now + quota.window);
            }
        }
        if !wait.1.is_zero() {
            return Err(wait);
        }
        if let Some(rate) = self.inner.rate {
            let tat = state.tat.unwrap_or(now).max(now);
            state.tat = Some(tat + rate.interval);
        }
        if let Some(quota) = self.inner.quota {
            let fresh = state
                .window_start
                .is_none_or(|start| now >= start + quota.window);
            if fresh {
                state.window_start = Some(now);
                state.window_used = 0;
            }
            state.window_used += 1;
        }
        Ok(())
    }
}

impl fmt::Debug for RateLimiter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RateLimiter")
            .field("rate", &self.inner.rate)
            .field("quota", &self.inner.quota)
            .field("when_limited", &self.inner.when_limited)
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn secs(s: u64) -> Duration {
        Duration::from_secs(s)
    }

    #[tokio::test(start_paused = true)]
    async fn rate_with_burst() {
        let limiter = RateLimiter::builder().rate(2, secs(1)).burst(3).build();
        let start = Instant::now();
        for _ in 0..3 {
            limiter.acquire().await.unwrap();
        }
        assert_eq!(start.elapsed(), Duration::ZERO, "the burst goes at once");
        limiter.acquire().await.unwrap();
        assert_eq!(start.elapsed(), Duration::from_millis(500));
        limiter.acquire().await.unwrap();
        assert_eq!(start.elapsed(), Duration::from_millis(1000));
    }

    #[tokio::test(start_paused = true)]
    async fn quota_window_waits_for_the_next_window() {
        let limiter = RateLimiter::builder().quota(5, secs(60)).build();
        let start = Instant::now();
        for _ in 0..5 {
            limiter.acquire().await.unwrap();
        }
        assert_eq!(limiter.used_in_window(), 5);
        limiter.acquire().await.unwrap();
        assert_eq!(start.elapsed(), secs(60));
        assert_eq!(limiter.used_in_window(), 1);
    }

    #[tokio::test(start_paused = true)]
    async fn quota_fail_fast_says_how_long() {
        let limiter = RateLimiter::builder()
            .quota(5, secs(60))
            .when_limited(WhenLimited::FailFast)
            .build();
        for _ in 0..5 {
            limiter.acquire().await.unwrap();
        }
        tokio::time::advance(secs(20)).await;
        match limiter.acquire().await {
            Err(Error::RateLimited {
                scope, retry_after, ..
            }) => {
                assert_eq!(scope, RateLimitScope::ClientQuota);
                assert_eq!(retry_after, Some(secs(40)));
            }
            other => panic!("expected RateLimited, got {other:?}"),
        }
        assert!(limiter.try_acquire().is_err());
        tokio::time::advance(secs(40)).await;
        limiter.try_acquire().unwrap();
    }

    #[tokio::test(start_paused = true)]
    async fn cooldown_makes_everyone_wait_and_never_shrinks() {
        let limiter = RateLimiter::builder().build();
        limiter.cooldown(secs(10));
        limiter.cooldown(secs(3));
        let start = Instant::now();
        let a = tokio::spawn({
            let l = limiter.clone();
            async move { l.acquire().await.map(|()| Instant::now()) }
        });
        let b = tokio::spawn({
            let l = limiter.clone();
            async move { l.acquire().await.map(|()| Instant::now()) }
        });
        let (a, b) = (a.await.unwrap().unwrap(), b.await.unwrap().unwrap());
        assert_eq!(a - start, secs(10));
        assert_eq!(b - start, secs(10));
    }

    #[tokio::test(start_paused = true)]
    async fn waiters_are_served_in_arrival_order() {
        let limiter = RateLimiter::builder().rate(1, secs(1)).build();
        limiter.acquire().await.unwrap();
        let order = Arc::new(Mutex::new(Vec::new()));
        let mut tasks = Vec::new();
        for i in 0..5 {
            let (l, order) = (limiter.clone(), order.clone());
            tasks.push(tokio::spawn(async move {
                l.acquire().await.unwrap();
                order.lock().unwrap().push(i);
            }));
            tokio::task::yield_now().await; // let task i queue before task i+1 starts
        }
        for t in tasks {
            t.await.unwrap();
        }
        assert_eq!(*order.lock().unwrap(), vec![0, 1, 2, 3, 4]);
    }

    #[tokio::test(start_paused = true)]
    async fn dropping_a_waiter_frees_the_queue() {
        let limiter = RateLimiter::builder().rate(1, secs(10)).build();
        limiter.acquire().await.unwrap();
        // A waiter that gives up after 1 s…
        let gave_up = tokio::time::timeout(secs(1), limiter.acquire()).await;
        assert!(gave_up.is_err());
        // …took no capacity: the next caller goes exactly when the rate allows.
        let start = Instant::now();
        limiter.acquire().await.unwrap();
        assert_eq!(start.elapsed(), secs(9));
    }
}

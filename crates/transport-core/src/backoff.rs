//! [`Backoff`]: exponential delays with jitter, shared by HTTP retries and WebSocket reconnects.

use rand::Rng;
use std::time::Duration;

/// How random a delay is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Jitter {
    /// No randomness: exactly the exponential delay (useful in tests and benchmarks).
    None,
    /// "Full jitter": uniformly random between zero and the exponential delay. Spreads clients
    /// that failed together; the recommended default.
    Full,
    /// "Equal jitter": half the exponential delay plus a random share of the other half.
    Equal,
}

/// Exponential backoff: attempt `n` (counting from 1) waits up to `base · 2^(n-1)`, capped.
///
/// ```
/// use std::time::Duration;
/// use transport_core::{Backoff, Jitter};
///
/// let backoff = Backoff::new(Duration::from_millis(100), Duration::from_secs(1)).with_jitter(Jitter::None);
/// assert_eq!(backoff.delay(1), Duration::from_millis(100));
/// assert_eq!(backoff.delay(3), Duration::from_millis(400));
/// assert_eq!(backoff.delay(10), Duration::from_secs(1));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Backoff {
    base: Duration,
    cap: Duration,
    jitter: Jitter,
}

impl Backoff {
    /// Exponential backoff from `base`, never longer than `cap`, with full jitter.
    pub fn new(base: Duration, cap: Duration) -> Self {
        Self {
            base,
            cap: cap.max(base),
            jitter: Jitter::Full,
        }
    }

    /// Sets the jitter.
    #[must_use]
    pub fn with_jitter(mut self, jitter: Jitter) -> Self {
        self.jitter = jitter;
        self
    }

    /// The first delay before jitter.
    pub fn base(&self) -> Duration {
        self.base
    }

    /// The largest delay.
    pub fn cap(&self) -> Duration {
        self.cap
    }

    /// The jitter mode.
    pub fn jitter(&self) -> Jitter {
        self.jitter
    }

    /// The largest delay attempt `attempt` (from 1) can wait: `min(cap, base · 2^(attempt-1))`.
    pub fn ceiling(&self, attempt: u32) -> Duration {
        let exponent = attempt.saturating_sub(1).min(31);
        self.base
            .checked_mul(1u32 << exponent)
            .map_or(self.cap, |d| d.min(self.cap))
    }

    /// The delay before attempt `attempt` (from 1), with jitter applied.
    pub fn delay(&self, attempt: u32) -> Duration {
        let ceiling = self.ceiling(attempt);
        match self.jitter {
            Jitter::None => ceiling,
            Jitter::Full => random_up_to(ceiling),
            Jitter::Equal => {
                let half = ceiling / 2;
                half + random_up_to(ceiling - half)
            }
        }
    }
}

impl Default for Backoff {
    /// 500 ms doubling up to 30 s, full jitter.
    fn default() -> Self {
        Self::new(Duration::from_millis(500), Duration::from_secs(30))
    }
}

/// A random delay between zero and `max`, in whole milliseconds (the resolution of tokio's
/// timer, so the delay chosen is exactly the delay waited).
fn random_up_to(max: Duration) -> Duration {
    let millis = u64::try_from(max.as_millis()).unwrap_or(u64::MAX);
    if millis == 0 {
        return Duration::ZERO;
    }
    Duration::from_millis(rand::thread_rng().gen_range(0..=millis))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ceiling_doubles_and_caps() {
        let b = Backoff::new(Duration::from_millis(250), Duration::from_secs(2));
        let ceilings: Vec<_> = (1..=6).map(|n| b.ceiling(n).as_millis()).collect();
        assert_eq!(ceilings, [250, 500, 1000, 2000, 2000, 2000]);
        assert_eq!(b.ceiling(u32::MAX), Duration::from_secs(2));
    }

    #[test]
    fn full_jitter_stays_within_ceiling() {
        let b = Backoff::new(Duration::from_millis(100), Duration::from_secs(5));
        for attempt in 1..=8 {
            for _ in 0..200 {
                assert!(b.delay(attempt) <= b.ceiling(attempt));
            }
        }
    }

    #[test]
    fn equal_jitter_keeps_at_least_half() {
        let b = Backoff::new(Duration::from_millis(800), Duration::from_secs(5))
            .with_jitter(Jitter::Equal);
        for _ in 0..200 {
            let d = b.delay(2);
            assert!(
                d >= Duration::from_millis(800) && d <= Duration::from_millis(1600),
                "{d:?}"
            );
        }
    }

    #[test]
    fn cap_below_base_is_raised_to_base() {
        let b =
            Backoff::new(Duration::from_secs(2), Duration::from_secs(1)).with_jitter(Jitter::None);
        assert_eq!(b.delay(1), Duration::from_secs(2));
        assert_eq!(b.delay(5), Duration::from_secs(2));
    }
}

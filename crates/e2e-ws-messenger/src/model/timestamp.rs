//! [`Timestamp`]: integer milliseconds since the Unix epoch.

use serde::{Deserialize, Serialize};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// A point in time as the wire carries it (`when`, `created`, `lastLogin`, `avatarUpdated`, …):
/// integer milliseconds since the Unix epoch (about 1.7e12 in the seed, so `i64`).
///
/// ```
/// use e2e_ws_messenger::model::Timestamp;
/// use std::time::{Duration, UNIX_EPOCH};
///
/// let t = Timestamp::from_millis(1_732_795_223_926); // 2024-11-28T12:00:23.926Z
/// assert_eq!(t.to_system_time(), UNIX_EPOCH + Duration::from_millis(1_732_795_223_926));
/// assert_eq!(Timestamp::from_system_time(t.to_system_time()), t);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Timestamp(i64);

impl Timestamp {
    /// A timestamp from milliseconds since the Unix epoch.
    pub const fn from_millis(millis: i64) -> Self {
        Self(millis)
    }

    /// Milliseconds since the Unix epoch.
    pub const fn as_millis(self) -> i64 {
        self.0
    }

    /// The wall-clock time now (for `RequestPing.when`), from the system clock.
    pub fn now() -> Self {
        Self::from_system_time(SystemTime::now())
    }

    /// Converts a `SystemTime`, truncated to milliseconds and clamped to the `i64` range.
    pub fn from_system_time(time: SystemTime) -> Self {
        let millis = match time.duration_since(UNIX_EPOCH) {
            Ok(after) => i64::try_from(after.as_millis()).unwrap_or(i64::MAX),
            Err(before) => i64::try_from(before.duration().as_millis())
                .map(|m| -m)
                .unwrap_or(i64::MIN),
        };
        Self(millis)
    }

    /// The `SystemTime` this timestamp names.
    pub fn to_system_time(self) -> SystemTime {
        let magnitude = Duration::from_millis(self.0.unsigned_abs());
        if self.0 >= 0 {
            UNIX_EPOCH + magnitude
        } else {
            UNIX_EPOCH - magnitude
        }
    }
}

impl From<i64> for Timestamp {
    fn from(millis: i64) -> Self {
        Self(millis)
    }
}

impl From<Timestamp> for i64 {
    fn from(t: Timestamp) -> Self {
        t.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serializes_as_a_bare_integer() {
        let t: Timestamp = serde_json::from_str("1732795223926").unwrap();
        assert_eq!(t.as_millis(), 1_732_795_223_926);
        assert_eq!(serde_json::to_string(&t).unwrap(), "1732795223926");
    }

    #[test]
    fn converts_to_and_from_system_time_both_sides_of_the_epoch() {
        let t = Timestamp::from_millis(1_732_795_223_926);
        let st = t.to_system_time();
        assert_eq!(
            st.duration_since(UNIX_EPOCH).unwrap(),
            Duration::from_millis(1_732_795_223_926)
        );
        assert_eq!(Timestamp::from_system_time(st), t);
        let before = Timestamp::from_millis(-1500);
        assert_eq!(Timestamp::from_system_time(before.to_system_time()), before);
        // Sub-millisecond parts are truncated.
        let fine = UNIX_EPOCH + Duration::from_micros(2_500);
        assert_eq!(Timestamp::from_system_time(fine).as_millis(), 2);
    }

    #[test]
    fn now_is_after_the_seed_captures() {
        assert!(Timestamp::now() > Timestamp::from_millis(1_732_874_500_443));
    }
}

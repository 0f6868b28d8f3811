//! [`ServerTime`]: a point in time as the server serializes Java `Instant`s.

use serde::{Deserialize, Serialize};

/// A server timestamp. Jackson writes Java `Instant`s as epoch **seconds** (possibly with a
/// fraction, e.g. `1712230000.123`), while the spec declares some of them as date-time strings;
/// both forms decode, and the value is kept exactly as sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
#[non_exhaustive]
pub enum ServerTime {
    /// Epoch seconds, as sent (integer or decimal).
    Seconds(serde_json::Number),
    /// Any textual form (e.g. ISO-8601), as sent.
    Text(String),
}

impl ServerTime {
    /// Whole epoch seconds, when the value is numeric (a fraction is truncated; text that
    /// is a plain number is accepted too).
    pub fn as_unix_seconds(&self) -> Option<i64> {
        match self {
            Self::Seconds(n) => n.as_i64().or_else(|| {
                n.as_f64()
                    .filter(|f| f.is_finite())
                    .map(|f| f.trunc() as i64)
            }),
            Self::Text(t) => t.parse::<i64>().ok().or_else(|| {
                t.parse::<f64>()
                    .ok()
                    .filter(|f| f.is_finite())
                    .map(|f| f.trunc() as i64)
            }),
        }
    }

    /// A timestamp of `seconds` since the epoch.
    pub fn from_unix_seconds(seconds: i64) -> Self {
        Self::Seconds(seconds.into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_text() {
        let t: ServerTime = serde_json::from_str("1712230000.75").unwrap();
        assert_eq!(t.as_unix_seconds(), Some(1_712_230_000));
        assert_eq!(serde_json::to_string(&t).unwrap(), "1712230000.75");
        let t: ServerTime = serde_json::from_str("1712230000").unwrap();
        assert_eq!(t, ServerTime::from_unix_seconds(1_712_230_000));
        let t: ServerTime = serde_json::from_str(r#""2024-04-04T12:00:00Z""#).unwrap();
        assert_eq!(t, ServerTime::Text("2024-04-04T12:00:00Z".into()));
        assert_eq!(t.as_unix_seconds(), None);
        assert_eq!(ServerTime::Text("17".into()).as_unix_seconds(), Some(17));
    }
}

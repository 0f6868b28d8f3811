//! [`Timestamp`]: a Unix time as the server sends it (a number, or a numeric string).

use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// Raw values below this are read as seconds, at or above it as milliseconds. `10^11` ms is
/// March 1973; `10^11` s is the year 5138, so no real timestamp is ambiguous.
const SECONDS_BELOW: u64 = 100_000_000_000;

/// A Unix timestamp as sent by the server.
///
/// The docs say "milliseconds since the epoch, uint64", but real payloads differ: the
/// `addChatParticipant`/`removeChatParticipant` notifications carry a **string**
/// (`"1735370776"`), and that sample is in **seconds**. This type accepts a JSON number
/// (integer, or a float that is truncated) or a numeric string, remembers which form it got so
/// it re-serializes unchanged, and [`Timestamp::as_millis`] normalises the unit: raw values
/// below `10^11` are taken as seconds.
///
/// Equality compares the raw value and its form.
///
/// ```
/// use trueconf_chatbot::model::Timestamp;
///
/// let number: Timestamp = serde_json::from_str("1746028006345").unwrap();
/// let text: Timestamp = serde_json::from_str("\"1735370776\"").unwrap();
/// assert_eq!(number.as_millis(), 1_746_028_006_345);
/// assert_eq!(text.as_millis(), 1_735_370_776_000);
/// assert_eq!(serde_json::to_string(&text).unwrap(), "\"1735370776\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Timestamp {
    raw: u64,
    textual: bool,
}

impl Timestamp {
    /// A timestamp in milliseconds, serialized as a JSON number (the documented form).
    pub fn from_millis(millis: u64) -> Self {
        Self {
            raw: millis,
            textual: false,
        }
    }

    /// A timestamp whose raw value is serialized as a string (the form some notifications use).
    pub fn from_raw_text(raw: u64) -> Self {
        Self { raw, textual: true }
    }

    /// The value exactly as sent, in whatever unit the server used.
    pub fn raw(&self) -> u64 {
        self.raw
    }

    /// True if the server sent the value as a string.
    pub fn is_textual(&self) -> bool {
        self.textual
    }

    /// Milliseconds since the Unix epoch (raw values below `10^11` are taken as seconds).
    pub fn as_millis(&self) -> u64 {
        if self.raw < SECONDS_BELOW {
            self.raw.saturating_mul(1000)
        } else {
            self.raw
        }
    }

    /// The timestamp as a [`SystemTime`].
    pub fn to_system_time(&self) -> SystemTime {
        UNIX_EPOCH + Duration::from_millis(self.as_millis())
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.textual {
            serializer.collect_str(&self.raw)
        } else {
            serializer.serialize_u64(self.raw)
        }
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(TimestampVisitor)
    }
}

struct TimestampVisitor;

impl Visitor<'_> for TimestampVisitor {
    type Value = Timestamp;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a non-negative Unix timestamp as a number or a numeric string")
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Timestamp, E> {
        Ok(Timestamp::from_millis(v))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Timestamp, E> {
        u64::try_from(v)
            .map(Timestamp::from_millis)
            .map_err(|_| E::invalid_value(de::Unexpected::Signed(v), &self))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Timestamp, E> {
        float_to_u64(v)
            .map(Timestamp::from_millis)
            .ok_or_else(|| E::invalid_value(de::Unexpected::Float(v), &self))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Timestamp, E> {
        let trimmed = v.trim();
        let raw = trimmed
            .parse::<u64>()
            .ok()
            .or_else(|| trimmed.parse::<f64>().ok().and_then(float_to_u64));
        raw.map(Timestamp::from_raw_text)
            .ok_or_else(|| E::invalid_value(de::Unexpected::Str(v), &self))
    }
}

#[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
fn float_to_u64(v: f64) -> Option<u64> {
    // 2^64 as f64; anything at or above it does not fit.
    (0.0..18_446_744_073_709_551_616.0)
        .contains(&v)
        .then(|| v.trunc() as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_and_string_round_trip_in_their_own_form() {
        for raw in ["1765115572804", "\"1735370776\""] {
            let t: Timestamp = serde_json::from_str(raw).unwrap();
            assert_eq!(serde_json::to_string(&t).unwrap(), raw);
        }
    }

    #[test]
    fn seconds_are_normalised_to_millis() {
        let t: Timestamp = serde_json::from_str("\"1735370776\"").unwrap();
        assert!(t.is_textual());
        assert_eq!(t.raw(), 1_735_370_776);
        assert_eq!(t.as_millis(), 1_735_370_776_000);
        let ms = Timestamp::from_millis(1_760_594_447_544);
        assert_eq!(ms.as_millis(), 1_760_594_447_544);
        assert_eq!(
            ms.to_system_time(),
            UNIX_EPOCH + Duration::from_millis(1_760_594_447_544)
        );
    }

    #[test]
    fn floats_are_truncated_and_garbage_is_rejected() {
        let t: Timestamp = serde_json::from_str("1746028006345.7").unwrap();
        assert_eq!(t.raw(), 1_746_028_006_345);
        let s: Timestamp = serde_json::from_str("\" 1735370776 \"").unwrap();
        assert_eq!(s.raw(), 1_735_370_776);
        for bad in ["-1", "\"yesterday\"", "true", "null", "1e30"] {
            assert!(serde_json::from_str::<Timestamp>(bad).is_err(), "{bad}");
        }
    }
}

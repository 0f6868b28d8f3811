//! [`DateTime`]: the API's 24-character timestamps, kept as sent.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// A timestamp as the server sent it, e.g. `2017-01-01T00:00:00+0100`.
///
/// The API's dates are 24 characters with an offset **without** a colon, which RFC 3339
/// parsers reject. This type keeps the raw string (so nothing is lost and decoding never fails
/// on a string) and parses it on demand: first as `%Y-%m-%dT%H:%M:%S%z`, then as RFC 3339.
///
/// ```
/// use threema_work::model::DateTime;
///
/// let t = DateTime::new("2017-01-01T00:00:00+0100");
/// assert_eq!(t.parsed().unwrap().timestamp(), 1_483_225_200);
/// assert_eq!(DateTime::new("2017-01-01T00:00:00+01:00").parsed(), t.parsed());
/// assert_eq!(DateTime::new("soon").parsed(), None);
/// assert_eq!(DateTime::new("soon").as_str(), "soon");
/// ```
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DateTime(String);

impl DateTime {
    /// Wraps a raw timestamp string (not validated; see [`parsed`](Self::parsed)).
    pub fn new(raw: impl Into<String>) -> Self {
        Self(raw.into())
    }

    /// Formats a point in time in the API's form (`2017-01-01T00:00:00+0100`).
    pub fn from_chrono<Tz: chrono::TimeZone>(time: &chrono::DateTime<Tz>) -> Self
    where
        Tz::Offset: fmt::Display,
    {
        Self(time.format("%Y-%m-%dT%H:%M:%S%z").to_string())
    }

    /// The raw string, exactly as received.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The point in time, or `None` if the string is in neither the API's form nor RFC 3339.
    pub fn parsed(&self) -> Option<chrono::DateTime<chrono::FixedOffset>> {
        chrono::DateTime::parse_from_str(&self.0, "%Y-%m-%dT%H:%M:%S%z")
            .or_else(|_| chrono::DateTime::parse_from_rfc3339(&self.0))
            .ok()
    }
}

impl fmt::Debug for DateTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "DateTime({:?})", self.0)
    }
}

impl fmt::Display for DateTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Serialize for DateTime {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for DateTime {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(Self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{FixedOffset, TimeZone};

    #[test]
    fn api_form_and_rfc3339_parse_to_the_same_instant() {
        let api: DateTime = serde_json::from_str(r#""2021-12-01T00:00:00+0100""#).unwrap();
        assert_eq!(api.as_str().len(), 24);
        let expected = FixedOffset::east_opt(3600)
            .unwrap()
            .with_ymd_and_hms(2021, 12, 1, 0, 0, 0)
            .unwrap();
        assert_eq!(api.parsed(), Some(expected));
        assert_eq!(
            DateTime::new("2021-11-30T23:00:00Z")
                .parsed()
                .map(|t| t.timestamp()),
            Some(expected.timestamp())
        );
        assert_eq!(DateTime::from_chrono(&expected), api);
    }

    #[test]
    fn unparsable_strings_are_kept_and_round_trip() {
        let odd: DateTime = serde_json::from_str(r#""2021-12-01 00:00""#).unwrap();
        assert_eq!(odd.parsed(), None);
        assert_eq!(
            serde_json::to_string(&odd).unwrap(),
            r#""2021-12-01 00:00""#
        );
        assert_eq!(format!("{odd:?}"), r#"DateTime("2021-12-01 00:00")"#);
        assert!(serde_json::from_str::<DateTime>("5").is_err());
    }
}

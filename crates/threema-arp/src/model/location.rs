//! [`Location`]: the details of a location message.

use serde::{Deserialize, Serialize};

/// Location details (schema model `Location`).
///
/// The schema requires `description`, but Android may send `nil` (notes §6), so it is
/// optional here. Coordinates written as msgpack integers (as JavaScript encoders do for
/// whole numbers) decode too.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Location {
    /// WGS84 latitude.
    pub lat: f64,
    /// WGS84 longitude.
    pub lon: f64,
    /// Horizontal accuracy in metres.
    pub accuracy: f64,
    /// The address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// A description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

impl Location {
    /// A location.
    pub fn new(lat: f64, lon: f64, accuracy: f64) -> Self {
        Self {
            lat,
            lon,
            accuracy,
            address: None,
            description: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::{assert_keys, decode_value, map, round_trip};
    use rmpv::Value;

    #[test]
    fn round_trips_and_accepts_integers_and_nil_description() {
        let mut location = Location::new(47.37, 8.54, 15.0);
        location.address = Some("Zürich".into());
        location.description = Some("Lake".into());
        assert_keys(
            &round_trip(&location),
            "",
            &["lat", "lon", "accuracy", "address", "description"],
        );
        let whole: Location = decode_value(&map(vec![
            ("lat", Value::from(47)),
            ("lon", Value::F32(8.5)),
            ("accuracy", Value::from(10u8)),
            ("description", Value::Nil),
        ]));
        assert_eq!(whole, Location::new(47.0, 8.5, 10.0));
    }
}

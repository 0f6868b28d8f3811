//! [`Connection`]: the previous connection named in `update/connectionInfo.data.resume`.

use super::Binary;
use serde::{Deserialize, Serialize};

/// The connection a peer wants to resume (schema model `Connection`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Connection {
    /// The connection ID of the connection to resume.
    pub id: Binary,
    /// The number of chunks the sender **received** on that connection (its incoming
    /// sequence number), so the receiver can prune its chunk cache.
    pub sequence_number: u32,
}

impl Connection {
    /// The connection `id`, of which `sequence_number` chunks were received.
    pub fn new(id: impl Into<Binary>, sequence_number: u32) -> Self {
        Self {
            id: id.into(),
            sequence_number,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::{assert_bin, assert_keys, decode_value, map, round_trip};
    use rmpv::Value;

    #[test]
    fn round_trips_with_bin_id() {
        let value = round_trip(&Connection::new([7u8; 16], 42));
        assert_keys(&value, "", &["id", "sequenceNumber"]);
        assert_bin(&value, "id", &[7; 16]);
    }

    #[test]
    fn accepts_any_integer_width() {
        for number in [Value::from(5u8), Value::from(5u64), Value::from(5i64)] {
            let connection: Connection = decode_value(&map(vec![
                ("id", Value::Binary(vec![1; 16])),
                ("sequenceNumber", number),
            ]));
            assert_eq!(connection.sequence_number, 5);
        }
        let wide: Connection = decode_value(&map(vec![
            ("id", Value::Binary(vec![1; 16])),
            ("sequenceNumber", Value::from(u64::from(u32::MAX))),
        ]));
        assert_eq!(wide.sequence_number, u32::MAX);
    }
}

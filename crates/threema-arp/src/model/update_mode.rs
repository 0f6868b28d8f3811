//! [`UpdateMode`]: the spec alias `updateMode` (`args.mode`).

use crate::codec::string_enum;

string_enum! {
    /// How a subscribed item changed (`args.mode` of `update/conversation`,
    /// `update/messages` and `update/receiver`).
    pub enum UpdateMode {
        /// A new item.
        New = "new",
        /// An existing item changed.
        Modified = "modified",
        /// The item was removed.
        Removed = "removed",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::round_trip;

    #[test]
    fn round_trips_every_value() {
        for (value, wire) in [
            (UpdateMode::New, "new"),
            (UpdateMode::Modified, "modified"),
            (UpdateMode::Removed, "removed"),
            (UpdateMode::Other("moved".into()), "moved"),
        ] {
            assert_eq!(round_trip(&value).as_str(), Some(wire));
        }
    }
}

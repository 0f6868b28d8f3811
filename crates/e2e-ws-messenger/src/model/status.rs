//! [`Status`]: `ResponseStatusMessage.status`.

transport_core::open_string_enum! {
    /// The outcome in a `ResponseStatusMessage`. Only `"ok"` occurs in the seed; failure values
    /// are unknown and kept in [`Status::Other`].
    pub enum Status {
        /// `"ok"`: the request succeeded.
        Ok = "ok",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_and_unknown_values_round_trip() {
        let ok: Status = serde_json::from_str("\"ok\"").unwrap();
        assert_eq!(ok, Status::Ok);
        assert_eq!(serde_json::to_string(&ok).unwrap(), "\"ok\"");
        let other: Status = serde_json::from_str("\"ACCESS_DENIED\"").unwrap();
        assert_eq!(other, Status::Other("ACCESS_DENIED".into()));
        assert_eq!(other.as_str(), "ACCESS_DENIED");
        assert_eq!(serde_json::to_string(&other).unwrap(), "\"ACCESS_DENIED\"");
        // Case matters: "OK" is not "ok".
        assert_eq!(Status::from("OK"), Status::Other("OK".into()));
        assert_eq!(String::from(Status::Ok), "ok");
    }
}

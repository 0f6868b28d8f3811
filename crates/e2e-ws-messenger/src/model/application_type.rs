//! [`ApplicationType`]: `applicationType` of a registered application.

transport_core::open_string_enum! {
    /// The client platform of a registered application. Open set.
    pub enum ApplicationType {
        /// `"android"`.
        Android = "android",
        /// `"ios"`.
        Ios = "ios",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_values_and_unknown_ones() {
        assert_eq!(
            serde_json::from_str::<ApplicationType>("\"android\"").unwrap(),
            ApplicationType::Android
        );
        assert_eq!(ApplicationType::from("ios"), ApplicationType::Ios);
        let desktop = ApplicationType::from("desktop");
        assert_eq!(desktop, ApplicationType::Other("desktop".into()));
        assert_eq!(serde_json::to_string(&desktop).unwrap(), "\"desktop\"");
        assert_eq!(ApplicationType::Ios.as_str(), "ios");
    }
}

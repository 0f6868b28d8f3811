//! [`UserCapabilities`]: what another user's devices support, from their profile.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The capabilities in a profile. Capabilities this crate does not name are kept in
/// [`other`](Self::other).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct UserCapabilities {
    /// Payment activation.
    #[serde(default)]
    pub payment_activation: bool,
    /// Phone-number identity.
    #[serde(default)]
    pub pni: bool,
    /// Phone-number privacy.
    #[serde(default)]
    pub pnp: bool,
    /// Gift badges.
    #[serde(default)]
    pub gift_badges: bool,
    /// Other capabilities, by wire name.
    #[serde(flatten)]
    pub other: BTreeMap<String, serde_json::Value>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_and_new_capabilities() {
        let c: UserCapabilities =
            serde_json::from_str(r#"{"paymentActivation":true,"deleteSync":true}"#).unwrap();
        assert!(c.payment_activation && !c.pni);
        assert_eq!(c.other["deleteSync"], true);
    }
}

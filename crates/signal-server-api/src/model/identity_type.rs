//! [`IdentityType`]: which identity (ACI or PNI) a key operation is about.

use serde::{Deserialize, Serialize};

/// ACI or PNI. In JSON bodies (`CheckKeysRequest.identityType`) the wire values are `ACI` /
/// `PNI`, as the spec's enum says; in the `identity` query parameter they are lower-case
/// (`aci` / `pni`), as the spec's default `aci` and the official clients use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub enum IdentityType {
    /// The account identity.
    #[default]
    #[serde(rename = "ACI")]
    Aci,
    /// The phone-number identity.
    #[serde(rename = "PNI")]
    Pni,
}

impl IdentityType {
    /// The query-parameter form (`aci` / `pni`).
    pub fn as_query(self) -> &'static str {
        match self {
            Self::Aci => "aci",
            Self::Pni => "pni",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn body_and_query_forms() {
        assert_eq!(
            serde_json::to_string(&IdentityType::Pni).unwrap(),
            r#""PNI""#
        );
        assert_eq!(
            serde_json::from_str::<IdentityType>(r#""ACI""#).unwrap(),
            IdentityType::Aci
        );
        assert_eq!(IdentityType::Pni.as_query(), "pni");
        assert_eq!(IdentityType::default().as_query(), "aci");
    }
}

//! [`ServiceId`], [`Aci`] and [`Pni`]: the identifiers of accounts and their identities.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;
use uuid::Uuid;

/// An account identifier (ACI): the UUID of an account. On the wire: the bare UUID string.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Aci(pub Uuid);

/// A phone-number identifier (PNI): the UUID of an account's phone-number identity. As a plain
/// field (`"pni": "…"`) it is the bare UUID; as a [`ServiceId`] it is `PNI:<uuid>`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Pni(pub Uuid);

impl fmt::Display for Aci {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.hyphenated().fmt(f)
    }
}

impl fmt::Display for Pni {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.hyphenated().fmt(f)
    }
}

impl FromStr for Aci {
    type Err = InvalidServiceId;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Uuid::parse_str(s)
            .map(Self)
            .map_err(|_| InvalidServiceId(s.to_owned()))
    }
}

impl FromStr for Pni {
    type Err = InvalidServiceId;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bare = s.strip_prefix("PNI:").unwrap_or(s);
        Uuid::parse_str(bare)
            .map(Self)
            .map_err(|_| InvalidServiceId(s.to_owned()))
    }
}

/// A service identifier: an account's ACI or its PNI. On the wire (the spec shows an object,
/// the server sends a string): `<uuid>` for an ACI, `PNI:<uuid>` for a PNI.
///
/// ```
/// use signal_server_api::model::ServiceId;
///
/// let pni: ServiceId = "PNI:9d0652a3-dcc3-4d11-975f-74d61598733f".parse().unwrap();
/// assert!(matches!(pni, ServiceId::Pni(_)));
/// assert_eq!(pni.to_string(), "PNI:9d0652a3-dcc3-4d11-975f-74d61598733f");
/// let aci: ServiceId = "9d0652a3-dcc3-4d11-975f-74d61598733f".parse().unwrap();
/// assert_eq!(serde_json::to_string(&aci).unwrap(), r#""9d0652a3-dcc3-4d11-975f-74d61598733f""#);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum ServiceId {
    /// An account identifier.
    Aci(Aci),
    /// A phone-number identifier.
    Pni(Pni),
}

impl ServiceId {
    /// The UUID, whatever the kind.
    pub fn uuid(&self) -> Uuid {
        match self {
            Self::Aci(a) => a.0,
            Self::Pni(p) => p.0,
        }
    }
}

impl From<Aci> for ServiceId {
    fn from(aci: Aci) -> Self {
        Self::Aci(aci)
    }
}

impl From<Pni> for ServiceId {
    fn from(pni: Pni) -> Self {
        Self::Pni(pni)
    }
}

impl fmt::Display for ServiceId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Aci(a) => a.fmt(f),
            Self::Pni(p) => write!(f, "PNI:{p}"),
        }
    }
}

/// A string that is not a service identifier.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is not a service identifier (`<uuid>` or `PNI:<uuid>`)")]
pub struct InvalidServiceId(pub String);

impl FromStr for ServiceId {
    type Err = InvalidServiceId;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || InvalidServiceId(s.to_owned());
        if let Some(rest) = s.strip_prefix("PNI:") {
            return Uuid::parse_str(rest)
                .map(|u| Self::Pni(Pni(u)))
                .map_err(|_| err());
        }
        // `ACI:` is accepted as an explicit form of the default.
        let bare = s.strip_prefix("ACI:").unwrap_or(s);
        Uuid::parse_str(bare)
            .map(|u| Self::Aci(Aci(u)))
            .map_err(|_| err())
    }
}

impl Serialize for ServiceId {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for ServiceId {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const U: &str = "9d0652a3-dcc3-4d11-975f-74d61598733f";

    #[test]
    fn wire_forms() {
        let aci: ServiceId = serde_json::from_str(&format!("\"{U}\"")).unwrap();
        assert_eq!(aci, ServiceId::Aci(Aci(Uuid::parse_str(U).unwrap())));
        let pni: ServiceId = serde_json::from_str(&format!("\"PNI:{U}\"")).unwrap();
        assert_eq!(pni.uuid(), Uuid::parse_str(U).unwrap());
        assert_eq!(serde_json::to_value(pni).unwrap(), format!("PNI:{U}"));
        assert_eq!(serde_json::to_value(aci).unwrap(), U);
        // Plain PNI fields are bare UUIDs.
        let bare: Pni = serde_json::from_str(&format!("\"{U}\"")).unwrap();
        assert_eq!(serde_json::to_value(bare).unwrap(), U);
        assert_eq!(format!("ACI:{U}").parse::<ServiceId>().unwrap(), aci);
        assert_eq!(format!("PNI:{U}").parse::<Pni>().unwrap(), bare);
    }

    #[test]
    fn rejects_garbage_and_the_spec_object_shape() {
        assert!("PNI:nope".parse::<ServiceId>().is_err());
        let err = "x".parse::<ServiceId>().unwrap_err();
        assert_eq!(
            err.to_string(),
            "`x` is not a service identifier (`<uuid>` or `PNI:<uuid>`)"
        );
        assert!(serde_json::from_str::<ServiceId>(r#"{"identityType":"ACI","uuid":"x"}"#).is_err());
    }
}
